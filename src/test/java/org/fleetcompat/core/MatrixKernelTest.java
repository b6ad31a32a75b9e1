package org.fleetcompat.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.fleetcompat.reference.NestedLoopReference;
import org.fleetcompat.reference.NestedLoopReference.Pair;
import org.fleetcompat.reference.NestedLoopReference.RefVector;
import org.fleetcompat.reference.RandomFleet;
import org.fleetcompat.reference.RandomFleet.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bitmap kernel against {@link NestedLoopReference} on seeded random fleets (every shape), and
 * on hand-made edge cases. A failure names the shape and seed; {@code -Dfleetcompat.seed=N} runs
 * that one seed only.
 */
class MatrixKernelTest {
  private static final int SEEDS_PER_SHAPE = 200;
  private static final long P63 = Long.MIN_VALUE; // 2^63
  private static final long MAX = -1L; // 2^64-1

  @ParameterizedTest
  @EnumSource(Shape.class)
  void kernelAgreesWithNestedLoopsOnRandomFleets(Shape shape) {
    for (long seed : seeds(shape)) {
      Random sizes = new Random(seed);
      RandomFleet fleet =
          RandomFleet.generate(seed, shape, 1 + sizes.nextInt(40), 1 + sizes.nextInt(25));
      Set<Pair> expected = NestedLoopReference.compatiblePairs(fleet.vms(), fleet.hosts());
      // Once with the mask-operation cache on every column, once with it on none.
      for (int cacheFrom : new int[] {0, Integer.MAX_VALUE}) {
        assertThat(kernelPairs(fleet.vms(), fleet.hosts(), cacheFrom))
            .as(() -> "shape " + shape + " seed " + seed + "\n" + fleet.describe())
            .containsExactlyElementsOf(expected);
      }
    }
  }

  /** The random comparison only means something if the fleets hit every rule, often enough. */
  @Test
  void randomFleetsAreNonTrivial() {
    Map<Shape, long[]> pairsAndCompatible = new LinkedHashMap<>();
    Set<String> reasons = new TreeSet<>();
    Set<Integer> ops = new TreeSet<>();
    boolean highValues = false;
    boolean highIds = false;
    boolean sharedClasses = false;
    for (Shape shape : Shape.values()) {
      long[] counts = new long[2];
      for (long seed = 0; seed < 100; seed++) {
        RandomFleet fleet = RandomFleet.generate(seed, shape, 20, 10);
        counts[0] += (long) fleet.vms().size() * fleet.hosts().size();
        counts[1] += NestedLoopReference.compatiblePairs(fleet.vms(), fleet.hosts()).size();
        Set<VectorSet> vmClasses = new HashSet<>();
        for (List<RefVector> vm : fleet.vms().values()) {
          sharedClasses |= !vmClasses.add(vectorSet(vm));
          for (RefVector v : vm) {
            ops.add(v.op());
            highValues |= v.valueBits() < 0;
            highIds |= v.vectorId() >= 0x8000_0000L;
            for (List<RefVector> host : fleet.hosts().values()) {
              reasons.add(NestedLoopReference.reason(v, host));
            }
          }
        }
      }
      pairsAndCompatible.put(shape, counts);
    }
    long[] dense = pairsAndCompatible.get(Shape.DENSE);
    long[] sparse = pairsAndCompatible.get(Shape.SPARSE);
    long[] distinct = pairsAndCompatible.get(Shape.ALL_DISTINCT);
    assertThat((double) dense[1] / dense[0]).as("dense pass rate").isBetween(0.2, 0.8);
    assertThat((double) sparse[1] / sparse[0]).as("sparse pass rate").isBetween(0.005, 0.2);
    assertThat((double) distinct[1] / distinct[0])
        .as("all-distinct pass rate")
        .isBetween(0.02, 0.6);
    assertThat(pairsAndCompatible.get(Shape.EMPTY)[0]).as("empty fleets have no pairs").isZero();
    assertThat(reasons)
        .containsExactlyInAnyOrder(
            "PASS", "COMPARE_FAILED", "MISSING_ON_HOST", "OPERATION_MISMATCH", "ZERO_OPERAND");
    assertThat(ops).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(highValues).as("values at and above 2^63").isTrue();
    assertThat(highIds).as("vector ids at and above 2^31").isTrue();
    assertThat(sharedClasses).as("VMs with identical vector sets").isTrue();
  }

  @Test
  void allDistinctFleetsHaveOneClassPerSystem() {
    for (long seed = 0; seed < 50; seed++) {
      RandomFleet fleet = RandomFleet.generate(seed, Shape.ALL_DISTINCT, 30, 20);
      assertThat(classes(fleet.vms()).size()).as("seed %d", seed).isEqualTo(30);
      assertThat(classes(fleet.hosts()).size()).as("seed %d", seed).isEqualTo(20);
    }
  }

  @Test
  void emptyShapeEmptiesOneSideOrBoth() {
    Set<String> variants = new TreeSet<>();
    for (long seed = 0; seed < 30; seed++) {
      RandomFleet fleet = RandomFleet.generate(seed, Shape.EMPTY, 5, 5);
      variants.add(fleet.vms().size() + "x" + fleet.hosts().size());
    }
    assertThat(variants).containsExactlyInAnyOrder("0x0", "0x5", "5x0");
  }

  @Test
  void eachOperationAtAndAbove2To63() {
    long[] values = {0, 1, 2, Long.MAX_VALUE, P63, P63 + 1, MAX - 1, MAX};
    for (CompareOperation op : CompareOperation.values()) {
      // One host class per value, one VM class per value: the kernel must reproduce the table.
      List<VectorSet> hostClasses = new ArrayList<>();
      for (long host : values) {
        hostClasses.add(VectorSet.builder().add(7, op, host).build());
      }
      MatrixKernel kernel = new MatrixKernel(HostClassIndex.of(hostClasses));
      for (long vm : values) {
        BitSet expected = new BitSet();
        for (int h = 0; h < values.length; h++) {
          if (NestedLoopReference.passes(
              op.code(),
              NestedLoopReference.unsigned(vm),
              NestedLoopReference.unsigned(values[h]))) {
            expected.set(h);
          }
        }
        assertThat(kernel.compatibleHostClasses(VectorSet.builder().add(7, op, vm).build()))
            .as("%s vm %s", op.displayName(), Long.toUnsignedString(vm))
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void orderedOperationsAcrossTheSignBit() {
    List<VectorSet> hostClasses =
        List.of(
            host(CompareOperation.GREATER_THAN, Long.MAX_VALUE),
            host(CompareOperation.GREATER_THAN, P63),
            host(CompareOperation.GREATER_THAN, MAX));
    MatrixKernel kernel = new MatrixKernel(HostClassIndex.of(hostClasses));
    assertThat(kernel.compatibleHostClasses(host(CompareOperation.GREATER_THAN, P63)))
        .as("2^63 > 2^63-1 only")
        .isEqualTo(bits(0));
    assertThat(kernel.compatibleHostClasses(host(CompareOperation.GREATER_THAN, MAX)))
        .as("2^64-1 > 2^63-1 and 2^63")
        .isEqualTo(bits(0, 1));
    assertThat(kernel.compatibleHostClasses(host(CompareOperation.GREATER_THAN, 0)))
        .as("0 > nothing")
        .isEqualTo(new BitSet());
  }

  /**
   * Hundreds of distinct host values per column, so the ordered operations' prefix and suffix
   * unions go through the checkpoints and the buckets after them, at every boundary.
   */
  @ParameterizedTest
  @EnumSource(
      value = CompareOperation.class,
      names = {"GREATER_THAN", "GREATER_THAN_OR_EQUAL", "LESS_THAN", "LESS_THAN_OR_EQUAL"})
  void orderedOperationsOverManyDistinctValuesAgreeWithThePairRule(CompareOperation op) {
    Random rnd = new Random(op.ordinal());
    List<VectorSet> hosts = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (int h = 0; h < 700; h++) {
      long v = (h % 3 == 0 ? Long.MIN_VALUE : 0L) + rnd.nextInt(400);
      values.add(v);
      hosts.add(VectorSet.builder().add(7, op, v).build());
    }
    MatrixKernel kernel = new MatrixKernel(HostClassIndex.of(hosts));
    List<Long> probes = new ArrayList<>(values);
    probes.addAll(List.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 400L, Long.MIN_VALUE + 400));
    for (long probe : probes) {
      for (long vmValue : new long[] {probe - 1, probe, probe + 1}) {
        VectorSet vm = VectorSet.builder().add(7, op, vmValue).build();
        BitSet expected = new BitSet();
        for (int h = 0; h < hosts.size(); h++) {
          if (PairCheck.isCompatible(vm, hosts.get(h))) {
            expected.set(h);
          }
        }
        assertThat(kernel.compatibleHostClasses(vm))
            .as("%s vm=%x", op, vmValue)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void vectorIdNoHostHasMatchesNothing() {
    List<VectorSet> hostClasses =
        List.of(
            VectorSet.builder().add(1, CompareOperation.EQUAL, 5).build(),
            VectorSet.builder()
                .add(1, CompareOperation.EQUAL, 5)
                .add(2, CompareOperation.EQUAL, 6)
                .build());
    MatrixKernel kernel = new MatrixKernel(HostClassIndex.of(hostClasses));
    VectorSet vm =
        VectorSet.builder()
            .add(1, CompareOperation.EQUAL, 5)
            .add(0x8000_0000, CompareOperation.LESS_THAN_OR_EQUAL, 0)
            .build();
    assertThat(kernel.compatibleHostClasses(vm)).isEqualTo(new BitSet());
    assertThat(
            kernel.compatibleHostClasses(
                VectorSet.builder().add(1, CompareOperation.EQUAL, 5).build()))
        .isEqualTo(bits(0, 1));
  }

  @Test
  void operationMismatchFailsEvenWhenTheOtherOperationWouldPass() {
    // Host 0 has id 3 as SuperSet, host 1 as Equal, both with the value 0xff.
    List<VectorSet> hostClasses =
        List.of(host(CompareOperation.SUPER_SET, 0xff), host(CompareOperation.EQUAL, 0xff));
    MatrixKernel kernel = new MatrixKernel(HostClassIndex.of(hostClasses));
    assertThat(kernel.compatibleHostClasses(host(CompareOperation.EQUAL, 0xff))).isEqualTo(bits(1));
    assertThat(kernel.compatibleHostClasses(host(CompareOperation.SUPER_SET, 0xff)))
        .isEqualTo(bits(0));
    assertThat(kernel.compatibleHostClasses(host(CompareOperation.SUB_SET, 0xff)))
        .as("no host carries SubSet for id 3")
        .isEqualTo(new BitSet());
  }

  @Test
  void noHostClasses() {
    HostClassIndex index = HostClassIndex.of(List.of());
    MatrixKernel kernel = new MatrixKernel(index);
    assertThat(index.hostClassCount()).isZero();
    assertThat(kernel.compatibleHostClasses(VectorSet.empty())).isEqualTo(new BitSet());
    assertThat(kernel.compatibleHostClasses(host(CompareOperation.EQUAL, 1)))
        .isEqualTo(new BitSet());
  }

  @Test
  void vmWithoutVectorsIsCompatibleWithEveryHostClass() {
    List<VectorSet> hostClasses =
        List.of(
            VectorSet.empty(), host(CompareOperation.EQUAL, 1), host(CompareOperation.DIVISOR, 0));
    MatrixKernel kernel = new MatrixKernel(HostClassIndex.of(hostClasses));
    assertThat(kernel.compatibleHostClasses(VectorSet.empty())).isEqualTo(bits(0, 1, 2));
  }

  @Test
  void zeroOperandsFail() {
    List<VectorSet> hostClasses =
        List.of(
            VectorSet.builder()
                .add(1, CompareOperation.MULTIPLE, 0)
                .add(2, CompareOperation.DIVISOR, 0)
                .build(),
            VectorSet.builder()
                .add(1, CompareOperation.MULTIPLE, 4)
                .add(2, CompareOperation.DIVISOR, 4)
                .build());
    MatrixKernel kernel = new MatrixKernel(HostClassIndex.of(hostClasses));
    assertThat(
            kernel.compatibleHostClasses(
                VectorSet.builder().add(1, CompareOperation.MULTIPLE, 0).build()))
        .as("Multiple: 0 %% 0 is no pass, 0 %% 4 == 0 passes")
        .isEqualTo(bits(1));
    assertThat(
            kernel.compatibleHostClasses(
                VectorSet.builder().add(2, CompareOperation.DIVISOR, 0).build()))
        .as("Divisor with VM 0 never passes")
        .isEqualTo(new BitSet());
    assertThat(
            kernel.compatibleHostClasses(
                VectorSet.builder().add(2, CompareOperation.DIVISOR, 2).build()))
        .as("Divisor: 0 %% 2 == 0 and 4 %% 2 == 0")
        .isEqualTo(bits(0, 1));
  }

  @Test
  void returnedBitmapsBelongToTheCaller() {
    List<VectorSet> hostClasses =
        List.of(
            host(CompareOperation.LESS_THAN_OR_EQUAL, 5),
            host(CompareOperation.LESS_THAN_OR_EQUAL, 9));
    HostClassIndex index = HostClassIndex.of(hostClasses);
    MatrixKernel kernel = new MatrixKernel(index);
    VectorSet[] vms = {
      VectorSet.empty(),
      host(CompareOperation.LESS_THAN_OR_EQUAL, 5),
      host(CompareOperation.LESS_THAN_OR_EQUAL, 7),
      VectorSet.builder()
          .add(3, CompareOperation.LESS_THAN_OR_EQUAL, 1)
          .add(4, CompareOperation.EQUAL, 1)
          .build()
    };
    List<BitSet> first = new ArrayList<>();
    for (VectorSet vm : vms) {
      BitSet result = kernel.compatibleHostClasses(vm);
      first.add((BitSet) result.clone());
      result.set(0, 100); // the caller scribbles on its result
    }
    for (int i = 0; i < vms.length; i++) {
      assertThat(kernel.compatibleHostClasses(vms[i])).as("vm %s", vms[i]).isEqualTo(first.get(i));
    }
    BitSet passing = index.passing(3, CompareOperation.LESS_THAN_OR_EQUAL, 0);
    passing.clear();
    assertThat(index.passing(3, CompareOperation.LESS_THAN_OR_EQUAL, 0)).isEqualTo(bits(0, 1));
    assertThat(index.passing(3, CompareOperation.EQUAL, 5))
        .as("another operation")
        .isEqualTo(bits());
    assertThat(index.passing(99, CompareOperation.LESS_THAN_OR_EQUAL, 0))
        .as("unknown id")
        .isEqualTo(bits());
  }

  /** The index is broadcast by Spark: a serialized copy must answer the same. */
  @Test
  void serializedIndexAgrees() throws IOException, ClassNotFoundException {
    long seed = 42;
    RandomFleet fleet = RandomFleet.generate(seed, Shape.DENSE, 30, 20);
    List<VectorSet> hostClasses = new ArrayList<>(classes(fleet.hosts()).keySet());
    HostClassIndex index = HostClassIndex.of(hostClasses);
    HostClassIndex copy = roundTrip(index);
    assertThat(copy.hostClassCount()).isEqualTo(index.hostClassCount());
    MatrixKernel original = new MatrixKernel(index);
    MatrixKernel restored = new MatrixKernel(copy);
    for (VectorSet vm : classes(fleet.vms()).keySet()) {
      assertThat(restored.compatibleHostClasses(vm))
          .as("seed %d vm %s", seed, vm)
          .isEqualTo(original.compatibleHostClasses(vm));
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** The reference model's vectors as a core {@link VectorSet}. */
  static VectorSet vectorSet(List<RefVector> vectors) {
    VectorSet.Builder b = VectorSet.builder();
    for (RefVector v : vectors) {
      b.add((int) v.vectorId(), CompareOperation.ofCode(v.op()), v.valueBits());
    }
    return b.build();
  }

  /** Systems deduplicated into classes: class to number, in order of first appearance. */
  private static Map<VectorSet, Integer> classes(Map<String, List<RefVector>> systems) {
    Map<VectorSet, Integer> classes = new LinkedHashMap<>();
    for (List<RefVector> vectors : systems.values()) {
      classes.putIfAbsent(vectorSet(vectors), classes.size());
    }
    return classes;
  }

  /** The engine's way: classes, the index, the kernel per VM class, then expanded to pairs. */
  private static Set<Pair> kernelPairs(
      Map<String, List<RefVector>> vms, Map<String, List<RefVector>> hosts, int cacheFrom) {
    Map<VectorSet, Integer> vmClasses = classes(vms);
    Map<VectorSet, Integer> hostClasses = classes(hosts);
    List<List<String>> hostsByClass = new ArrayList<>();
    for (int i = 0; i < hostClasses.size(); i++) {
      hostsByClass.add(new ArrayList<>());
    }
    hosts.forEach((id, v) -> hostsByClass.get(hostClasses.get(vectorSet(v))).add(id));
    MatrixKernel kernel =
        new MatrixKernel(HostClassIndex.of(new ArrayList<>(hostClasses.keySet())), cacheFrom);
    Map<VectorSet, BitSet> matrix = new LinkedHashMap<>();
    for (VectorSet vmClass : vmClasses.keySet()) {
      matrix.put(vmClass, kernel.compatibleHostClasses(vmClass));
    }
    Set<Pair> pairs = new TreeSet<>();
    vms.forEach(
        (vmId, v) ->
            matrix.get(vectorSet(v)).stream()
                .forEach(
                    hc -> {
                      for (String hostId : hostsByClass.get(hc)) {
                        pairs.add(new Pair(vmId, hostId));
                      }
                    }));
    return pairs;
  }

  /** The seeds a randomized test runs for a shape, or just {@code -Dfleetcompat.seed}. */
  static List<Long> seeds(Shape shape) {
    String one = System.getProperty("fleetcompat.seed");
    if (one != null) {
      return List.of(Long.parseLong(one));
    }
    List<Long> seeds = new ArrayList<>();
    long base = 1_000_003L * (shape.ordinal() + 1);
    for (int i = 0; i < SEEDS_PER_SHAPE; i++) {
      seeds.add(base + i);
    }
    return seeds;
  }

  /** A one-vector system with id 3. */
  private static VectorSet host(CompareOperation op, long value) {
    return VectorSet.builder().add(3, op, value).build();
  }

  /** A copy through Java serialization, the way Spark ships broadcasts and task results. */
  @SuppressWarnings("unchecked")
  static <T extends Serializable> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  static BitSet bits(int... classes) {
    BitSet b = new BitSet();
    for (int c : classes) {
      b.set(c);
    }
    return b;
  }
}
