package org.fleetcompat.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules for the optional {@code hosts} and {@code vms} tables, per system: a row with no id,
 * rows of one system that disagree, and rows of a system whose vectors were quarantined or are
 * absent are rejected; exact duplicates are collapsed and counted. Stateless and thread safe.
 */
public final class AttributeValidator {
  private AttributeValidator() {}

  private static final int HOST_MEMORY =
      optionalPosition(SnapshotTable.HOSTS, ColumnContract.MEMORY_MB);
  private static final int HOST_RESERVED =
      optionalPosition(SnapshotTable.HOSTS, ColumnContract.RESERVED_MEMORY_MB);

  /** The position of {@code column} among {@code table}'s optional contract columns. */
  public static int optionalPosition(SnapshotTable table, String column) {
    List<String> optional =
        ColumnContract.columns(table).stream()
            .filter(c -> !c.required())
            .map(ColumnContract.Column::name)
            .toList();
    int at = optional.indexOf(column);
    if (at < 0) {
      throw new IllegalArgumentException(table + " has no optional column " + column);
    }
    return at;
  }

  /**
   * Judges all rows of {@code systemId} (null: the rows that name no system).
   *
   * @param table {@link SnapshotTable#HOSTS} or {@link SnapshotTable#VMS}, for messages
   */
  public static AttributeVerdict validate(
      SnapshotTable table, String systemId, List<AttributeRow> rows) {
    Set<List<Object>> variants = new LinkedHashSet<>();
    rows.forEach(r -> variants.add(r.values()));
    AttributeRow.VectorStatus vectors = rows.get(0).vectors();
    RejectReason reason;
    String message;
    String capacity = systemId == null ? null : capacityFault(table, systemId, variants);
    if (systemId == null) {
      reason = RejectReason.NULL_SYSTEM_ID;
      message = table.idColumn() + " is null: the row belongs to no system";
    } else if (capacity != null) {
      reason = RejectReason.INVALID_CAPACITY;
      message = capacity;
    } else if (variants.size() > 1) {
      reason = RejectReason.CONFLICTING_ATTRIBUTES;
      message =
          table.idColumn()
              + " "
              + systemId
              + " has rows that disagree ("
              + variants.size()
              + " different versions); all are rejected";
    } else if (vectors == AttributeRow.VectorStatus.QUARANTINED) {
      reason = RejectReason.SYSTEM_QUARANTINED;
      message = "the vectors of " + systemId + " are quarantined, so its " + table + " row is too";
    } else if (vectors == AttributeRow.VectorStatus.ABSENT) {
      reason = RejectReason.NO_VECTORS;
      message = systemId + " has no rows in " + vectorTable(table);
    } else {
      return new AttributeVerdict(systemId, variants.iterator().next(), List.of(), rows.size() - 1);
    }
    List<Rejection> rejected = new ArrayList<>(rows.size());
    for (AttributeRow r : rows) {
      rejected.add(new Rejection(systemId, reason, message, r.row(), r.file()));
    }
    return new AttributeVerdict(systemId, null, rejected, 0);
  }

  /**
   * Why the capacity values of {@code systemId}'s rows are unusable, as a readable message, or null
   * when every row's are usable: a {@link CapacityFault}, or a host reserving more memory than it
   * has. Then all the system's rows, vector rows too, are quarantined.
   *
   * @param values the rows' optional-column values, in {@link ColumnContract#columns} order
   */
  public static String capacityFault(
      SnapshotTable table, String systemId, Iterable<List<Object>> values) {
    for (List<Object> row : values) {
      for (Object v : row) {
        if (v instanceof CapacityFault f) {
          return table
              + " row of "
              + systemId
              + ": "
              + f.column()
              + " is "
              + f.text()
              + ", expected a whole number >= 0; every row of "
              + systemId
              + " is quarantined";
        }
      }
      if (table == SnapshotTable.HOSTS
          && row.size() > HOST_RESERVED
          && row.get(HOST_MEMORY) instanceof Long m
          && row.get(HOST_RESERVED) instanceof Long r
          && r > m) {
        return table
            + " row of "
            + systemId
            + ": reserved_memory_mb "
            + r
            + " is more than memory_mb "
            + m
            + "; every row of "
            + systemId
            + " is quarantined";
      }
    }
    return null;
  }

  private static SnapshotTable vectorTable(SnapshotTable table) {
    return table == SnapshotTable.HOSTS ? SnapshotTable.HOST_VECTORS : SnapshotTable.VM_VECTORS;
  }
}
