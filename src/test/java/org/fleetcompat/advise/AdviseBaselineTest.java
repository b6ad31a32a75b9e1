package org.fleetcompat.advise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import org.fleetcompat.core.Baseline;
import org.fleetcompat.core.BaselineVector;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.drift.ResultRows;
import org.fleetcompat.reference.BaselineReference;
import org.fleetcompat.reference.NestedLoopReference;
import org.fleetcompat.reference.NestedLoopReference.RefVector;
import org.fleetcompat.reference.RandomFleet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code advise-baseline} on seeded random fleets run through the real pipeline: every candidate's
 * baseline equals the independent {@link BaselineReference} of its kept hosts, its mobile VMs equal
 * the nested loop's count of VMs compatible with every kept host, its feature losses equal an
 * independent BigInteger count, the Pareto flags equal a brute-force dominance check, and for the
 * whole set and the last candidate a full re-run on a snapshot of only the kept hosts gives the
 * same mobile VMs (VMs whose compatible hosts are all of them). A failure names the seed.
 */
class AdviseBaselineTest {
  @TempDir Path tmp;

  static Stream<Arguments> fleets() {
    return Stream.of(
        Arguments.of(31L, RandomFleet.Shape.DENSE, 200, 24),
        Arguments.of(32L, RandomFleet.Shape.SPARSE, 200, 24),
        Arguments.of(33L, RandomFleet.Shape.ALL_DISTINCT, 120, 14),
        Arguments.of(34L, RandomFleet.Shape.DENSE, 80, 1));
  }

  @ParameterizedTest
  @MethodSource("fleets")
  void candidatesMatchReferencesAndReRuns(long seed, RandomFleet.Shape shape, int vms, int hosts) {
    AdviseFleet f = new AdviseFleet(seed, shape, vms, hosts, tmp);
    String what = "seed " + seed + " " + shape;
    ResultDirectory all = f.runAll();
    ClassFleet fleet = ResultFleetReader.read(all);
    BitSet set = new BitSet();
    set.set(0, fleet.hostCount());
    List<BaselineCandidate> candidates = BaselineAdvisor.candidates(fleet, set);

    assertThat(candidates).as(what).isNotEmpty();
    assertThat(candidates.get(0).keptHostIds())
        .as(what + ": the first candidate is the whole set")
        .containsExactlyInAnyOrderElementsOf(f.hosts.keySet());
    for (BaselineCandidate c : candidates) {
      String step = what + " step " + c.step();
      assertThat(entries(c.baseline()))
          .as(step + ": baseline vs BaselineReference")
          .isEqualTo(BaselineReference.of(f.hostVectors(c.keptHostIds())));
      assertThat(c.mobileVms())
          .as(step + ": mobile VMs vs nested loop")
          .isEqualTo(f.mobileByNestedLoop(c.keptHostIds()));
      assertThat(c.featuresLost())
          .as(step + ": features lost vs BigInteger count")
          .isEqualTo(referenceLoss(f, c.keptHostIds()));
      boolean dominated = false;
      for (BaselineCandidate o : candidates) {
        dominated |=
            o.keptHostIds().size() >= c.keptHostIds().size()
                && o.mobileVms() >= c.mobileVms()
                && o.featuresLost() <= c.featuresLost()
                && (o.keptHostIds().size() > c.keptHostIds().size()
                    || o.mobileVms() > c.mobileVms()
                    || o.featuresLost() < c.featuresLost());
      }
      assertThat(c.pareto()).as(step + ": Pareto flag").isEqualTo(!dominated);
      if (c.step() > 0) {
        BaselineCandidate prev = candidates.get(c.step() - 1);
        assertThat(c.mobileVms())
            .as(step + ": dropping hosts never loses mobile VMs")
            .isGreaterThanOrEqualTo(prev.mobileVms());
        assertThat(prev.keptHostIds()).containsAll(c.keptHostIds());
      }
    }
    BaselineCandidate last = candidates.get(candidates.size() - 1);
    for (BaselineCandidate c : List.of(candidates.get(0), last)) {
      ResultDirectory rerun = f.run("kept-" + c.step(), c.keptHostIds());
      long mobile =
          rerun.vms().stream().filter(v -> v.compatibleHosts() == c.keptHostIds().size()).count();
      assertThat(mobile)
          .as(what + " step " + c.step() + ": mobile VMs vs re-run")
          .isEqualTo(c.mobileVms());
      assertThat(rerun.hosts().stream().map(ResultRows.Host::hostId).sorted().toList())
          .isEqualTo(c.keptHostIds());
    }
  }

  /** The engine's baseline in the reference's terms. */
  static List<BaselineReference.Entry> entries(Baseline b) {
    List<BaselineReference.Entry> out = new ArrayList<>();
    for (BaselineVector v : b.vectors()) {
      out.add(entry(v));
    }
    return out;
  }

  /** One baseline vector in the reference's terms. */
  static BaselineReference.Entry entry(BaselineVector v) {
    return new BaselineReference.Entry(
        Integer.toUnsignedLong(v.vectorId()),
        v.operation() == null ? null : v.operation().code(),
        v.hasValue() ? NestedLoopReference.unsigned(v.value()) : null,
        v.status().name());
  }

  /**
   * Features lost against each vector's best host, from the reference baselines alone: per id, the
   * most any one host's own baseline allows beyond the set's (bits for masks, else one feature when
   * the values differ or the set has no value).
   */
  static long referenceLoss(AdviseFleet f, List<String> kept) {
    List<BaselineReference.Entry> set = BaselineReference.of(f.hostVectors(kept));
    long total = 0;
    for (BaselineReference.Entry e : set) {
      long worst = 0;
      for (String h : kept) {
        List<RefVector> host = f.hosts.get(h);
        BaselineReference.Entry own = null;
        for (BaselineReference.Entry o : BaselineReference.of(List.of(host))) {
          if (o.vectorId() == e.vectorId()) {
            own = o;
          }
        }
        if (own == null || own.value() == null) {
          continue;
        }
        long loss;
        if (e.value() == null) {
          loss = 1;
        } else if (e.op() == 2 || e.op() == 3) {
          loss = own.value().andNot(e.value()).bitCount();
        } else if (e.op() == 1) {
          loss = e.value().andNot(own.value()).bitCount();
        } else {
          loss = own.value().equals(e.value()) ? 0 : 1;
        }
        worst = Math.max(worst, loss);
      }
      total += worst;
    }
    return total;
  }
}
