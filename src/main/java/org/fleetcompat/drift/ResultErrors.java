package org.fleetcompat.drift;

import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;

/**
 * Every user-facing error about a result directory that the report and drift read, built in one
 * place: each says what is wrong, why, and what to do, and names the directory or file. Status
 * 32773 (invalid parameter) for a missing, damaged or partial result and for two results of
 * different fleets; 32770 (not supported) for a result of another format version.
 */
public final class ResultErrors {
  private ResultErrors() {}

  /** The directory does not exist or is not a directory. */
  public static FleetcompatException notADirectory(String dir) {
    return invalid(
        "Cannot read result %s: it does not exist or is not a directory. Pass the --out directory"
            + " of a finished 'fleetcompat run'.",
        dir);
  }

  /** The directory has no manifest.json. */
  public static FleetcompatException noManifest(String dir) {
    return invalid(
        "Cannot read result %s: it has no manifest.json, so it is not a result directory or its"
            + " run did not finish. Pass the --out directory of a finished 'fleetcompat run'.",
        dir);
  }

  /** manifest.json cannot be parsed, or lacks a field. */
  public static FleetcompatException damagedManifest(String file, String what) {
    return invalid(
        "Cannot read %s: %s; the result is damaged. Run 'fleetcompat run' again to rewrite it.",
        file, what);
  }

  /** The manifest names a format version this build cannot read. */
  public static FleetcompatException unsupportedFormat(String file, long found, long supported) {
    return new FleetcompatException(
        ReturnCode.NOT_SUPPORTED,
        String.format(
            "Cannot read %s: result format version %d, this fleetcompat reads version %d."
                + " Use the fleetcompat version that wrote it, or run it again with this one.",
            file, found, supported));
  }

  /** A table the manifest lists or the reader needs is missing from the directory. */
  public static FleetcompatException missingTable(String dir, String table) {
    return invalid(
        "Cannot read result %s: table %s is missing, so the result is partial. Run 'fleetcompat"
            + " run' again into a fresh --out.",
        dir, table);
  }

  /** A table lacks a column it needs: written by another version of fleetcompat. */
  public static FleetcompatException otherFormat(String dir, String table, String detail) {
    return new FleetcompatException(
        ReturnCode.NOT_SUPPORTED,
        String.format(
            "Cannot read table %s of result %s: %s; it was written by another fleetcompat"
                + " version. Run this version's 'fleetcompat run' again to rewrite it.",
            table, dir, detail));
  }

  /** A table holds another row count than the manifest says. */
  public static FleetcompatException rowCountMismatch(
      String dir, String table, long manifestRows, long rowsRead) {
    return invalid(
        "Cannot read table %s of result %s: manifest.json says %d rows, the files hold %d; the"
            + " result is damaged. Run 'fleetcompat run' again into a fresh --out.",
        table, dir, manifestRows, rowsRead);
  }

  /** A table cannot be read at all. */
  public static FleetcompatException unreadableTable(String dir, String table, Exception cause) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        String.format(
            "Cannot read table %s of result %s: %s; the result is damaged. Run 'fleetcompat run'"
                + " again into a fresh --out.",
            table, dir, firstLine(cause)),
        cause);
  }

  /** The run that wrote the directory did not succeed. */
  public static FleetcompatException failedRun(String file, int statusCode, String status) {
    return invalid(
        "Cannot report on %s: its run ended with status %d (%s), so its tables are incomplete."
            + " Fix what the run reported and run it again.",
        file, statusCode, status);
  }

  /** Two results do not describe the same fleet. */
  public static FleetcompatException differentFleets(
      String oldDir, String newDir, long shared, long oldHosts, long newHosts) {
    return invalid(
        "Cannot compare %s with %s: they share %d of their %d and %d hosts, so they are results"
            + " of different fleets' snapshots. Compare two nights of the same fleet.",
        oldDir, newDir, shared, oldHosts, newHosts);
  }

  /** A value of a table breaks the contract, e.g. a vm_class that no class_matrix row knows. */
  public static FleetcompatException inconsistent(String dir, String table, String what) {
    return invalid(
        "Cannot read table %s of result %s: %s; the result is damaged. Run 'fleetcompat run'"
            + " again into a fresh --out.",
        table, dir, what);
  }

  private static FleetcompatException invalid(String format, Object... args) {
    return new FleetcompatException(ReturnCode.INVALID_PARAMETER, String.format(format, args));
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
