package org.fleetcompat.drift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Matches the pools of two results by their hosts (pool numbers are not stable across nights): an
 * old pool whose hosts went to several new pools split, a new pool whose hosts came from several
 * old pools is a merge, a pool with no host on the other side appeared or vanished.
 */
final class PoolMatcher {
  private PoolMatcher() {}

  static List<PoolDrift> match(ResultDirectory old, ResultDirectory neu) {
    Map<Integer, ResultRows.Pool> oldPools = byId(old.pools());
    Map<Integer, ResultRows.Pool> newPools = byId(neu.pools());
    Map<String, Integer> newPoolOf = new HashMap<>();
    neu.hosts().forEach(h -> newPoolOf.put(h.hostId(), h.poolId()));
    Map<Integer, Map<Integer, Long>> shared = new TreeMap<>();
    Map<Integer, Long> oldSize = new HashMap<>();
    Map<Integer, Long> newSize = new HashMap<>();
    for (ResultRows.Host h : old.hosts()) {
      oldSize.merge(h.poolId(), 1L, Long::sum);
      Integer q = newPoolOf.get(h.hostId());
      if (q != null) {
        shared.computeIfAbsent(h.poolId(), k -> new TreeMap<>()).merge(q, 1L, Long::sum);
      }
    }
    neu.hosts().forEach(h -> newSize.merge(h.poolId(), 1L, Long::sum));
    Map<Integer, Integer> inDegree = new HashMap<>();
    shared.values().forEach(m -> m.keySet().forEach(q -> inDegree.merge(q, 1, Integer::sum)));

    List<PoolDrift> out = new ArrayList<>();
    for (ResultRows.Pool p : oldPools.values()) {
      Map<Integer, Long> to = shared.getOrDefault(p.poolId(), Map.of());
      if (to.isEmpty()) {
        out.add(row(PoolDrift.Change.VANISHED, p, null, 0));
      }
      for (Map.Entry<Integer, Long> e : to.entrySet()) {
        ResultRows.Pool q = newPools.get(e.getKey());
        boolean split = to.size() > 1;
        boolean merged = inDegree.getOrDefault(e.getKey(), 0) > 1;
        PoolDrift.Change c;
        if (split && merged) {
          c = PoolDrift.Change.REGROUPED;
        } else if (split) {
          c = PoolDrift.Change.SPLIT;
        } else if (merged) {
          c = PoolDrift.Change.MERGED;
        } else {
          boolean same =
              e.getValue() == oldSize.getOrDefault(p.poolId(), 0L)
                  && e.getValue() == newSize.getOrDefault(q.poolId(), 0L);
          c = same ? PoolDrift.Change.UNCHANGED : PoolDrift.Change.RESIZED;
        }
        out.add(row(c, p, q, e.getValue()));
      }
    }
    for (ResultRows.Pool q : newPools.values()) {
      if (!inDegree.containsKey(q.poolId())) {
        out.add(row(PoolDrift.Change.APPEARED, null, q, 0));
      }
    }
    return out;
  }

  private static PoolDrift row(
      PoolDrift.Change c, ResultRows.Pool p, ResultRows.Pool q, long shared) {
    return new PoolDrift(
        c,
        p == null ? null : p.poolId(),
        q == null ? null : q.poolId(),
        p == null ? null : p.firstHostId(),
        q == null ? null : q.firstHostId(),
        p == null ? 0 : p.hostCount(),
        q == null ? 0 : q.hostCount(),
        shared,
        p == null ? 0 : p.vmCountAccepted(),
        q == null ? 0 : q.vmCountAccepted(),
        p == null ? List.of() : p.clusters(),
        q == null ? List.of() : q.clusters());
  }

  private static Map<Integer, ResultRows.Pool> byId(List<ResultRows.Pool> pools) {
    Map<Integer, ResultRows.Pool> m = new TreeMap<>();
    pools.forEach(p -> m.put(p.poolId(), p));
    return m;
  }
}
