package org.fleetcompat.io;

import java.io.IOException;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;

/**
 * Every user-facing error about snapshot input, built in one place so they all name the file, the
 * column, what was found and what is expected, and say what to do.
 */
public final class InputErrors {
  private InputErrors() {}

  /** A required table is absent (status 32773). */
  public static FleetcompatException missingTable(String snapshot, SnapshotTable table) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot read "
            + table
            + ": snapshot "
            + snapshot
            + " has neither "
            + table
            + "/ (a directory of Parquet part files) nor "
            + table
            + ".parquet; write the table there or pass the right --snapshot");
  }

  /** The snapshot directory does not exist (status 32773). */
  public static FleetcompatException noSnapshot(String snapshot) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot read snapshot " + snapshot + ": no such directory; check --snapshot");
  }

  /** A point question names a system whose rows were quarantined (status 32773). */
  public static FleetcompatException quarantinedSystem(
      SnapshotTable table, String id, Rejection first) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        table.idColumn()
            + " '"
            + id
            + "' is quarantined in "
            + table.tableName()
            + " ("
            + first.reason()
            + ": "
            + first.message()
            + "); fix its rows in the snapshot to evaluate it");
  }

  /** A point question names a system with no rows in its vector table (status 32773). */
  public static FleetcompatException unknownSystem(
      SnapshotTable table, String id, String snapshot) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Unknown system: "
            + table.idColumn()
            + " '"
            + id
            + "' has no rows in "
            + table.tableName()
            + " of "
            + snapshot);
  }

  /** An optional table that a question needs is absent (status 32773). */
  public static FleetcompatException tableNeeded(
      String snapshot, SnapshotTable table, String purpose) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Snapshot "
            + snapshot
            + " has no "
            + table.tableName()
            + " table, which "
            + purpose
            + " needs");
  }

  /** An optional column that a question needs is absent (status 32773). */
  public static FleetcompatException columnNeeded(
      String snapshot, SnapshotTable table, String column, String neededFor, String fix) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Table "
            + table.tableName()
            + " of "
            + snapshot
            + " has no column "
            + column
            + ", which "
            + neededFor
            + "; "
            + fix);
  }

  /** A vector catalog file that cannot be used (status 32773). */
  public static FleetcompatException catalogInvalid(String file, String problem) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot read vector catalog " + file + ": " + problem + " (see conf/vector-catalog.json)");
  }

  /** A vector catalog of a newer format than this version reads (status 32770). */
  public static FleetcompatException catalogTooNew(String file, int found, int supported) {
    return new FleetcompatException(
        ReturnCode.NOT_SUPPORTED,
        "Vector catalog "
            + file
            + " has format_version "
            + found
            + "; this fleetcompat reads version "
            + supported
            + ": upgrade fleetcompat or write the catalog in version "
            + supported);
  }

  /** The snapshot's file system cannot be reached or listed (status 32773). */
  public static FleetcompatException unreachableSnapshot(String snapshot, IOException e) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot read snapshot "
            + snapshot
            + ": "
            + e.getMessage()
            + "; check the path and that its file system is reachable",
        e);
  }

  /** A table's directory cannot be listed (status 32773). */
  public static FleetcompatException unlistable(
      String snapshot, SnapshotTable table, IOException e) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot read " + table + " in snapshot " + snapshot + ": " + e.getMessage(),
        e);
  }

  /** A table directory holds no data file (status 32773). */
  public static FleetcompatException emptyTable(String path, SnapshotTable table) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot read " + table + ": directory " + path + " holds no Parquet file");
  }

  /** A required column is absent (status 32773). */
  public static FleetcompatException missingColumn(
      String file, SnapshotTable table, String column, String found) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot read "
            + table
            + ": file "
            + file
            + " has no column "
            + column
            + " (found columns: "
            + found
            + "); expected "
            + column
            + " as "
            + ColumnContract.expected(table, column));
  }

  /** A column of an unusable type (status 32776). */
  public static FleetcompatException wrongType(
      String file, SnapshotTable table, String column, String found) {
    return new FleetcompatException(
        ReturnCode.INCORRECT_DATA_TYPE,
        "Cannot read "
            + table
            + ": column "
            + column
            + " in file "
            + file
            + " is "
            + found
            + ", expected "
            + ColumnContract.expected(table, column)
            + "; rewrite the column with one of the expected types");
  }

  /** Two part files of one table disagree on a column's type (status 32776). */
  public static FleetcompatException mixedTypes(
      SnapshotTable table, String column, String file1, String type1, String file2, String type2) {
    return new FleetcompatException(
        ReturnCode.INCORRECT_DATA_TYPE,
        "Cannot read "
            + table
            + ": column "
            + column
            + " is "
            + type1
            + " in "
            + file1
            + " but "
            + type2
            + " in "
            + file2
            + "; all part files of a table must use one type");
  }

  /** A file that cannot be opened or is not Parquet (status 32773). */
  public static FleetcompatException unreadable(String file, SnapshotTable table, Exception e) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot read "
            + table
            + ": file "
            + file
            + " is not a readable Parquet file ("
            + cause(e)
            + "); rewrite it, or move it out of the snapshot",
        e);
  }

  /** A file whose Hadoop {@code .crc} sidecar does not match its bytes (status 32773). */
  public static FleetcompatException badChecksum(
      String file, SnapshotTable table, String sidecar, IOException e) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot read "
            + table
            + ": file "
            + file
            + " does not match its checksum file "
            + sidecar
            + " ("
            + cause(e).lines().findFirst().orElse("")
            + "); one of the two was damaged: copy both again, or delete the .crc file",
        e);
  }

  /** What went wrong reading a file, without the reader's object names. */
  private static String cause(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int at = m.indexOf(" is not a Parquet file");
    if (at > 0 && m.substring(0, at).contains("@")) {
      return "it" + m.substring(at);
    }
    return e.getClass().getSimpleName() + ": " + m;
  }
}
