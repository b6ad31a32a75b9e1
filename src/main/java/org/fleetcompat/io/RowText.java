package org.fleetcompat.io;

import java.util.List;

/**
 * How an input row is printed in {@code rejected.source_row}: {@code column=value, ...} in the
 * contract's column order, {@code null} for a null field, numbers as the file holds them. One
 * place, so that every reader and runner prints a row the same way.
 */
public final class RowText {
  private RowText() {}

  /** A vector table's row; each value already as text, or null. */
  public static String vector(
      String idColumn, String systemId, String vectorId, String operation, String value) {
    return idColumn
        + "="
        + orNull(systemId)
        + ", "
        + SnapshotTable.VECTOR_ID
        + "="
        + orNull(vectorId)
        + ", "
        + SnapshotTable.COMPARE_OPERATION
        + "="
        + orNull(operation)
        + ", "
        + SnapshotTable.COMPATIBILITY_INFO
        + "="
        + orNull(value);
  }

  /** An attribute table's row: the given columns with their values as text (or null). */
  public static String attributes(List<String> columns, List<String> values) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        s.append(", ");
      }
      s.append(columns.get(i)).append('=').append(orNull(values.get(i)));
    }
    return s.toString();
  }

  private static String orNull(String v) {
    return v == null ? "null" : v;
  }
}
