package org.fleetcompat.io;

import java.util.Map;
import java.util.Optional;

/**
 * The tables of one snapshot, found and schema-checked; the two vector tables are always there.
 *
 * @param snapshot the snapshot directory URI as given
 * @param tables the tables present
 */
public record SnapshotInputs(String snapshot, Map<SnapshotTable, TableInput> tables) {

  /** A required table. */
  public TableInput required(SnapshotTable table) {
    TableInput t = tables.get(table);
    if (t == null) {
      throw new IllegalStateException(table + " was not inspected");
    }
    return t;
  }

  /** An optional table, if the snapshot has it. */
  public Optional<TableInput> optional(SnapshotTable table) {
    return Optional.ofNullable(tables.get(table));
  }
}
