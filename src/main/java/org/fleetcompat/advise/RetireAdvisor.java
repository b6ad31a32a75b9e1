package org.fleetcompat.advise;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.fleetcompat.core.Baseline;

/**
 * {@code advise-retire}: the smallest sets of at most N hosts of a host set whose removal most
 * raises the set's baseline or most raises the VMs that can move freely within it, each with its
 * effect on stranded VMs. Only whole host classes (of the set) change the baseline or mobility;
 * removing part of a class only costs places to go, so candidate sets are unions of the set's host
 * classes. The search is greedy (add the class whose removal gains most); when the candidate sets
 * within the budget are few ({@link #MAX_ENUMERATED}), every one is evaluated as well and the best
 * wins, and {@link RetireOption#greedyAgrees()} says whether greedy found as good a set. Ties go to
 * fewer hosts, then fewer stranded VMs, then the other goal, then host ids. Every evaluation is on
 * class-level data ({@link ClassFleet}). Stateless and thread safe.
 *
 * <pre>{@code
 * List<RetireOption> options = RetireAdvisor.advise(fleet, poolHosts, 3);
 * }</pre>
 */
public final class RetireAdvisor {
  /** The most candidate sets evaluated exactly; beyond, only the greedy answer is given. */
  public static final int MAX_ENUMERATED = 50_000;

  private RetireAdvisor() {}

  /**
   * For each goal and each budget 1..{@code maxHosts}, the best set, leaving out a budget whose
   * best set is the previous budget's and sets that gain nothing. Never proposes the whole set.
   *
   * @throws IllegalArgumentException if {@code hosts} is empty or {@code maxHosts < 1}
   */
  public static List<RetireOption> advise(ClassFleet fleet, BitSet hosts, int maxHosts) {
    if (hosts.isEmpty() || maxHosts < 1) {
      throw new IllegalArgumentException("hosts must be non-empty and maxHosts at least 1");
    }
    Context ctx = new Context(fleet, hosts);
    List<RetireOption> out = new ArrayList<>();
    for (RetireGoal goal : RetireGoal.values()) {
      List<String> previous = null;
      for (int budget = 1; budget <= maxHosts; budget++) {
        Candidate greedy = ctx.greedy(goal, budget);
        Candidate exact = ctx.exact(goal, budget);
        Candidate best = exact != null ? exact : greedy;
        if (best == null || ctx.score(goal, best) <= 0) {
          continue;
        }
        RetireOption o =
            ctx.option(
                goal,
                budget,
                best,
                exact != null,
                greedy != null && ctx.compare(goal, greedy, best) == 0 || exact == null);
        if (!o.retiredHostIds().equals(previous)) {
          out.add(o);
          previous = o.retiredHostIds();
        }
      }
    }
    return out;
  }

  /** Evaluates the effect of retiring exactly {@code retired} (host indexes) from {@code hosts}. */
  public static RetireOption effect(ClassFleet fleet, BitSet hosts, BitSet retired) {
    Context ctx = new Context(fleet, hosts);
    Candidate c = ctx.candidate(retired);
    return ctx.option(RetireGoal.BASELINE, retired.cardinality(), c, true, true);
  }

  /** A candidate set and its effect. */
  private record Candidate(
      BitSet retired,
      List<String> ids,
      long stranded,
      long mobile,
      long gained,
      List<BaselineChange> changes) {}

  private static final class Context {
    final ClassFleet fleet;
    final BitSet hosts;
    final Baseline before;
    final long strandedBefore;
    final long mobileBefore;
    final List<BitSet> classHosts = new ArrayList<>();

    Context(ClassFleet fleet, BitSet hosts) {
      this.fleet = fleet;
      this.hosts = hosts;
      BitSet classes = fleet.classesOf(hosts);
      this.before = fleet.baseline(classes);
      this.strandedBefore = fleet.strandedVms(new BitSet());
      this.mobileBefore = fleet.mobileVms(classes);
      for (int c = classes.nextSetBit(0); c >= 0; c = classes.nextSetBit(c + 1)) {
        BitSet members = new BitSet();
        for (int h = hosts.nextSetBit(0); h >= 0; h = hosts.nextSetBit(h + 1)) {
          if (fleet.hostClassOf(h) == c) {
            members.set(h);
          }
        }
        classHosts.add(members);
      }
    }

    Candidate candidate(BitSet retired) {
      BitSet kept = (BitSet) hosts.clone();
      kept.andNot(retired);
      BitSet classes = fleet.classesOf(kept);
      List<BaselineChange> changes =
          classes.isEmpty() ? List.of() : BaselineChange.between(before, fleet.baseline(classes));
      List<String> ids = new ArrayList<>();
      for (int h = retired.nextSetBit(0); h >= 0; h = retired.nextSetBit(h + 1)) {
        ids.add(fleet.hostId(h));
      }
      ids.sort(null);
      return new Candidate(
          retired,
          ids,
          fleet.strandedVms(retired),
          fleet.mobileVms(classes),
          BaselineChange.featuresGained(changes),
          changes);
    }

    long score(RetireGoal goal, Candidate c) {
      return goal == RetireGoal.BASELINE ? c.gained() : c.mobile() - mobileBefore;
    }

    /** Negative when {@code a} is the better answer. */
    int compare(RetireGoal goal, Candidate a, Candidate b) {
      int c = Long.compare(score(goal, b), score(goal, a));
      if (c == 0) {
        c = Integer.compare(a.ids().size(), b.ids().size());
      }
      if (c == 0) {
        c = Long.compare(a.stranded(), b.stranded());
      }
      if (c == 0) {
        RetireGoal other = goal == RetireGoal.BASELINE ? RetireGoal.MOBILE : RetireGoal.BASELINE;
        c = Long.compare(score(other, b), score(other, a));
      }
      return c;
    }

    private int order(RetireGoal goal, Candidate a, Candidate b) {
      int c = compare(goal, a, b);
      return c != 0 ? c : String.join(",", a.ids()).compareTo(String.join(",", b.ids()));
    }

    /**
     * Adds, while the budget allows, the class whose removal gains most (a step may gain nothing
     * and enable a later one) and returns the best set on that path; null if no class fits.
     */
    Candidate greedy(RetireGoal goal, int budget) {
      BitSet retired = new BitSet();
      Candidate bestSeen = null;
      BitSet used = new BitSet();
      while (true) {
        Candidate best = null;
        int bestClass = -1;
        for (int k = 0; k < classHosts.size(); k++) {
          BitSet members = classHosts.get(k);
          if (used.get(k)
              || retired.cardinality() + members.cardinality() > budget
              || retired.cardinality() + members.cardinality() >= hosts.cardinality()) {
            continue;
          }
          BitSet next = (BitSet) retired.clone();
          next.or(members);
          Candidate cand = candidate(next);
          if (best == null || order(goal, cand, best) < 0) {
            best = cand;
            bestClass = k;
          }
        }
        if (best == null) {
          return bestSeen;
        }
        if (bestSeen == null || order(goal, best, bestSeen) < 0) {
          bestSeen = best;
        }
        retired = best.retired();
        used.set(bestClass);
      }
    }

    /** The best of every union of classes within the budget; null when there are too many. */
    Candidate exact(RetireGoal goal, int budget) {
      List<Integer> small = new ArrayList<>();
      for (int k = 0; k < classHosts.size(); k++) {
        if (classHosts.get(k).cardinality() <= budget) {
          small.add(k);
        }
      }
      if (combinations(small.size(), budget) > MAX_ENUMERATED) {
        return null;
      }
      Candidate[] best = new Candidate[1];
      enumerate(goal, budget, small, 0, new BitSet(), best);
      return best[0];
    }

    private void enumerate(
        RetireGoal goal,
        int budget,
        List<Integer> small,
        int from,
        BitSet retired,
        Candidate[] best) {
      for (int i = from; i < small.size(); i++) {
        BitSet members = classHosts.get(small.get(i));
        int size = retired.cardinality() + members.cardinality();
        if (size > budget || size >= hosts.cardinality()) {
          continue;
        }
        BitSet next = (BitSet) retired.clone();
        next.or(members);
        Candidate cand = candidate(next);
        if (best[0] == null || order(goal, cand, best[0]) < 0) {
          best[0] = cand;
        }
        enumerate(goal, budget, small, i + 1, next, best);
      }
    }

    /** An upper bound of the sets of at most {@code k} of {@code n} items, saturating. */
    private static long combinations(int n, int k) {
      long total = 0;
      long c = 1;
      for (int i = 1; i <= Math.min(k, n); i++) {
        c = c * (n - i + 1) / i;
        total += c;
        if (total > MAX_ENUMERATED) {
          return total;
        }
      }
      return total;
    }

    RetireOption option(
        RetireGoal goal, int budget, Candidate c, boolean exact, boolean greedyAgrees) {
      return new RetireOption(
          goal,
          budget,
          c.ids(),
          strandedBefore,
          c.stranded(),
          mobileBefore,
          c.mobile(),
          c.changes(),
          exact,
          greedyAgrees);
    }
  }
}
