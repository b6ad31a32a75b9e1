package org.fleetcompat.drift;

import java.io.IOException;
import java.util.List;
import org.fleetcompat.io.ResultColumn;
import org.fleetcompat.io.ResultTable;

/**
 * Where the rows of one result directory's tables come from: its files, or rows made by hand in
 * tests. Values are as {@link org.fleetcompat.io.ColumnType} says, one {@code Object[]} per row in
 * the order of the columns asked for.
 */
@FunctionalInterface
public interface TableSource {

  /**
   * Every row of {@code table}, with the {@code columns} asked for (a subset of the table's
   * declared columns, in that order).
   *
   * @throws IOException if the files cannot be read
   */
  List<Object[]> readAll(ResultTable table, List<ResultColumn> columns) throws IOException;

  /** Whether the directory has {@code table} at all (a table of an older result may be absent). */
  default boolean has(ResultTable table) throws IOException {
    return true;
  }
}
