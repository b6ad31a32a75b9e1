package org.fleetcompat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fleetcompat.core.MatrixKernelTest.bits;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.fleetcompat.reference.NestedLoopReference;
import org.fleetcompat.reference.NestedLoopReference.Pair;
import org.fleetcompat.reference.RandomFleet;
import org.fleetcompat.reference.RandomFleet.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pools and their partial order: hand-made orders, and seeded random fleets against pools, edges
 * and covering edges computed by brute force from {@link NestedLoopReference}'s pairs. A failure
 * names the shape and seed; {@code -Dfleetcompat.seed=N} runs that one seed only.
 */
class PoolsTest {

  @Test
  void chain() {
    Pools pools = Pools.of(List.of(bits(0, 1, 2), bits(0), bits(0, 1), bits(0)));
    assertThat(pools.poolCount()).isEqualTo(3);
    assertThat(pools.poolOfHostClass()).containsExactly(0, 1, 2, 1);
    assertThat(pools.hostClasses(1)).isEqualTo(bits(1, 3));
    assertThat(pools.acceptedVmClasses(2)).isEqualTo(bits(0, 1));
    assertThat(pools.edges())
        .containsExactly(
            new PoolEdge(0, 1, false), new PoolEdge(0, 2, true), new PoolEdge(2, 1, true));
  }

  @Test
  void diamond() {
    Pools pools = Pools.of(List.of(bits(0), bits(0, 1), bits(0, 2), bits(0, 1, 2)));
    assertThat(pools.poolCount()).isEqualTo(4);
    assertThat(pools.edges())
        .containsExactly(
            new PoolEdge(1, 0, true),
            new PoolEdge(2, 0, true),
            new PoolEdge(3, 0, false),
            new PoolEdge(3, 1, true),
            new PoolEdge(3, 2, true));
  }

  @Test
  void incomparablePoolsHaveNoEdges() {
    Pools pools = Pools.of(List.of(bits(0, 1), bits(2), bits(1, 3), bits(2)));
    assertThat(pools.poolOfHostClass()).containsExactly(0, 1, 2, 1);
    assertThat(pools.edges()).isEmpty();
  }

  @Test
  void hostClassesAcceptingNothingShareOnePoolBelowTheOthers() {
    BitSet emptied = bits(100, 200);
    emptied.clear(100, 201);
    Pools pools = Pools.of(List.of(new BitSet(), bits(1), emptied, new BitSet(1000)));
    assertThat(pools.poolOfHostClass()).containsExactly(0, 1, 0, 0);
    assertThat(pools.hostClasses(0)).isEqualTo(bits(0, 2, 3));
    assertThat(pools.acceptedVmClasses(0)).isEqualTo(new BitSet());
    assertThat(pools.edges()).containsExactly(new PoolEdge(1, 0, true));
  }

  @Test
  void singleHostClass() {
    Pools pools = Pools.of(List.of(bits(3, 4)));
    assertThat(pools.poolCount()).isEqualTo(1);
    assertThat(pools.poolOf(0)).isZero();
    assertThat(pools.hostClasses(0)).isEqualTo(bits(0));
    assertThat(pools.acceptedVmClasses(0)).isEqualTo(bits(3, 4));
    assertThat(pools.edges()).isEmpty();
  }

  @Test
  void noHostClasses() {
    Pools pools = Pools.of(List.of());
    assertThat(pools.poolCount()).isZero();
    assertThat(pools.poolOfHostClass()).isEmpty();
    assertThat(pools.edges()).isEmpty();
  }

  @Test
  void poolsOwnTheirSetsAndHandOutCopies() {
    BitSet column = bits(1, 2);
    Pools pools = Pools.of(List.of(column, bits(1)));
    column.set(7);
    pools.acceptedVmClasses(0).set(9);
    pools.hostClasses(0).set(9);
    pools.poolOfHostClass()[0] = 5;
    assertThat(pools.acceptedVmClasses(0)).isEqualTo(bits(1, 2));
    assertThat(pools.hostClasses(0)).isEqualTo(bits(0));
    assertThat(pools.poolOf(0)).isZero();
    assertThat(pools.edges()).isSameAs(pools.edges());
  }

  /** Many pools over several 64-bit words, nested on purpose, against brute-force inclusion. */
  @Test
  void edgesOverManyWordsAgreeWithBruteForce() {
    for (long seed = 0; seed < 40; seed++) {
      Random rnd = new Random(seed);
      List<BitSet> columns = new ArrayList<>();
      for (int hc = 0; hc < 80; hc++) {
        BitSet column = new BitSet();
        if (!columns.isEmpty() && rnd.nextInt(3) > 0) {
          // Grow or shrink an earlier column: chains and nests are frequent.
          column.or(columns.get(rnd.nextInt(columns.size())));
        }
        int flips = rnd.nextInt(4);
        for (int i = 0; i < flips; i++) {
          int bit = rnd.nextInt(2) == 0 ? rnd.nextInt(300) : rnd.nextInt(70);
          column.set(bit, rnd.nextBoolean());
        }
        columns.add(column);
      }
      Pools pools = Pools.of(columns);
      List<Set<Integer>> accepted = new ArrayList<>();
      for (int p = 0; p < pools.poolCount(); p++) {
        accepted.add(new HashSet<>(pools.acceptedVmClasses(p).stream().boxed().toList()));
      }
      assertThat(new HashSet<>(accepted)).as("seed %d: distinct", seed).hasSize(accepted.size());
      assertThat(pools.edges()).as("seed %d", seed).isEqualTo(bruteForceEdges(accepted));
    }
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void poolsAndOrderAgreeWithNestedLoopsOnRandomFleets(Shape shape) {
    long edges = 0;
    long covering = 0;
    for (long seed : MatrixKernelTest.seeds(shape)) {
      Random sizes = new Random(seed);
      RandomFleet fleet =
          RandomFleet.generate(seed, shape, 1 + sizes.nextInt(40), 1 + sizes.nextInt(25));
      ClassedFleet classed = ClassedFleet.of(fleet);
      Pools pools = Pools.of(classed.columns());

      // Brute force: hosts grouped by the VM ids they accept, numbered by smallest host id.
      Map<String, Set<String>> acceptedByHost = new LinkedHashMap<>();
      fleet.hosts().keySet().forEach(h -> acceptedByHost.put(h, new TreeSet<>()));
      for (Pair pair : NestedLoopReference.compatiblePairs(fleet.vms(), fleet.hosts())) {
        acceptedByHost.get(pair.hostId()).add(pair.vmId());
      }
      Map<Set<String>, Set<String>> hostsByAccepted = new LinkedHashMap<>();
      acceptedByHost.forEach(
          (host, vms) -> hostsByAccepted.computeIfAbsent(vms, k -> new TreeSet<>()).add(host));

      List<Set<String>> actualHosts = new ArrayList<>();
      List<Set<String>> actualAccepted = new ArrayList<>();
      for (int p = 0; p < pools.poolCount(); p++) {
        actualHosts.add(ids(pools.hostClasses(p), classed.hostsByClass()));
        actualAccepted.add(ids(pools.acceptedVmClasses(p), classed.vmsByClass()));
      }
      String context = "shape " + shape + " seed " + seed + "\n" + fleet.describe();
      assertThat(actualHosts).as(context).containsExactlyElementsOf(hostsByAccepted.values());
      assertThat(actualAccepted).as(context).containsExactlyElementsOf(hostsByAccepted.keySet());
      List<PoolEdge> expected = bruteForceEdges(new ArrayList<>(hostsByAccepted.keySet()));
      assertThat(pools.edges()).as(context).containsExactlyElementsOf(expected);
      edges += expected.size();
      covering += expected.stream().filter(PoolEdge::covering).count();
    }
    if (shape != Shape.EMPTY && System.getProperty("fleetcompat.seed") == null) {
      assertThat(covering).as("covering edges").isPositive();
      assertThat(edges - covering).as("implied edges").isPositive();
    }
  }

  /**
   * Every strict inclusion by {@code containsAll}; covering when no third pool lies between (the
   * transitive reduction by its definition). Sorted like {@link Pools#edges()}.
   */
  private static <T> List<PoolEdge> bruteForceEdges(List<Set<T>> accepted) {
    int n = accepted.size();
    boolean[][] above = new boolean[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        above[a][b] =
            accepted.get(a).size() > accepted.get(b).size()
                && accepted.get(a).containsAll(accepted.get(b));
      }
    }
    List<PoolEdge> edges = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        if (above[a][b]) {
          boolean between = false;
          for (int c = 0; c < n; c++) {
            between |= above[a][c] && above[c][b];
          }
          edges.add(new PoolEdge(a, b, !between));
        }
      }
    }
    edges.sort(Comparator.comparingInt(PoolEdge::superPool).thenComparingInt(PoolEdge::subPool));
    return edges;
  }

  /** The system ids of a set of classes. */
  private static Set<String> ids(BitSet classes, List<List<String>> idsByClass) {
    Set<String> ids = new TreeSet<>();
    classes.stream().forEach(c -> ids.addAll(idsByClass.get(c)));
    return ids;
  }
}
