package org.fleetcompat.drift;

import java.io.IOException;
import java.util.List;
import org.fleetcompat.io.ResultColumn;
import org.fleetcompat.io.ResultTable;
import org.fleetcompat.io.Storage;
import org.fleetcompat.io.TableFileReader;

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

  /**
   * The tables of result directory {@code dir} on {@code storage}: each {@code dir/NAME/} read
   * through {@code io.TableFileReader}.
   */
  static TableSource files(Storage storage, String dir) {
    return new TableSource() {
      @Override
      public List<Object[]> readAll(ResultTable table, List<ResultColumn> columns) {
        return TableFileReader.readAll(
            storage, storage.resolve(dir, table.tableName()), table.tableName(), columns);
      }

      @Override
      public boolean has(ResultTable table) throws IOException {
        return storage.exists(storage.resolve(dir, table.tableName()));
      }
    };
  }
}
