package org.fleetcompat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorSetIndex} against a {@link HashMap} of vector sets on seeded random fleets of few
 * classes (ids and values at and above 2^31 / 2^63, every operation, the empty set): the same
 * numbers whether a set is added whole or from its arrays, and the same hash as the set's own.
 */
class VectorSetIndexTest {

  @Property(tries = 200)
  void numbersSetsLikeAMapInFirstSeenOrder(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int classes) {
    Random random = new Random(seed);
    List<VectorSet> pool = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      pool.add(randomSet(random));
    }
    VectorSetIndex index = new VectorSetIndex();
    Map<VectorSet, Integer> reference = new HashMap<>();
    for (int system = 0; system < 2000; system++) {
      VectorSet set = pool.get(random.nextInt(pool.size()));
      Integer expected = reference.computeIfAbsent(set, s -> reference.size());
      int got =
          random.nextBoolean()
              ? index.numberOf(set)
              : index.numberOfSorted(ids(set), ops(set), values(set), set.size());
      assertThat(got).isEqualTo(expected);
      assertThat(index.get(got)).isEqualTo(set);
    }
    assertThat(index.size()).isEqualTo(reference.size());
  }

  @Property(tries = 300)
  void hashOfTheArraysIsTheSetsHash(@ForAll long seed) {
    VectorSet set = randomSet(new Random(seed));
    int[] ids = java.util.Arrays.copyOf(ids(set), set.size() + 3);
    assertThat(VectorSet.hashOf(ids, ops(set), values(set), set.size())).isEqualTo(set.hashCode());
    assertThat(set.equalsSorted(ids, ops(set), values(set), set.size())).isTrue();
  }

  @Test
  void aNewSetFromArraysIsCheckedLikeOfSorted() {
    VectorSetIndex index = new VectorSetIndex();
    assertThatThrownBy(
            () -> index.numberOfSorted(new int[] {5, 2}, new byte[] {0, 0}, new long[2], 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ascend");
    assertThat(index.size()).isZero();
  }

  private static VectorSet randomSet(Random random) {
    VectorSet.Builder b = VectorSet.builder();
    int n = random.nextInt(6);
    java.util.Set<Integer> used = new java.util.HashSet<>();
    for (int i = 0; i < n; i++) {
      int id = random.nextBoolean() ? random.nextInt(8) : random.nextInt();
      if (used.add(id)) {
        CompareOperation op =
            CompareOperation.values()[random.nextInt(CompareOperation.values().length)];
        long value = random.nextBoolean() ? random.nextInt(4) : random.nextLong() | Long.MIN_VALUE;
        b.add(id, op, value);
      }
    }
    return b.build();
  }

  private static int[] ids(VectorSet s) {
    int[] a = new int[s.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = s.vectorId(i);
    }
    return a;
  }

  private static byte[] ops(VectorSet s) {
    byte[] a = new byte[s.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = (byte) s.operation(i).code();
    }
    return a;
  }

  private static long[] values(VectorSet s) {
    long[] a = new long[s.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = s.value(i);
    }
    return a;
  }
}
