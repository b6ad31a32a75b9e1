package org.fleetcompat.io;

import java.util.List;
import java.util.Set;

/**
 * One snapshot table as found on disk, its schema already checked against {@link ColumnContract}.
 *
 * @param table which table
 * @param location the file or directory URI it was read from
 * @param files the Parquet data files, sorted; never empty
 * @param columns the contract columns present in every file (required ones always)
 */
public record TableInput(
    SnapshotTable table, String location, List<String> files, Set<String> columns) {

  /** Whether the (optional) column is present. */
  public boolean hasColumn(String column) {
    return columns.contains(column);
  }
}
