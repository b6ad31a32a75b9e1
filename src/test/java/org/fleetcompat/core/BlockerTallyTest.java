package org.fleetcompat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fleetcompat.core.CompareOperation.DIVISOR;
import static org.fleetcompat.core.CompareOperation.EQUAL;
import static org.fleetcompat.core.CompareOperation.LESS_THAN_OR_EQUAL;
import static org.fleetcompat.core.CompareOperation.MULTIPLE;
import static org.fleetcompat.core.CompareOperation.SUB_SET;
import static org.fleetcompat.core.Reason.COMPARE_FAILED;
import static org.fleetcompat.core.Reason.MISSING_ON_HOST;
import static org.fleetcompat.core.Reason.OPERATION_MISMATCH;
import static org.fleetcompat.core.Reason.ZERO_OPERAND;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.fleetcompat.reference.RandomFleet;
import org.fleetcompat.reference.RandomFleet.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The blocker tally against a brute-force tally of {@link PairCheck#failures} over every (VM class,
 * host class) pair on seeded random fleets, with random class sizes and pools; merging; and one
 * hand-made example per reason. A failure names the shape and seed; {@code -Dfleetcompat.seed=N}
 * runs that one seed only.
 */
class BlockerTallyTest {
  private static final long P63 = Long.MIN_VALUE; // 2^63

  @ParameterizedTest
  @EnumSource(Shape.class)
  void tallyAgreesWithPairCheckOnRandomFleets(Shape shape) {
    for (long seed : MatrixKernelTest.seeds(shape)) {
      Weighted w = Weighted.generate(seed, shape);
      BlockerTally tally = w.tally();
      for (int vc = 0; vc < w.vmClasses().size(); vc++) {
        tally.add(w.vmClasses().get(vc), w.vmCounts()[vc]);
      }
      String context = "shape " + shape + " seed " + seed + "\n" + w.fleet().describe();
      assertThat(tally.counts()).as(context).containsExactlyElementsOf(bruteForce(w, false));
      assertThat(tally.fleetWideCounts())
          .as(context)
          .containsExactlyElementsOf(bruteForce(w, true));
    }
  }

  /** Two halves merged (one of them after a serialization round trip) equal one tally. */
  @ParameterizedTest
  @EnumSource(Shape.class)
  void mergedHalvesEqualOneTally(Shape shape) throws IOException, ClassNotFoundException {
    for (long seed : MatrixKernelTest.seeds(shape)) {
      Weighted w = Weighted.generate(seed, shape);
      BlockerTally whole = w.tally();
      BlockerTally even = w.tally();
      BlockerTally odd = w.tally();
      for (int vc = 0; vc < w.vmClasses().size(); vc++) {
        whole.add(w.vmClasses().get(vc), w.vmCounts()[vc]);
        (vc % 2 == 0 ? even : odd).add(w.vmClasses().get(vc), w.vmCounts()[vc]);
      }
      BlockerTally shipped = MatrixKernelTest.roundTrip(odd);
      even.merge(shipped);
      assertThat(even.counts()).as("shape %s seed %d", shape, seed).isEqualTo(whole.counts());
      assertThat(shipped.counts()).as("the merged tally is unchanged").isEqualTo(odd.counts());
    }
  }

  @Test
  void missingOnHost() {
    BlockerTally tally =
        tally(
            new int[] {0, 1},
            new long[] {2, 3},
            VectorSet.builder().add(1, EQUAL, 5).build(),
            VectorSet.empty());
    tally.add(VectorSet.builder().add(1, EQUAL, 5).build(), 4);
    assertThat(tally.counts())
        .containsExactly(new BlockerCount(1, EQUAL, MISSING_ON_HOST, 1, 12, 12));
  }

  @Test
  void operationMismatchEvenWhereTheHostsOperationWouldPass() {
    BlockerTally tally =
        tally(
            new int[] {0, 1},
            new long[] {1, 1},
            VectorSet.builder().add(1, SUB_SET, 5).build(),
            VectorSet.builder().add(1, EQUAL, 5).build());
    tally.add(VectorSet.builder().add(1, EQUAL, 5).build(), 1);
    assertThat(tally.counts())
        .containsExactly(new BlockerCount(1, EQUAL, OPERATION_MISMATCH, 0, 1, 1));
  }

  @Test
  void zeroOperandForMultipleWithHostZero() {
    BlockerTally tally =
        tally(
            new int[] {0, 0, 1},
            new long[] {1, 2, 5},
            VectorSet.builder().add(2, MULTIPLE, 0).build(),
            VectorSet.builder().add(2, MULTIPLE, 3).build(),
            VectorSet.builder().add(2, MULTIPLE, 4).build());
    tally.add(VectorSet.builder().add(2, MULTIPLE, 6).build(), 1);
    tally.add(VectorSet.builder().add(2, MULTIPLE, 0).build(), 1);
    assertThat(tally.counts())
        .as("6 %% 3 == 0 passes; 6 %% 4 != 0 fails; 0 %% 3 and 0 %% 4 pass; host 0 never")
        .containsExactly(
            new BlockerCount(2, MULTIPLE, COMPARE_FAILED, 1, 5, 5),
            new BlockerCount(2, MULTIPLE, ZERO_OPERAND, 0, 2, 2));
  }

  @Test
  void zeroOperandForDivisorWithVmZero() {
    BlockerTally tally =
        tally(
            new int[] {0, 1},
            new long[] {1, 1},
            VectorSet.builder().add(3, DIVISOR, 0).build(),
            VectorSet.builder().add(3, DIVISOR, P63).build());
    tally.add(VectorSet.builder().add(3, DIVISOR, 0).build(), 1);
    tally.add(VectorSet.builder().add(3, DIVISOR, 3).build(), 10);
    assertThat(tally.counts())
        .as("VM 0 fails everywhere; 0 %% 3 == 0 passes, 2^63 %% 3 != 0 fails")
        .containsExactly(
            new BlockerCount(3, DIVISOR, COMPARE_FAILED, 1, 10, 10),
            new BlockerCount(3, DIVISOR, ZERO_OPERAND, 0, 1, 1),
            new BlockerCount(3, DIVISOR, ZERO_OPERAND, 1, 1, 1));
  }

  @Test
  void compareFailedWeightedAndSoleOnlyWhereNothingElseFails() {
    BlockerTally tally =
        tally(
            new int[] {0, 0, 1, 1},
            new long[] {1, 2, 3, 4},
            VectorSet.builder().add(1, LESS_THAN_OR_EQUAL, 10).add(2, EQUAL, 1).build(),
            VectorSet.builder().add(1, LESS_THAN_OR_EQUAL, 100).add(2, EQUAL, 2).build(),
            VectorSet.builder().add(1, LESS_THAN_OR_EQUAL, 100).add(2, EQUAL, 1).build(),
            VectorSet.builder().add(1, LESS_THAN_OR_EQUAL, 10).add(2, EQUAL, 2).build());
    tally.add(VectorSet.builder().add(1, LESS_THAN_OR_EQUAL, 50).add(2, EQUAL, 1).build(), 10);
    assertThat(tally.counts())
        .containsExactly(
            new BlockerCount(1, LESS_THAN_OR_EQUAL, COMPARE_FAILED, 0, 10, 10),
            new BlockerCount(1, LESS_THAN_OR_EQUAL, COMPARE_FAILED, 1, 40, 0),
            new BlockerCount(2, EQUAL, COMPARE_FAILED, 0, 20, 20),
            new BlockerCount(2, EQUAL, COMPARE_FAILED, 1, 40, 0));
    assertThat(tally.fleetWideCounts())
        .containsExactly(
            new BlockerCount(1, LESS_THAN_OR_EQUAL, COMPARE_FAILED, BlockerCount.ALL_POOLS, 50, 10),
            new BlockerCount(2, EQUAL, COMPARE_FAILED, BlockerCount.ALL_POOLS, 60, 20));
  }

  @Test
  void vmsWithoutVectorsOrWithoutMembersAndEmptyHostClassesCountNothing() {
    BlockerTally tally =
        tally(new int[] {0, 1}, new long[] {0, 3}, VectorSet.empty(), VectorSet.empty());
    tally.add(VectorSet.empty(), 5);
    tally.add(VectorSet.builder().add(1, EQUAL, 5).build(), 0);
    assertThat(tally.counts()).isEmpty();
    tally.add(VectorSet.builder().add(1, EQUAL, 5).build(), 2);
    assertThat(tally.counts())
        .as("no row for the pool of a host class with no hosts")
        .containsExactly(new BlockerCount(1, EQUAL, MISSING_ON_HOST, 1, 6, 6));
  }

  @Test
  void rejectsArraysThatDoNotMatchTheIndex() {
    HostClassIndex index = HostClassIndex.of(List.of(VectorSet.empty(), VectorSet.empty()));
    assertThatThrownBy(() -> new BlockerTally(index, new int[] {0}, new long[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot tally blockers: the index has 2 host classes but 1 pool ids and 2 class sizes"
                + " were given; pass one of each per host class");
    assertThatThrownBy(() -> new BlockerTally(index, new int[] {0, -1}, new long[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot tally blockers: pool ids and host-class sizes must not be negative");
    BlockerTally a = new BlockerTally(index, new int[] {0, 1}, new long[] {1, 1});
    BlockerTally b = new BlockerTally(index, new int[] {0, 0}, new long[] {1, 1});
    assertThatThrownBy(() -> a.merge(b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot merge blocker tallies over different host sides: build both from the same"
                + " index, pool ids and host-class sizes");
  }

  // ---------------------------------------------------------------------------------------------

  /** A random fleet in classes, with random VM class sizes, host class sizes and pools. */
  private record Weighted(
      RandomFleet fleet,
      List<VectorSet> vmClasses,
      long[] vmCounts,
      ClassedFleet classed,
      int[] pools,
      long[] hostSizes) {

    static Weighted generate(long seed, Shape shape) {
      Random rnd = new Random(seed);
      RandomFleet fleet =
          RandomFleet.generate(seed, shape, 1 + rnd.nextInt(40), 1 + rnd.nextInt(25));
      ClassedFleet classed = ClassedFleet.of(fleet);
      long[] vmCounts = new long[classed.vmClasses().size()];
      for (int i = 0; i < vmCounts.length; i++) {
        vmCounts[i] = rnd.nextInt(8) == 0 ? 1_000_000L + rnd.nextInt(1000) : 1 + rnd.nextInt(5);
      }
      int poolCount = 1 + rnd.nextInt(4);
      int hostClasses = classed.hostClasses().size();
      int[] pools = new int[hostClasses];
      long[] hostSizes = new long[hostClasses];
      for (int i = 0; i < hostClasses; i++) {
        pools[i] = rnd.nextInt(poolCount);
        hostSizes[i] = rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(100);
      }
      return new Weighted(fleet, classed.vmClasses(), vmCounts, classed, pools, hostSizes);
    }

    BlockerTally tally() {
      return new BlockerTally(classed.index(), pools, hostSizes);
    }
  }

  /** The definition: every (VM class, host class) pair, every failing vector, weighted. */
  private static List<BlockerCount> bruteForce(Weighted w, boolean fleetWide) {
    record Key(int vectorId, CompareOperation op, Reason reason, int pool) {}
    Map<Key, long[]> sums =
        new TreeMap<>(
            Comparator.comparing(Key::vectorId, Integer::compareUnsigned)
                .thenComparing(Key::op)
                .thenComparing(Key::reason)
                .thenComparingInt(Key::pool));
    List<VectorSet> hosts = w.classed().hostClasses();
    for (int vc = 0; vc < w.vmClasses().size(); vc++) {
      for (int hc = 0; hc < hosts.size(); hc++) {
        List<VectorOutcome> failures = PairCheck.failures(w.vmClasses().get(vc), hosts.get(hc));
        long pairs = w.vmCounts()[vc] * w.hostSizes()[hc];
        int pool = fleetWide ? BlockerCount.ALL_POOLS : w.pools()[hc];
        for (VectorOutcome f : failures) {
          long[] sum =
              sums.computeIfAbsent(
                  new Key(f.vectorId(), f.operation(), f.reason(), pool), k -> new long[2]);
          sum[0] += pairs;
          sum[1] += failures.size() == 1 ? pairs : 0;
        }
      }
    }
    List<BlockerCount> out = new ArrayList<>();
    sums.forEach(
        (k, sum) -> {
          if (sum[0] != 0) {
            out.add(new BlockerCount(k.vectorId(), k.op(), k.reason(), k.pool(), sum[0], sum[1]));
          }
        });
    return out;
  }

  private static BlockerTally tally(int[] pools, long[] sizes, VectorSet... hostClasses) {
    return new BlockerTally(HostClassIndex.of(List.of(hostClasses)), pools, sizes);
  }
}
