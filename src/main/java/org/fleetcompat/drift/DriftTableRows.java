package org.fleetcompat.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rows of each {@link DriftTable} for a {@link Drift}, as {@code Object[]} in the declared
 * column order with the value types of {@code io.ColumnType}, sorted by the table's sort key.
 * Stateless.
 */
public final class DriftTableRows {
  private DriftTableRows() {}

  /** The rows of {@code table}. */
  public static List<Object[]> of(DriftTable table, Drift d) {
    List<Object[]> rows = new ArrayList<>();
    switch (table) {
      case DRIFT_VMS -> d.vms().forEach(v -> rows.add(vm(v)));
      case DRIFT_HOSTS -> d.hosts().forEach(h -> rows.add(host(h)));
      case DRIFT_CAUSES -> {
        for (int i = 0; i < d.causes().size(); i++) {
          rows.add(cause(i + 1, d.causes().get(i)));
        }
      }
      case DRIFT_POOLS -> d.pools().forEach(p -> rows.add(pool(p)));
      case DRIFT_BLOCKERS -> d.blockers().forEach(b -> rows.add(blocker(b)));
    }
    rows.sort(order(table));
    return rows;
  }

  private static Object[] vm(VmDrift v) {
    return new Object[] {
      v.vmId(),
      v.change().name(),
      v.reconfigured(),
      v.moved(),
      v.oldEnabledState(),
      v.newEnabledState(),
      v.oldCurrentHostId(),
      v.newCurrentHostId(),
      v.oldCompatibleHosts(),
      v.newCompatibleHosts(),
      v.hostsLost(),
      v.hostsGained(),
      v.oldStranded(),
      v.newStranded(),
      v.cause(),
      v.causeDetail()
    };
  }

  private static Object[] host(HostDrift h) {
    return new Object[] {
      h.hostId(),
      h.change().name(),
      h.oldCluster(),
      h.newCluster(),
      h.oldPoolId(),
      h.newPoolId(),
      h.vectorsChanged(),
      h.vectorChanges(),
      h.oldEvacuable(),
      h.newEvacuable(),
      h.quarantineReason()
    };
  }

  private static Object[] cause(int rank, DriftCause c) {
    return new Object[] {
      rank,
      c.kind().name(),
      c.cluster(),
      c.vectorId() == null ? null : Integer.toUnsignedLong(c.vectorId()),
      c.name(),
      c.change() == null ? null : c.change().name(),
      c.bitsLost(),
      c.bitsGained(),
      c.oldValue(),
      c.newValue(),
      (long) c.systemIds().size(),
      c.systemIds(),
      c.vmsLost(),
      c.pairsLost(),
      c.vmsGained(),
      c.pairsGained(),
      c.description()
    };
  }

  private static Object[] pool(PoolDrift p) {
    return new Object[] {
      p.change().name(),
      p.oldPoolId(),
      p.newPoolId(),
      p.oldFirstHostId(),
      p.newFirstHostId(),
      p.oldHostCount(),
      p.newHostCount(),
      p.sharedHosts(),
      p.oldVmCountAccepted(),
      p.newVmCountAccepted(),
      p.oldClusters(),
      p.newClusters()
    };
  }

  private static Object[] blocker(BlockerDrift b) {
    return new Object[] {
      b.change().name(),
      b.vectorId(),
      b.name(),
      b.compareOperation(),
      b.operation(),
      b.reason(),
      b.oldBlockedPairs(),
      b.newBlockedPairs(),
      b.oldSoleBlockerPairs(),
      b.newSoleBlockerPairs()
    };
  }

  /** Rows in sort-key order, nulls first; strings in Java's order (ids are ASCII). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparator<Object[]> order(DriftTable t) {
    Comparator<Object[]> c = (a, b) -> 0;
    for (String col : t.sortKey()) {
      int i = t.indexOf(col);
      Comparator<Object[]> byCol =
          Comparator.comparing(
              r -> (Comparable) r[i], Comparator.nullsFirst(Comparator.naturalOrder()));
      c = c.thenComparing(byCol);
    }
    return c;
  }
}
