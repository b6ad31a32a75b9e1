package org.fleetcompat.advise;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * {@code advise-baseline}: candidate baselines for a host set. The first candidate is the whole
 * set; each next one drops, greedily, the host class of the remaining subset whose removal gains
 * the most mobile VMs (VMs that fit every kept host); ties go to the class with fewer hosts, then
 * to fewer features lost, then to the smaller class number. It stops when one host class is left.
 * Every candidate is evaluated on class-level data ({@link ClassFleet}): a step costs O(K x VM
 * classes x host classes / 64) for K classes left. Stateless and thread safe.
 *
 * <pre>{@code
 * List<BaselineCandidate> c = BaselineAdvisor.candidates(fleet, hosts);
 * c.stream().filter(BaselineCandidate::pareto).forEach(System.out::println);
 * }</pre>
 */
public final class BaselineAdvisor {
  private BaselineAdvisor() {}

  /**
   * The candidates for the hosts (by index) in {@code hosts}, whole set first.
   *
   * @throws IllegalArgumentException if {@code hosts} is empty
   */
  public static List<BaselineCandidate> candidates(ClassFleet fleet, BitSet hosts) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("Cannot advise a baseline for an empty set of hosts");
    }
    List<BaselineCandidate> out = new ArrayList<>();
    BitSet kept = (BitSet) hosts.clone();
    out.add(evaluate(fleet, hosts, kept, 0));
    while (fleet.classesOf(kept).cardinality() > 1) {
      BitSet classes = fleet.classesOf(kept);
      BaselineCandidate best = null;
      BitSet bestKept = null;
      for (int c = classes.nextSetBit(0); c >= 0; c = classes.nextSetBit(c + 1)) {
        BitSet without = withoutClass(fleet, kept, c);
        BaselineCandidate cand = evaluate(fleet, hosts, without, out.size());
        if (best == null || better(cand, best)) {
          best = cand;
          bestKept = without;
        }
      }
      out.add(best);
      kept = bestKept;
    }
    return pareto(out);
  }

  /** The candidate of {@code kept} as a subset of {@code hosts}. */
  static BaselineCandidate evaluate(ClassFleet fleet, BitSet hosts, BitSet kept, int step) {
    BitSet classes = fleet.classesOf(kept);
    List<Integer> classList = classes.stream().boxed().toList();
    var baseline = fleet.baseline(classes);
    List<String> keptIds = new ArrayList<>();
    List<String> droppedIds = new ArrayList<>();
    for (int h = hosts.nextSetBit(0); h >= 0; h = hosts.nextSetBit(h + 1)) {
      (kept.get(h) ? keptIds : droppedIds).add(fleet.hostId(h));
    }
    keptIds.sort(null);
    droppedIds.sort(null);
    return new BaselineCandidate(
        step,
        keptIds,
        droppedIds,
        fleet.mobileVms(classes),
        baseline,
        FeatureLoss.of(baseline, classList, fleet),
        false);
  }

  private static boolean better(BaselineCandidate a, BaselineCandidate b) {
    if (a.mobileVms() != b.mobileVms()) {
      return a.mobileVms() > b.mobileVms();
    }
    if (a.keptHostIds().size() != b.keptHostIds().size()) {
      return a.keptHostIds().size() > b.keptHostIds().size();
    }
    return a.featuresLost() < b.featuresLost();
  }

  private static BitSet withoutClass(ClassFleet fleet, BitSet kept, int hostClass) {
    BitSet out = (BitSet) kept.clone();
    for (int h = kept.nextSetBit(0); h >= 0; h = kept.nextSetBit(h + 1)) {
      if (fleet.hostClassOf(h) == hostClass) {
        out.clear(h);
      }
    }
    return out;
  }

  /** Marks the candidates no other candidate dominates. */
  static List<BaselineCandidate> pareto(List<BaselineCandidate> all) {
    List<BaselineCandidate> out = new ArrayList<>();
    for (BaselineCandidate a : all) {
      boolean dominated = false;
      for (BaselineCandidate b : all) {
        dominated |= dominates(b, a);
      }
      out.add(a.withPareto(!dominated));
    }
    return out;
  }

  /** Whether {@code b} is at least as good as {@code a} in all three and better in one. */
  static boolean dominates(BaselineCandidate b, BaselineCandidate a) {
    int bh = b.keptHostIds().size();
    int ah = a.keptHostIds().size();
    boolean noWorse =
        bh >= ah && b.mobileVms() >= a.mobileVms() && b.featuresLost() <= a.featuresLost();
    boolean better =
        bh > ah || b.mobileVms() > a.mobileVms() || b.featuresLost() < a.featuresLost();
    return noWorse && better;
  }
}
