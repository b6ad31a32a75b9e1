package org.fleetcompat.io;

import java.util.Arrays;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;

/**
 * Every error about writing or reading a result table's Parquet files, built in one place so they
 * all name the table, the file, the column and the row, and say what to do.
 *
 * <p>A value the caller hands a writer that the declaration does not allow is a programming error:
 * an {@link IllegalArgumentException}. A file that cannot be written or read is a {@link
 * FleetcompatException} with the status the job or command ends with.
 */
final class ResultFileErrors {
  private ResultFileErrors() {}

  /** A null where the declaration says the column is never null. */
  static IllegalArgumentException nullValue(String table, String column, long row) {
    return new IllegalArgumentException(
        "Cannot write "
            + table
            + " row "
            + row
            + ": column "
            + column
            + " is null, but it is declared not nullable; pass a value");
  }

  /** A value of another Java type than the column's type takes. */
  static IllegalArgumentException wrongType(
      String table, String column, long row, Object value, ColumnType type) {
    return new IllegalArgumentException(
        "Cannot write "
            + table
            + " row "
            + row
            + ": column "
            + column
            + " holds "
            + value.getClass().getSimpleName()
            + " "
            + abbreviate(value)
            + ", expected "
            + javaType(type)
            + " for "
            + describe(type));
  }

  /** A row (or struct) with another number of values than it has columns (or fields). */
  static IllegalArgumentException wrongWidth(
      String table, String what, long row, int found, int expected, String per) {
    return new IllegalArgumentException(
        "Cannot write "
            + table
            + " row "
            + row
            + ": "
            + what
            + " has "
            + found
            + " values, expected "
            + expected
            + ", one per declared "
            + per);
  }

  /** A columnar setter that does not fit the column, or a row not complete at its end. */
  static IllegalArgumentException misuse(String table, String column, long row, String problem) {
    return new IllegalArgumentException(
        "Cannot write " + table + " row " + row + ": column " + column + " " + problem);
  }

  /** A dictionary that is not a list of distinct UTF-8 values in ascending byte order. */
  static IllegalArgumentException badDictionary(String table, String column, String problem) {
    return new IllegalArgumentException(
        "Cannot write "
            + table
            + ": the dictionary of column "
            + column
            + " "
            + problem
            + "; pass distinct UTF-8 values sorted by their unsigned bytes");
  }

  /**
   * Arrow cannot allocate its buffers, almost always because the JVM does not open {@code java.nio}
   * to it (status 32768).
   */
  static FleetcompatException arrowUnavailable(String table, String file, Throwable e) {
    return new FleetcompatException(
        ReturnCode.FAILED,
        "Cannot write the Arrow copy of result table "
            + table
            + " to "
            + file
            + ": Arrow cannot allocate memory ("
            + e
            + "); start the JVM with --add-opens=java.base/java.nio=ALL-UNNAMED"
            + " (jobs/fleetcompat adds it for --format arrow and both)",
        e);
  }

  /** The file system refused a write (status 32768). */
  static FleetcompatException cannotWrite(String table, String file, Exception e) {
    return new FleetcompatException(
        ReturnCode.FAILED,
        "Cannot write result table "
            + table
            + " to "
            + file
            + ": "
            + e.getMessage()
            + "; check that the output directory is writable and has space, then run again",
        e);
  }

  /** Nothing to read at a path (status 32773). */
  static FleetcompatException noTable(String table, String path, String problem) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot read result table "
            + table
            + ": "
            + path
            + " "
            + problem
            + "; point at a result directory's "
            + table
            + "/ or at one of its part files");
  }

  /** A file that is not a complete Parquet file (status 32773). */
  static FleetcompatException unreadable(String table, String file, Exception e) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot read result table "
            + table
            + ": file "
            + file
            + " is not a readable Parquet file ("
            + e.getMessage()
            + "); it may be truncated or still being written: run the job again to rewrite the"
            + " result, or read a complete one",
        e);
  }

  /** A declared column the file does not have (status 32773). */
  static FleetcompatException missingColumn(
      String table, String file, String column, String found) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot read result table "
            + table
            + ": file "
            + file
            + " has no column "
            + column
            + " (found columns: "
            + found
            + "); it was written with other columns: read it with the declaration it was written"
            + " with, or rewrite it");
  }

  /** A column stored with another type than declared (status 32776). */
  static FleetcompatException wrongColumnType(
      String table, String file, String column, String found, String expected) {
    return new FleetcompatException(
        ReturnCode.INCORRECT_DATA_TYPE,
        "Cannot read result table "
            + table
            + ": column "
            + column
            + " in file "
            + file
            + " is "
            + found
            + ", expected "
            + expected
            + "; rewrite the file with the declared type");
  }

  /** A stored value the declaration does not allow: a null, or a number out of range. */
  static FleetcompatException badValue(
      String table, String file, String column, long row, String problem) {
    return new FleetcompatException(
        ReturnCode.INCORRECT_DATA_TYPE,
        "Cannot read result table "
            + table
            + ": file "
            + file
            + " row "
            + row
            + " column "
            + column
            + " "
            + problem
            + "; rewrite the file with values its declaration allows");
  }

  /** The Java type a writer takes for {@code type} (ColumnType's contract). */
  static String javaType(ColumnType type) {
    if (type instanceof ColumnType.Scalar s) {
      return switch (s) {
        case STRING -> "a String";
        case INT -> "an Integer";
        case LONG, UINT64 -> "a Long";
        case BOOLEAN -> "a Boolean";
      };
    }
    return type instanceof ColumnType.ListOf ? "a List" : "an Object[]";
  }

  /** A column type as a reader would call it, e.g. {@code UINT64} or {@code LIST<INT>}. */
  static String describe(ColumnType type) {
    if (type instanceof ColumnType.Scalar s) {
      return s.name();
    }
    if (type instanceof ColumnType.ListOf l) {
      return "LIST<" + describe(l.element()) + ">";
    }
    return "STRUCT";
  }

  private static String abbreviate(Object value) {
    String s = value instanceof Object[] a ? Arrays.deepToString(a) : String.valueOf(value);
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
