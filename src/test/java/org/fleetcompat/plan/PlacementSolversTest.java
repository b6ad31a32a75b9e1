package org.fleetcompat.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The two placement solvers on seeded random instances: neither ever breaks a candidate list or a
 * capacity, CP-SAT never places fewer VMs than first fit decreasing, and on a small instance it
 * proves optimal it places as many as an exhaustive search; plus the instance where first fit
 * decreasing is known to lose a VM. A failure prints its seed.
 */
class PlacementSolversTest {

  @Test
  void cpSatLoadsOnThisMachine() {
    // The product falls back to first fit without it; this machine is expected to have it.
    assertThat(CpSatSolver.isAvailable()).as("OR-Tools native library").isTrue();
  }

  @Test
  void exactSolverPlacesTheVmFirstFitLoses() {
    // Two hosts with room for 5 each; VM 0 fits both, VM 1 only host 0. First fit puts VM 0 on
    // host 0 and leaves VM 1 without a place; the exact solver moves VM 0 to host 1.
    PlacementInstance p =
        new PlacementInstance(
            new long[][] {{0, 5}, {0, 5}},
            new long[][] {{0, 5}, {0, 5}},
            new int[][] {{0, 1}, {0}});
    Placement firstFit = FirstFitDecreasing.INSTANCE.place(p);
    assertThat(firstFit.binOfItem()).containsExactly(0, -1);
    assertThat(firstFit.optimal()).isFalse();
    Placement exact = CpSatSolver.INSTANCE.place(p);
    assertThat(exact.binOfItem()).containsExactly(1, 0);
    assertThat(exact.solver()).isEqualTo(Placement.SolverName.CP_SAT);
    assertThat(exact.optimal()).isTrue();
  }

  @Test
  void zeroDemandFitsAnOvercommittedHost() {
    PlacementInstance p =
        new PlacementInstance(
            new long[][] {{0, 0}, {1, 0}}, new long[][] {{-2, 4}}, new int[][] {{0}, {0}});
    assertThat(FirstFitDecreasing.INSTANCE.place(p).binOfItem()).containsExactly(0, -1);
    assertThat(CpSatSolver.INSTANCE.place(p).binOfItem()).containsExactly(0, -1);
  }

  @Property(tries = 60)
  void exactIsFeasibleAndNeverWorseThanFirstFit(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 14) int items) {
    PlacementInstance p = random(new Random(seed), items, 1 + new Random(seed).nextInt(5));
    Placement firstFit = FirstFitDecreasing.INSTANCE.place(p);
    Placement exact = CpSatSolver.INSTANCE.place(p);
    assertThat(p.isFeasible(firstFit.binOfItem())).as("seed %d: first fit feasible", seed).isTrue();
    assertThat(p.isFeasible(exact.binOfItem())).as("seed %d: exact feasible", seed).isTrue();
    assertThat(exact.placedCount())
        .as("seed %d: exact places at least as many as first fit", seed)
        .isGreaterThanOrEqualTo(firstFit.placedCount());
    if (items <= 8 && exact.optimal()) {
      assertThat(exact.placedCount())
          .as("seed %d: exact vs exhaustive search", seed)
          .isEqualTo(exhaustive(p, 0, new int[p.itemCount()], copy(p.free())));
    }
  }

  @Property(tries = 40)
  void solversAreDeterministic(@ForAll long seed) {
    PlacementInstance p = random(new Random(seed), 12, 4);
    assertThat(CpSatSolver.INSTANCE.place(p).binOfItem())
        .as("seed %d", seed)
        .isEqualTo(CpSatSolver.INSTANCE.place(p).binOfItem());
    assertThat(FirstFitDecreasing.INSTANCE.place(p).binOfItem())
        .isEqualTo(FirstFitDecreasing.INSTANCE.place(p).binOfItem());
  }

  /** Items of demand 0..8 per dimension, bins of free -2..16, random candidate lists. */
  static PlacementInstance random(Random rnd, int items, int bins) {
    long[][] demand = new long[items][];
    int[][] candidates = new int[items][];
    for (int i = 0; i < items; i++) {
      demand[i] = new long[] {rnd.nextInt(9), rnd.nextInt(9)};
      List<Integer> c = new ArrayList<>();
      for (int b = 0; b < bins; b++) {
        if (rnd.nextDouble() < 0.6) {
          c.add(b);
        }
      }
      candidates[i] = c.stream().mapToInt(Integer::intValue).toArray();
    }
    long[][] free = new long[bins][];
    for (int b = 0; b < bins; b++) {
      free[b] = new long[] {rnd.nextInt(19) - 2, rnd.nextInt(19) - 2};
    }
    return new PlacementInstance(demand, free, candidates);
  }

  /** The most items any placement places, by trying every one. */
  private static int exhaustive(PlacementInstance p, int i, int[] bins, long[][] room) {
    if (i == p.itemCount()) {
      return (int) Arrays.stream(bins).filter(b -> b >= 0).count();
    }
    bins[i] = -1;
    int best = exhaustive(p, i + 1, bins, room);
    for (int b : p.candidates()[i]) {
      if (PlacementInstance.fits(p.demand()[i], room[b])) {
        for (int d = 0; d < room[b].length; d++) {
          room[b][d] -= p.demand()[i][d];
        }
        bins[i] = b;
        best = Math.max(best, exhaustive(p, i + 1, bins, room));
        for (int d = 0; d < room[b].length; d++) {
          room[b][d] += p.demand()[i][d];
        }
      }
    }
    bins[i] = -1;
    return best;
  }

  private static long[][] copy(long[][] a) {
    long[][] c = new long[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
