package org.fleetcompat.io;

import java.io.IOException;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;

/** Every user-facing error about a result directory, built in one place. */
public final class OutputErrors {
  private OutputErrors() {}

  /** {@code --out} is something else than a result (status 32773). */
  public static FleetcompatException taken(String out, String why) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot publish to --out " + out + ": it " + why + "; choose a new directory or remove it");
  }

  /**
   * {@code --out} is the snapshot or inside it, where the next run would read the result as input
   * (status 32773).
   */
  public static FleetcompatException insideSnapshot(String out, String snapshot) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot publish to --out "
            + out
            + ": it is inside the snapshot "
            + snapshot
            + ", whose tables the next run would read it with; choose a directory outside it");
  }

  /** {@code --out} cannot be written (status 32773). */
  public static FleetcompatException notWritable(String out, IOException e) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot publish to --out "
            + out
            + ": "
            + describe(e)
            + "; check that its directory exists and is writable",
        e);
  }

  /** A {@code --format} that is not one of the result formats (status 32773). */
  public static FleetcompatException unknownFormat(String name) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Unknown result format '"
            + name
            + "': expected "
            + ResultFormat.names()
            + "; check --format");
  }

  /** A directory that holds no published result (status 32773). */
  public static FleetcompatException noResult(String dir, IOException e) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot read result "
            + dir
            + ": no readable "
            + ManifestWriter.FILE_NAME
            + " ("
            + describe(e)
            + "); pass the --out of a finished run",
        e);
  }

  /** A table the run did not write, e.g. compatible_pairs without --pairs (status 32773). */
  public static FleetcompatException tableNotWritten(String dir, String table) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Result "
            + dir
            + " has no table "
            + table
            + (table.equals(ResultTable.COMPATIBLE_PAIRS.tableName())
                ? ": the run was made without --pairs; run again with --pairs"
                : ": it is not in the manifest's outputs"));
  }

  /** The publish of a result failed after its tables were written (status 32768). */
  public static FleetcompatException cannotPublish(String out, IOException e) {
    return new FleetcompatException(
        ReturnCode.FAILED,
        "Cannot publish to " + out + ": " + describe(e) + "; check --out and the space left on it",
        e);
  }

  /** A report or a drift cannot be written to its {@code --out} (status 32768). */
  public static FleetcompatException cannotWrite(String what, String out, Exception e) {
    return new FleetcompatException(
        ReturnCode.FAILED,
        "Cannot write the "
            + what
            + " to "
            + out
            + ": "
            + e.getMessage()
            + ". Check that its directory exists and is writable, or pass another --out.",
        e);
  }

  /** The nightly root's {@code latest} is a file or directory, not a link (status 32773). */
  public static FleetcompatException latestNotALink(String link) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot point "
            + link
            + " at the new night: it is not a symbolic link; move it away, the nightly job"
            + " keeps it a link to the newest night");
  }

  /** Another nightly job holds the root's lock (status 32774). */
  public static FleetcompatException nightlyRootBusy(String root, String lockFile) {
    return new FleetcompatException(
        ReturnCode.SYSTEM_IN_USE,
        "Another fleetcompat nightly job is publishing into "
            + root
            + " (it holds "
            + lockFile
            + "); let it finish, and have the scheduler run one night of a root at a time");
  }

  private static String describe(IOException e) {
    String kind = e.getClass().getSimpleName();
    return e.getMessage() == null ? kind : kind + " " + e.getMessage();
  }
}
