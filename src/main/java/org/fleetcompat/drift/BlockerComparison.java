package org.fleetcompat.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares the fleet-wide blockers of two results by (vector, operation, reason). */
final class BlockerComparison {
  private BlockerComparison() {}

  /** The blockers that are new, vanished, grew or shrank; largest change in pairs first. */
  static List<BlockerDrift> compare(List<ResultRows.Blocker> old, List<ResultRows.Blocker> neu) {
    Map<String, ResultRows.Blocker> before = new LinkedHashMap<>();
    old.forEach(b -> before.put(b.key(), b));
    Map<String, ResultRows.Blocker> after = new LinkedHashMap<>();
    neu.forEach(b -> after.put(b.key(), b));
    List<BlockerDrift> out = new ArrayList<>();
    for (ResultRows.Blocker b : after.values()) {
      ResultRows.Blocker a = before.get(b.key());
      long ob = a == null ? 0 : a.blockedPairs();
      if (ob == b.blockedPairs()) {
        continue;
      }
      BlockerDrift.Change c =
          a == null
              ? BlockerDrift.Change.NEW
              : b.blockedPairs() > ob ? BlockerDrift.Change.GREW : BlockerDrift.Change.SHRANK;
      out.add(
          drift(
              c,
              b,
              ob,
              a == null ? 0 : a.soleBlockerPairs(),
              b.blockedPairs(),
              b.soleBlockerPairs()));
    }
    for (ResultRows.Blocker a : before.values()) {
      if (!after.containsKey(a.key())) {
        out.add(
            drift(BlockerDrift.Change.VANISHED, a, a.blockedPairs(), a.soleBlockerPairs(), 0, 0));
      }
    }
    out.sort(
        Comparator.comparingLong(
                (BlockerDrift d) -> -Math.abs(d.newBlockedPairs() - d.oldBlockedPairs()))
            .thenComparingLong(BlockerDrift::vectorId)
            .thenComparing(BlockerDrift::reason));
    return out;
  }

  private static BlockerDrift drift(
      BlockerDrift.Change c, ResultRows.Blocker b, long ob, long os, long nb, long ns) {
    return new BlockerDrift(
        c, b.vectorId(), b.name(), b.compareOperation(), b.operation(), b.reason(), ob, nb, os, ns);
  }
}
