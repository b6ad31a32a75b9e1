package org.fleetcompat.advise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.fleetcompat.reference.BaselineReference;
import org.fleetcompat.reference.RandomFleet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code advise-retire} on seeded random fleets run through the real pipeline: every answer's
 * claimed effect equals a full re-run on the snapshot without the retired hosts (stranded VMs from
 * the engine's vm_summary), the mobile VMs equal the nested loop, the baseline change equals the
 * difference of {@link BaselineReference} before and after, and each answer is optimal: a brute
 * force over every set of at most N hosts (not classes), scored by the references alone, finds
 * nothing better nor anything as good with fewer hosts. A failure names the seed.
 */
class AdviseRetireTest {
  private static final int MAX = 2;

  @TempDir Path tmp;

  static Stream<Arguments> fleets() {
    return Stream.of(
        Arguments.of(41L, RandomFleet.Shape.DENSE, 200, 16),
        Arguments.of(42L, RandomFleet.Shape.SPARSE, 150, 14),
        Arguments.of(43L, RandomFleet.Shape.ALL_DISTINCT, 100, 10),
        Arguments.of(44L, RandomFleet.Shape.DENSE, 150, 12));
  }

  @ParameterizedTest
  @MethodSource("fleets")
  void answersMatchReRunsAndBruteForce(long seed, RandomFleet.Shape shape, int vms, int hosts) {
    AdviseFleet f = new AdviseFleet(seed, shape, vms, hosts, tmp);
    String what = "seed " + seed + " " + shape;
    var all = f.runAll();
    ClassFleet fleet = ResultFleetReader.read(all);
    BitSet set = new BitSet();
    set.set(0, fleet.hostCount());
    List<String> setIds = new ArrayList<>(f.hosts.keySet());
    long strandedBefore = AdviseFleet.stranded(all);
    List<BaselineReference.Entry> before = BaselineReference.of(f.hostVectors(setIds));
    long mobileBefore = f.mobileByNestedLoop(setIds);

    List<RetireOption> options = RetireAdvisor.advise(fleet, set, MAX);
    int run = 0;
    for (RetireOption o : options) {
      String step = what + " " + o.goal() + " max " + o.maxHosts() + " " + o.retiredHostIds();
      assertThat(o.retiredHostIds()).as(step).isNotEmpty().hasSizeLessThanOrEqualTo(o.maxHosts());
      assertThat(o.strandedBefore())
          .as(step + ": stranded before vs engine")
          .isEqualTo(strandedBefore);
      assertThat(o.mobileBefore()).as(step + ": mobile before").isEqualTo(mobileBefore);
      List<String> kept = f.without(o.retiredHostIds());
      var rerun = f.run("retire-" + run++, kept);
      assertThat(o.strandedAfter())
          .as(step + ": stranded after vs re-run without the hosts")
          .isEqualTo(AdviseFleet.stranded(rerun));
      assertThat(o.mobileAfter())
          .as(step + ": mobile after vs nested loop")
          .isEqualTo(f.mobileByNestedLoop(kept));
      List<BaselineReference.Entry> after = BaselineReference.of(f.hostVectors(kept));
      assertThat(changedIds(o.changes()))
          .as(step + ": changed vectors vs BaselineReference before/after")
          .isEqualTo(referenceChangedIds(before, after));
      for (BaselineChange c : o.changes()) {
        assertThat(c.after() == null ? null : List.of(AdviseBaselineTest.entry(c.after())))
            .as(step + ": vector " + c.vectorId())
            .isEqualTo(entryOf(after, Integer.toUnsignedLong(c.vectorId())));
      }
      assertThat(o.featuresGained())
          .as(step + ": features gained")
          .isEqualTo(referenceGain(before, after));
      assertThat(o.exact()).as(step + ": small sets are enumerated").isTrue();
    }

    for (RetireGoal goal : RetireGoal.values()) {
      for (int budget = 1; budget <= MAX; budget++) {
        long[] best = bruteForce(f, setIds, before, mobileBefore, goal, budget);
        RetireOption answer = null;
        for (RetireOption o : options) {
          if (o.goal() == goal && o.maxHosts() <= budget) {
            answer = o;
          }
        }
        String step = what + " " + goal + " budget " + budget;
        if (best[0] <= 0) {
          assertThat(answer).as(step + ": nothing gains, nothing proposed").isNull();
        } else {
          assertThat(answer).as(step + ": brute force gains " + best[0]).isNotNull();
          long score =
              goal == RetireGoal.BASELINE
                  ? answer.featuresGained()
                  : answer.mobileAfter() - answer.mobileBefore();
          assertThat(score).as(step + ": best score").isEqualTo(best[0]);
          assertThat((long) answer.retiredHostIds().size())
              .as(step + ": fewest hosts for the best score")
              .isEqualTo(best[1]);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("fleets")
  void effectOfAnySetMatchesReRun(long seed, RandomFleet.Shape shape, int vms, int hosts) {
    AdviseFleet f = new AdviseFleet(seed, shape, vms, hosts, tmp);
    ClassFleet fleet = ResultFleetReader.read(f.runAll());
    Random rnd = new Random(seed);
    BitSet set = new BitSet();
    set.set(0, fleet.hostCount());
    BitSet retired = new BitSet();
    retired.set(rnd.nextInt(fleet.hostCount()));
    retired.set(rnd.nextInt(fleet.hostCount()));
    RetireOption o = RetireAdvisor.effect(fleet, set, retired);
    List<String> kept = f.without(o.retiredHostIds());
    assertThat(o.strandedAfter())
        .as("seed " + seed + " retiring " + o.retiredHostIds())
        .isEqualTo(AdviseFleet.stranded(f.run("effect", kept)));
    assertThat(o.mobileAfter()).isEqualTo(f.mobileByNestedLoop(kept));
  }

  /** {best score, fewest hosts reaching it} over every host set of 1..budget hosts. */
  private static long[] bruteForce(
      AdviseFleet f,
      List<String> setIds,
      List<BaselineReference.Entry> before,
      long mobileBefore,
      RetireGoal goal,
      int budget) {
    long[] best = {0, Long.MAX_VALUE};
    List<List<String>> subsets = new ArrayList<>();
    subsets(setIds, budget, 0, new ArrayList<>(), subsets);
    Map<List<String>, Long> seen = new HashMap<>();
    for (List<String> retired : subsets) {
      if (retired.isEmpty() || retired.size() >= setIds.size()) {
        continue;
      }
      List<String> kept = setIds.stream().filter(h -> !retired.contains(h)).toList();
      long score =
          goal == RetireGoal.BASELINE
              ? referenceGain(before, BaselineReference.of(f.hostVectors(kept)))
              : f.mobileByNestedLoop(kept) - mobileBefore;
      seen.put(retired, score);
      if (score > best[0] || (score == best[0] && retired.size() < best[1])) {
        best[0] = score;
        best[1] = retired.size();
      }
    }
    return best;
  }

  private static void subsets(
      List<String> ids, int k, int from, List<String> current, List<List<String>> out) {
    out.add(List.copyOf(current));
    if (current.size() == k) {
      return;
    }
    for (int i = from; i < ids.size(); i++) {
      current.add(ids.get(i));
      subsets(ids, k, i + 1, current, out);
      current.remove(current.size() - 1);
    }
  }

  private static List<Long> changedIds(List<BaselineChange> changes) {
    return changes.stream().map(c -> Integer.toUnsignedLong(c.vectorId())).toList();
  }

  private static List<Long> referenceChangedIds(
      List<BaselineReference.Entry> before, List<BaselineReference.Entry> after) {
    java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
    before.forEach(e -> ids.add(e.vectorId()));
    after.forEach(e -> ids.add(e.vectorId()));
    List<Long> out = new ArrayList<>();
    for (long id : ids) {
      if (!java.util.Objects.equals(entryOf(before, id), entryOf(after, id))) {
        out.add(id);
      }
    }
    return out;
  }

  private static List<BaselineReference.Entry> entryOf(
      List<BaselineReference.Entry> entries, long id) {
    for (BaselineReference.Entry e : entries) {
      if (e.vectorId() == id) {
        return List.of(e);
      }
    }
    return null;
  }

  /**
   * Features a baseline gains from {@code before} to {@code after}, from the reference entries:
   * bits for the same mask operation with a value on both sides (SubSet and Disjoint: bits now
   * allowed; SuperSet: bits no longer required), one per other changed vector.
   */
  static long referenceGain(
      List<BaselineReference.Entry> before, List<BaselineReference.Entry> after) {
    java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
    before.forEach(e -> ids.add(e.vectorId()));
    after.forEach(e -> ids.add(e.vectorId()));
    long total = 0;
    for (long id : ids) {
      List<BaselineReference.Entry> b = entryOf(before, id);
      List<BaselineReference.Entry> a = entryOf(after, id);
      if (java.util.Objects.equals(a, b)) {
        continue;
      }
      if (a != null
          && b != null
          && a.get(0).value() != null
          && b.get(0).value() != null
          && a.get(0).op().equals(b.get(0).op())
          && a.get(0).op() >= 1
          && a.get(0).op() <= 3) {
        total +=
            a.get(0).op() == 1
                ? b.get(0).value().andNot(a.get(0).value()).bitCount()
                : a.get(0).value().andNot(b.get(0).value()).bitCount();
      } else {
        total += 1;
      }
    }
    return total;
  }
}
