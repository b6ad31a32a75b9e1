package org.fleetcompat.pipeline;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fleetcompat.core.Baseline;
import org.fleetcompat.core.BaselineVector;
import org.fleetcompat.core.BlockerCount;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.FitMatrix;
import org.fleetcompat.core.Hex;
import org.fleetcompat.core.PoolEdge;
import org.fleetcompat.core.Pools;
import org.fleetcompat.core.Reason;
import org.fleetcompat.core.Utf8Order;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorSet;

/**
 * The rows of the class-level tables, made on the driver from the analysis: {@code pools} (with
 * their baselines), {@code pool_edges}, {@code blockers}, {@code blockers_by_pool}, {@code
 * vm_class_vectors} and {@code host_class_vectors}. Small: one row per pool, edge, blocker or class
 * vector. Rows are {@code Object[]} in the declared column order ({@link
 * org.fleetcompat.io.ResultTable}), sorted by the table's sort key.
 */
public final class DriverTables {
  private final FleetAnalysis analysis;
  private final VectorCatalog catalog;

  /** The tables of {@code analysis}, with names from {@code catalog}. */
  public DriverTables(FleetAnalysis analysis, VectorCatalog catalog) {
    this.analysis = analysis;
    this.catalog = catalog;
  }

  /** The clusters of pool {@code pool}'s hosts, sorted. */
  public List<String> clustersOf(int pool) {
    TreeSet<String> clusters = new TreeSet<>(Utf8Order.COMPARATOR);
    HostDirectory hosts = analysis.hosts();
    BitSet classes = analysis.pools().hostClasses(pool);
    for (int hc = classes.nextSetBit(0); hc >= 0; hc = classes.nextSetBit(hc + 1)) {
      for (int h : hosts.hostsOfClass(hc)) {
        if (hosts.clusterOf(h) != null) {
          clusters.add(hosts.clusterOf(h));
        }
      }
    }
    return List.copyOf(clusters);
  }

  /** One row per pool, by pool id. */
  public List<Object[]> pools() {
    Pools pools = analysis.pools();
    FitMatrix fits = analysis.fits();
    List<Object[]> rows = new ArrayList<>();
    for (int p = 0; p < pools.poolCount(); p++) {
      BitSet hostClasses = pools.hostClasses(p);
      List<Integer> numbers = new ArrayList<>();
      List<VectorSet> sets = new ArrayList<>();
      for (int h = hostClasses.nextSetBit(0); h >= 0; h = hostClasses.nextSetBit(h + 1)) {
        numbers.add(h);
        sets.add(analysis.hostClasses().vectors(h));
      }
      BitSet accepted = pools.acceptedVmClasses(p);
      rows.add(
          new Object[] {
            p,
            // Host classes are numbered by smallest host id, so the pool's first class has it.
            analysis.hostClasses().firstMember(hostClasses.nextSetBit(0)),
            fits.hostsIn(hostClasses),
            numbers.size(),
            List.copyOf(numbers),
            clustersOf(p),
            fits.vmsIn(accepted),
            accepted.cardinality(),
            baselineRows(Baseline.of(sets))
          });
    }
    return rows;
  }

  /** The baseline as the {@code pools.baseline} structs. */
  public List<Object[]> baselineRows(Baseline baseline) {
    List<Object[]> rows = new ArrayList<>();
    for (BaselineVector v : baseline.vectors()) {
      rows.add(
          new Object[] {
            Integer.toUnsignedLong(v.vectorId()),
            catalog.name(v.vectorId()),
            v.operation() == null ? null : v.operation().code(),
            v.hasValue() ? v.value() : null,
            v.hasValue() ? Hex.value(v.value()) : null,
            v.status().name()
          });
    }
    return rows;
  }

  /** {@code super_pool_id, sub_pool_id, covering}, by super then sub pool. */
  public List<Object[]> poolEdges() {
    List<Object[]> rows = new ArrayList<>();
    for (PoolEdge e : analysis.pools().edges()) {
      rows.add(new Object[] {e.superPool(), e.subPool(), e.covering()});
    }
    return rows;
  }

  /** Fleet-wide blockers: the per-pool counts summed, most blocked pairs first. */
  public List<Object[]> blockers() {
    Map<Key, long[]> sums = new TreeMap<>();
    for (BlockerCount c : analysis.blockers()) {
      long[] s = sums.computeIfAbsent(Key.of(c), k -> new long[2]);
      s[0] += c.blockedPairs();
      s[1] += c.soleBlockerPairs();
    }
    List<Map.Entry<Key, long[]>> sorted = new ArrayList<>(sums.entrySet());
    sorted.sort(
        Comparator.<Map.Entry<Key, long[]>>comparingLong(e -> -e.getValue()[0])
            .thenComparing(Map.Entry::getKey));
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<Key, long[]> e : sorted) {
      rows.add(blockerRow(e.getKey(), e.getValue()[0], e.getValue()[1]));
    }
    return rows;
  }

  /** Blockers per pool of the host: by pool, then most blocked pairs. */
  public List<Object[]> blockersByPool() {
    List<BlockerCount> sorted = new ArrayList<>(analysis.blockers());
    sorted.sort(
        Comparator.comparingInt(BlockerCount::pool)
            .thenComparingLong(c -> -c.blockedPairs())
            .thenComparing(Key::of));
    List<Object[]> rows = new ArrayList<>();
    for (BlockerCount c : sorted) {
      Object[] v = blockerRow(Key.of(c), c.blockedPairs(), c.soleBlockerPairs());
      Object[] withPool = new Object[v.length + 1];
      withPool[0] = c.pool();
      System.arraycopy(v, 0, withPool, 1, v.length);
      rows.add(withPool);
    }
    return rows;
  }

  /** The vectors of every class of one side, by class then vector id. */
  public List<Object[]> classVectors(ClassNumbering classes) {
    List<Object[]> rows = new ArrayList<>();
    for (int c = 0; c < classes.count(); c++) {
      VectorSet v = classes.vectors(c);
      for (int i = 0; i < v.size(); i++) {
        rows.add(
            new Object[] {
              c,
              Integer.toUnsignedLong(v.vectorId(i)),
              catalog.name(v.vectorId(i)),
              v.operation(i).code(),
              v.value(i),
              Hex.value(v.value(i))
            });
      }
    }
    return rows;
  }

  private Object[] blockerRow(Key k, long blocked, long sole) {
    return new Object[] {
      Integer.toUnsignedLong(k.vectorId()),
      catalog.name(k.vectorId()),
      k.operation().code(),
      k.operation().displayName(),
      k.reason().name(),
      blocked,
      sole
    };
  }

  /** A blocker row's identity, ordered by vector id (unsigned), operation, reason. */
  private record Key(int vectorId, CompareOperation operation, Reason reason)
      implements Comparable<Key> {
    static Key of(BlockerCount c) {
      return new Key(c.vectorId(), c.operation(), c.reason());
    }

    @Override
    public int compareTo(Key o) {
      int c = Integer.compareUnsigned(vectorId, o.vectorId);
      if (c == 0) {
        c = operation.compareTo(o.operation);
      }
      return c != 0 ? c : reason.compareTo(o.reason);
    }
  }
}
