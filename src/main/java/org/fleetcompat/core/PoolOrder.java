package org.fleetcompat.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The inclusion order of pools' accepted sets and its transitive reduction, for {@link
 * Pools#edges()}. Stateless.
 *
 * <p>Pools are ranked by cardinality: a strict superset has a larger cardinality, so each pool is
 * tested only against the higher ranks of larger cardinality, on trimmed word arrays (no BitSet
 * allocation per test). For the reduction, a sub pool's supersets are visited by rank, so every
 * pool between it and a candidate comes first: a candidate is covering unless a covering superset
 * already seen lies below it, and only covering edges pay for a union.
 */
final class PoolOrder {
  private PoolOrder() {}

  static List<PoolEdge> edges(List<BitSet> accepted) {
    int n = accepted.size();
    int[] poolCardinality = accepted.stream().mapToInt(BitSet::cardinality).toArray();
    int[] poolAtRank =
        IntStream.range(0, n)
            .boxed()
            .sorted(
                Comparator.<Integer>comparingInt(p -> poolCardinality[p]).thenComparingInt(p -> p))
            .mapToInt(Integer::intValue)
            .toArray();
    long[][] words = new long[n][];
    int[] cardinality = new int[n];
    for (int r = 0; r < n; r++) {
      words[r] = accepted.get(poolAtRank[r]).toLongArray();
      cardinality[r] = poolCardinality[poolAtRank[r]];
    }
    BitSet[] supersetRanks = new BitSet[n];
    int larger = 0;
    for (int r = 0; r < n; r++) {
      while (larger < n && cardinality[larger] <= cardinality[r]) {
        larger++;
      }
      supersetRanks[r] = new BitSet(n);
      for (int s = larger; s < n; s++) {
        if (isSubset(words[r], words[s])) {
          supersetRanks[r].set(s);
        }
      }
    }
    List<PoolEdge> edges = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      BitSet above = new BitSet(n);
      for (int s = supersetRanks[r].nextSetBit(0); s >= 0; s = supersetRanks[r].nextSetBit(s + 1)) {
        boolean covering = !above.get(s);
        if (covering) {
          above.or(supersetRanks[s]);
        }
        edges.add(new PoolEdge(poolAtRank[s], poolAtRank[r], covering));
      }
    }
    edges.sort(Comparator.comparingInt(PoolEdge::superPool).thenComparingInt(PoolEdge::subPool));
    return List.copyOf(edges);
  }

  /** Whether {@code sub} is a subset of {@code sup}; both trimmed (no trailing zero word). */
  private static boolean isSubset(long[] sub, long[] sup) {
    if (sub.length > sup.length) {
      return false;
    }
    for (int i = 0; i < sub.length; i++) {
      if ((sub[i] & ~sup[i]) != 0) {
        return false;
      }
    }
    return true;
  }
}
