package org.fleetcompat.io;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of {@code hosts} or {@code vms} read from one {@link InputSplit} and bound for one bucket:
 * each row's system id, its optional contract columns' values ({@link ColumnContract#columns}
 * order, null where null or absent) and its text for {@code rejected/}. Immutable once built;
 * serializable.
 *
 * @param table the table
 * @param file the file the rows were read from
 * @param splitIndex the split's index among its table's splits
 * @param rows the rows, in read order
 */
public record AttributeBatch(SnapshotTable table, String file, int splitIndex, List<Row> rows)
    implements Serializable {

  /** Copies the rows. */
  public AttributeBatch {
    rows = List.copyOf(rows);
  }

  /**
   * One attribute row.
   *
   * @param systemId the id as text, or null
   * @param values the optional columns' values: {@link Integer} for an INTEGER column (null when it
   *     does not fit one), {@link String} otherwise
   * @param text the row as read
   */
  public record Row(String systemId, List<Object> values, String text) implements Serializable {
    /** Copies the values (which may hold nulls). */
    public Row {
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }
  }
}
