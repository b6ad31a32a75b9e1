package org.fleetcompat.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fleetcompat.core.ReasonSplit.VectorFailures;

/**
 * Counts, per VM vector ({@code vector_id} and operation), reason and pool, how many VM-host pairs
 * the vector blocks and how many it alone blocks: the {@code blockers} table of SPEC section 5, and
 * for a single VM what keeps it off which pools (what {@code explain --vm} prints).
 *
 * <p>Pairs are weighted by class sizes: a VM class added with {@code vmCount} VMs and a host class
 * of {@code hostClassSizes[h]} hosts stand for {@code vmCount * hostClassSizes[h]} pairs. The
 * reasons are those of {@link PairCheck#outcome}, exactly. The work is per (VM class, vector) on
 * host-class bitmaps, never per pair: the failing host classes of each vector split by reason, a
 * bit-sliced count (at least once / at least twice) over the vectors to find where a vector is the
 * only failure, then one pass over the failing host classes adding their weights into their pools.
 *
 * <p>Not thread safe: use one tally per task and {@link #merge} them. Serializable, so
 * per-partition tallies can travel to be merged; a serialized tally carries its host index (the
 * host side the matrix job broadcasts anyway). Counts are exact while they fit in a {@code long}.
 *
 * <pre>{@code
 * BlockerTally tally = new BlockerTally(index, pools.poolOfHostClass(), hostClassSizes);
 * tally.add(vmClass, vmsInClass);
 * List<BlockerCount> rows = tally.counts();           // per pool
 * List<BlockerCount> fleet = tally.fleetWideCounts(); // pool = ALL_POOLS
 * }</pre>
 */
public final class BlockerTally implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Reason[] REASONS = Reason.values();

  private final HostClassIndex hosts;
  private final int[] poolOfHostClass;
  private final long[] hostClassSizes;
  private final int poolCount;

  /** Per (vector_id, operation, reason) key: blocked pairs per pool, then sole pairs per pool. */
  private final Map<Long, long[]> rows = new HashMap<>();

  private transient ReasonSplit split;

  /**
   * An empty tally over these host classes.
   *
   * @param hosts the indexed host classes
   * @param poolOfHostClass the pool id (0 or more) of each host class, indexed by host-class number
   *     (see {@link Pools#poolOfHostClass()}); copied
   * @param hostClassSizes how many hosts each host class has (0 or more); copied
   * @throws IllegalArgumentException if an array's length is not the index's host-class count, or
   *     it holds a negative entry
   */
  public BlockerTally(HostClassIndex hosts, int[] poolOfHostClass, long[] hostClassSizes) {
    int n = hosts.hostClassCount();
    if (poolOfHostClass.length != n || hostClassSizes.length != n) {
      throw new IllegalArgumentException(
          "Cannot tally blockers: the index has "
              + n
              + " host classes but "
              + poolOfHostClass.length
              + " pool ids and "
              + hostClassSizes.length
              + " class sizes were given; pass one of each per host class");
    }
    if (Arrays.stream(poolOfHostClass).anyMatch(p -> p < 0)
        || Arrays.stream(hostClassSizes).anyMatch(s -> s < 0)) {
      throw new IllegalArgumentException(
          "Cannot tally blockers: pool ids and host-class sizes must not be negative");
    }
    this.hosts = hosts;
    this.poolOfHostClass = poolOfHostClass.clone();
    this.hostClassSizes = hostClassSizes.clone();
    this.poolCount = Arrays.stream(poolOfHostClass).max().orElse(-1) + 1;
  }

  /**
   * Counts the pairs of {@code vmCount} VMs of this class with every host. Cost: per VM vector one
   * {@link HostClassIndex#passing} lookup, a few operations over host-class / 64 words, and one
   * step per host class where it fails.
   *
   * @param vmClass the VM class's vectors
   * @param vmCount how many VMs the class stands for (1 for a single VM); 0 or more
   */
  public void add(VectorSet vmClass, long vmCount) {
    int n = vmClass.size();
    if (n == 0 || vmCount == 0) {
      return;
    }
    if (split == null) {
      split = new ReasonSplit(hosts);
    }
    VectorFailures[] failures = new VectorFailures[n];
    BitSet once = new BitSet();
    BitSet twice = new BitSet();
    for (int i = 0; i < n; i++) {
      failures[i] = split.failing(vmClass.vectorId(i), vmClass.operation(i), vmClass.value(i));
      BitSet again = (BitSet) once.clone();
      again.and(failures[i].any());
      twice.or(again);
      once.or(failures[i].any());
    }
    for (int i = 0; i < n; i++) {
      BitSet[] byReason = failures[i].byReason();
      for (int r = 0; r < byReason.length; r++) {
        if (byReason[r] != null && !byReason[r].isEmpty()) {
          long key = key(vmClass.vectorId(i), vmClass.operation(i), REASONS[r]);
          accumulate(key, byReason[r], twice, vmCount);
        }
      }
    }
  }

  /**
   * Adds another tally's counts to this one (the other is unchanged), as if its VM classes had been
   * added here. Cost O(rows x pools).
   *
   * @throws IllegalArgumentException if the other tally counts over other host classes, pools or
   *     class sizes
   */
  public void merge(BlockerTally other) {
    if (other.hosts.hostClassCount() != hosts.hostClassCount()
        || !Arrays.equals(other.poolOfHostClass, poolOfHostClass)
        || !Arrays.equals(other.hostClassSizes, hostClassSizes)) {
      throw new IllegalArgumentException(
          "Cannot merge blocker tallies over different host sides: build both from the same"
              + " index, pool ids and host-class sizes");
    }
    other.rows.forEach(
        (key, row) -> {
          long[] mine = rows.computeIfAbsent(key, k -> new long[row.length]);
          for (int i = 0; i < row.length; i++) {
            mine[i] += row[i];
          }
        });
  }

  /**
   * The nonzero counts per pool, sorted by {@code vector_id} (unsigned), operation code, reason
   * (declaration order), then pool: the same order for the same counts. A new list.
   */
  public List<BlockerCount> counts() {
    List<BlockerCount> out = new ArrayList<>();
    for (long key : sortedKeys()) {
      long[] row = rows.get(key);
      for (int pool = 0; pool < poolCount; pool++) {
        if (row[pool] != 0) {
          out.add(count(key, pool, row[pool], row[poolCount + pool]));
        }
      }
    }
    return out;
  }

  /**
   * The nonzero counts summed over all pools, with {@code pool} {@link BlockerCount#ALL_POOLS},
   * sorted like {@link #counts()}. A new list.
   */
  public List<BlockerCount> fleetWideCounts() {
    List<BlockerCount> out = new ArrayList<>();
    for (long key : sortedKeys()) {
      long[] row = rows.get(key);
      long blocked = 0;
      long sole = 0;
      for (int pool = 0; pool < poolCount; pool++) {
        blocked += row[pool];
        sole += row[poolCount + pool];
      }
      if (blocked != 0) {
        out.add(count(key, BlockerCount.ALL_POOLS, blocked, sole));
      }
    }
    return out;
  }

  private void accumulate(long key, BitSet failing, BitSet failingTwice, long vmCount) {
    long[] row = rows.computeIfAbsent(key, k -> new long[2 * poolCount]);
    for (int hc = failing.nextSetBit(0); hc >= 0; hc = failing.nextSetBit(hc + 1)) {
      long pairs = vmCount * hostClassSizes[hc];
      int pool = poolOfHostClass[hc];
      row[pool] += pairs;
      if (!failingTwice.get(hc)) {
        row[poolCount + pool] += pairs;
      }
    }
  }

  /** Keys order as (unsigned vector_id, operation code, reason ordinal): all are non-negative. */
  private static long key(int vectorId, CompareOperation op, Reason reason) {
    return (Integer.toUnsignedLong(vectorId) << 8) | ((long) op.code() << 3) | reason.ordinal();
  }

  private long[] sortedKeys() {
    return rows.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
  }

  private static BlockerCount count(long key, int pool, long blocked, long sole) {
    return new BlockerCount(
        (int) (key >>> 8),
        CompareOperation.ofCode((key >>> 3) & 0xf),
        REASONS[(int) (key & 7)],
        pool,
        blocked,
        sole);
  }
}
