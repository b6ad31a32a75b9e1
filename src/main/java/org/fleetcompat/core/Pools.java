package org.fleetcompat.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compatibility pools (SPEC section 6): the host classes that accept exactly the same set of VM
 * classes (identical matrix columns), and the partial order of pools by inclusion of their accepted
 * sets. Within a pool, hosts are interchangeable for today's workloads.
 *
 * <p>Numbering is stable for an unchanged input: pool ids run from 0 in order of each pool's
 * smallest host-class number. Host classes are numbered by their smallest host id, so this orders
 * pools by their smallest host id too. Host classes that accept no VM class form one pool like any
 * other (the least element of the order, when there are VM classes others accept).
 *
 * <p>Immutable and thread safe. Every returned set or array is a copy the caller owns. The edges
 * are computed on the first call to {@link #edges()} and kept.
 *
 * <pre>{@code
 * List<BitSet> columns = ...;   // per host class: the VM classes it accepts
 * Pools pools = Pools.of(columns);
 * int pool = pools.poolOf(hostClass);
 * List<PoolEdge> hasse = pools.edges().stream().filter(PoolEdge::covering).toList();
 * }</pre>
 */
public final class Pools {
  private final int[] poolOfHostClass;
  private final List<BitSet> hostClasses;
  private final List<BitSet> accepted;
  private volatile List<PoolEdge> edges;

  private Pools(int[] poolOfHostClass, List<BitSet> hostClasses, List<BitSet> accepted) {
    this.poolOfHostClass = poolOfHostClass;
    this.hostClasses = hostClasses;
    this.accepted = accepted;
  }

  /**
   * Groups host classes into pools.
   *
   * @param acceptedVmClassesByHostClass at index {@code h}, the VM classes host class {@code h}
   *     accepts (its matrix column); not modified, not kept
   * @return the pools; cost O(host classes x VM classes / 64) for hashing and comparing columns
   */
  public static Pools of(List<BitSet> acceptedVmClassesByHostClass) {
    int n = acceptedVmClassesByHostClass.size();
    Map<BitSet, Integer> poolByColumn = new HashMap<>();
    List<BitSet> hostClasses = new ArrayList<>();
    List<BitSet> accepted = new ArrayList<>();
    int[] poolOf = new int[n];
    for (int hc = 0; hc < n; hc++) {
      BitSet column = acceptedVmClassesByHostClass.get(hc);
      Integer pool = poolByColumn.get(column);
      if (pool == null) {
        pool = accepted.size();
        BitSet copy = (BitSet) column.clone();
        poolByColumn.put(copy, pool);
        accepted.add(copy);
        hostClasses.add(new BitSet());
      }
      poolOf[hc] = pool;
      hostClasses.get(pool).set(hc);
    }
    return new Pools(poolOf, hostClasses, accepted);
  }

  /** How many pools there are; 0 exactly when there are no host classes. */
  public int poolCount() {
    return accepted.size();
  }

  /** The pool of host class {@code hostClass} (0 to host classes - 1). Constant time. */
  public int poolOf(int hostClass) {
    return poolOfHostClass[hostClass];
  }

  /** The pool of every host class, indexed by host-class number: a new array. */
  public int[] poolOfHostClass() {
    return poolOfHostClass.clone();
  }

  /** The host classes in pool {@code pool}: never empty, a new set. */
  public BitSet hostClasses(int pool) {
    return (BitSet) hostClasses.get(pool).clone();
  }

  /** The VM classes every host class of pool {@code pool} accepts (may be empty): a new set. */
  public BitSet acceptedVmClasses(int pool) {
    return (BitSet) accepted.get(pool).clone();
  }

  /**
   * The partial order: one edge for every ordered pair of pools where {@code superPool} accepts a
   * strict superset of {@code subPool}'s VM classes, sorted by super pool, then sub pool; {@link
   * PoolEdge#covering()} marks the transitive reduction. Unmodifiable.
   *
   * <p>Cost on the first call, for P pools over V VM classes: at most P^2/2 inclusion tests, only
   * between pools of different cardinality, each stopping at the first 64-bit word that disproves
   * it (V/64 words at worst), plus P/64 words per covering edge; memory O(edges), at most P^2/2.
   * Later calls return the same list.
   */
  public List<PoolEdge> edges() {
    List<PoolEdge> result = edges;
    if (result == null) {
      // A race computes the same immutable list twice at worst.
      result = PoolOrder.edges(accepted);
      edges = result;
    }
    return result;
  }
}
