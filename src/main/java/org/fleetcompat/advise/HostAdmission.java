package org.fleetcompat.advise;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host-admission what-if on class-level data: hosts that join the fleet (copies of existing
 * hosts, {@code --like HOST:COUNT}, or new configurations, {@code --add-hosts FILE}, whose classes
 * the fleet carries with their matrix columns and no host) and hosts that leave it. Pools are
 * recomputed from the matrix columns of the host classes that still have hosts (SPEC section 6);
 * per (VM class, current host) group, compatible hosts are counted before and after, which gives
 * the VMs that gain or lose hosts and the stranded ones. A VM whose current host leaves counts
 * every compatible host that remains, as a re-run on the changed snapshot would. Cost O(VM groups +
 * VM classes x host classes / 64). Stateless.
 */
public final class HostAdmission {
  private HostAdmission() {}

  /**
   * A host that joins the fleet.
   *
   * @param hostId the new host's id
   * @param hostClass its class in the fleet: that of the host it copies, or a class of the fleet
   *     that has no host yet (a new configuration, whose matrix column the fleet carries)
   */
  public record Added(String hostId, int hostClass) {}

  /** The effect of adding {@code added} and removing {@code retired} (host indexes). */
  public static AdmissionEffect evaluate(ClassFleet fleet, List<Added> added, BitSet retired) {
    int classes = fleet.hostClassCount();
    long[] before = new long[classes];
    long[] after = new long[classes];
    List<List<String>> idsAfter = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      idsAfter.add(new ArrayList<>());
    }
    for (int h = 0; h < fleet.hostCount(); h++) {
      int c = fleet.hostClassOf(h);
      before[c]++;
      if (!retired.get(h)) {
        after[c]++;
        idsAfter.get(c).add(fleet.hostId(h));
      }
    }
    for (Added a : added) {
      after[a.hostClass()]++;
      idsAfter.get(a.hostClass()).add(a.hostId());
    }
    long gaining = 0;
    long losing = 0;
    long strandedBefore = 0;
    long strandedAfter = 0;
    long newly = 0;
    long noLonger = 0;
    for (int g = 0; g < fleet.groupCount(); g++) {
      int v = fleet.groupVmClass(g);
      long n = fleet.groupSize(g);
      long compatibleBefore = 0;
      long compatibleAfter = 0;
      for (int c = 0; c < classes; c++) {
        if (fleet.fits(v, c)) {
          compatibleBefore += before[c];
          compatibleAfter += after[c];
        }
      }
      int h = fleet.groupHost(g);
      boolean okBefore = h >= 0 && fleet.fits(v, fleet.hostClassOf(h));
      boolean okAfter = okBefore && !retired.get(h);
      boolean wasStranded = compatibleBefore - (okBefore ? 1 : 0) == 0;
      boolean isStranded = compatibleAfter - (okAfter ? 1 : 0) == 0;
      gaining += compatibleAfter > compatibleBefore ? n : 0;
      losing += compatibleAfter < compatibleBefore ? n : 0;
      strandedBefore += wasStranded ? n : 0;
      strandedAfter += isStranded ? n : 0;
      newly += isStranded && !wasStranded ? n : 0;
      noLonger += wasStranded && !isStranded ? n : 0;
    }
    Map<BitSet, List<Integer>> poolsBefore = pools(fleet, before);
    Map<BitSet, List<Integer>> poolsAfter = pools(fleet, after);
    List<AdmissionEffect.NewPool> newPools = new ArrayList<>();
    for (Map.Entry<BitSet, List<Integer>> p : poolsAfter.entrySet()) {
      if (!poolsBefore.containsKey(p.getKey())) {
        List<String> ids = new ArrayList<>();
        for (int c : p.getValue()) {
          ids.addAll(idsAfter.get(c));
        }
        ids.sort(null);
        long accepted = 0;
        for (int v = p.getKey().nextSetBit(0); v >= 0; v = p.getKey().nextSetBit(v + 1)) {
          accepted += fleet.vmClassSize(v);
        }
        newPools.add(new AdmissionEffect.NewPool(ids.size(), ids, accepted));
      }
    }
    newPools.sort((a, b) -> a.hostIds().get(0).compareTo(b.hostIds().get(0)));
    Set<BitSet> vanished = new HashSet<>(poolsBefore.keySet());
    vanished.removeAll(poolsAfter.keySet());
    return new AdmissionEffect(
        sum(before),
        sum(after),
        poolsBefore.size(),
        poolsAfter.size(),
        newPools,
        vanished.size(),
        gaining,
        losing,
        strandedBefore,
        strandedAfter,
        newly,
        noLonger);
  }

  /** Pools: the host classes with hosts, grouped by the VM classes they accept. */
  private static Map<BitSet, List<Integer>> pools(ClassFleet fleet, long[] hostsOfClass) {
    Map<BitSet, List<Integer>> pools = new HashMap<>();
    for (int c = 0; c < hostsOfClass.length; c++) {
      if (hostsOfClass[c] == 0) {
        continue;
      }
      BitSet column = new BitSet();
      for (int v = 0; v < fleet.vmClassCount(); v++) {
        if (fleet.fits(v, c)) {
          column.set(v);
        }
      }
      pools.computeIfAbsent(column, k -> new ArrayList<>()).add(c);
    }
    return pools;
  }

  private static long sum(long[] counts) {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }
}
