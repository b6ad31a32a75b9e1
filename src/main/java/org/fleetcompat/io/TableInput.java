package org.fleetcompat.io;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One snapshot table as found on disk, its schema already checked against {@link ColumnContract}.
 *
 * @param table which table
 * @param location the file or directory it was read from
 * @param files the Parquet data files, sorted; never empty
 * @param columns the contract columns present in every file (required ones always)
 * @param columnTypes per contract column present, its Parquet type as {@link
 *     ColumnContract#describe} prints it (the same in every file)
 * @param rowCount the rows of all its files, from their footers: the rows a reader sees, counted
 *     independently of any reader (the {@code rows_read} of the manifest)
 * @param splits the pieces tasks read, in file order
 * @param ignoredColumns columns of its files that are not in the contract, so the engine does not
 *     read them (capacity columns of {@code hosts}, for instance), sorted; empty when none
 */
public record TableInput(
    SnapshotTable table,
    String location,
    List<String> files,
    Set<String> columns,
    Map<String, String> columnTypes,
    long rowCount,
    List<InputSplit> splits,
    List<String> ignoredColumns)
    implements java.io.Serializable {

  /** Whether the (optional) column is present. */
  public boolean hasColumn(String column) {
    return columns.contains(column);
  }
}
