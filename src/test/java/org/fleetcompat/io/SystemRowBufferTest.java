package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.VectorSet;
import org.junit.jupiter.api.Test;

class SystemRowBufferTest {
  private static final long ID_2_31 = 0x8000_0000L;
  private static final long MAX_ID = 0xffff_ffffL;

  private final SystemRowBuffer buffer = new SystemRowBuffer();

  @Test
  void keepsDistinctVectorsInUnsignedIdOrder() {
    buffer.add(MAX_ID, 0, 7);
    buffer.add(ID_2_31, 4, Long.MIN_VALUE);
    buffer.add(5, 9, -1L);
    buffer.add(ID_2_31 - 1, 1, 3);
    buffer.add(0, 8, 0);

    assertThat(buffer.screen()).isTrue();

    assertThat(vectors())
        .containsExactly(
            "0 8 0",
            "5 9 -1",
            "2147483647 1 3",
            "2147483648 4 " + Long.MIN_VALUE,
            "4294967295 0 7");
    assertThat(buffer.duplicatesCollapsed()).isZero();
    assertThat(buffer.rows()).isEqualTo(5);
    assertThat(buffer.toVectorSet())
        .isEqualTo(
            VectorSet.builder()
                .add(0, CompareOperation.MULTIPLE, 0)
                .add(5, CompareOperation.DIVISOR, -1L)
                .add((int) (ID_2_31 - 1), CompareOperation.SUPER_SET, 3)
                .add((int) ID_2_31, CompareOperation.GREATER_THAN, Long.MIN_VALUE)
                .add((int) MAX_ID, CompareOperation.EQUAL, 7)
                .build());
  }

  @Test
  void exactDuplicatesAreCollapsedAndCounted() {
    buffer.add(ID_2_31, 2, -1L);
    buffer.add(1, 5, 9);
    buffer.add(ID_2_31, 2, -1L);
    buffer.add(ID_2_31, 2, -1L);
    buffer.add(1, 5, 9);

    assertThat(buffer.screen()).isTrue();

    assertThat(vectors()).containsExactly("1 5 9", "2147483648 2 -1");
    assertThat(buffer.duplicatesCollapsed()).isEqualTo(3);
    assertThat(buffer.rows()).isEqualTo(5);
  }

  @Test
  void aSystemCleanExceptOneValueVariantIsQuarantined() {
    for (int i = 0; i < 40; i++) {
      buffer.add(i, 2, 0xff);
    }
    buffer.add(17, 2, 0xfe);

    assertThat(buffer.screen()).isFalse();
    assertThat(buffer.rows()).isEqualTo(41);
  }

  @Test
  void anotherOperationForOneIdIsAConflictEvenWithTheSameValue() {
    buffer.add(MAX_ID, 5, 1);
    buffer.add(MAX_ID, 7, 1);

    assertThat(buffer.screen()).isFalse();
  }

  @Test
  void anExactDuplicateDoesNotHideAConflict() {
    buffer.add(3, 0, 1);
    buffer.add(3, 0, 1);
    buffer.add(4, 0, 1);
    buffer.add(3, 0, 2);
    buffer.add(3, 0, 1);

    assertThat(buffer.screen()).isFalse();
    assertThat(buffer.rows()).isEqualTo(5);
  }

  @Test
  void oneFaultyRowQuarantinesAnOtherwiseCleanSystem() {
    buffer.add(1, 2, 3);
    buffer.addFaulty();
    buffer.add(2, 2, 3);

    assertThat(buffer.screen()).isFalse();
    assertThat(buffer.rows()).isEqualTo(3);
  }

  @Test
  void clearStartsTheNextSystemAfterALargeOne() {
    for (long id = 999; id >= 0; id--) {
      buffer.add(id * 4_000_000L, 3, id);
    }
    buffer.addFaulty();
    assertThat(buffer.screen()).isFalse();

    buffer.clear();
    for (long id = 999; id >= 0; id--) {
      buffer.add(id * 4_000_000L, 3, id);
    }
    assertThat(buffer.screen()).isTrue();
    assertThat(buffer.vectorCount()).isEqualTo(1000);
    for (int i = 0; i < 1000; i++) {
      assertThat(buffer.vectorId(i)).isEqualTo(i * 4_000_000L);
      assertThat(buffer.value(i)).isEqualTo(i);
    }

    buffer.clear();
    assertThat(buffer.screen()).isTrue();
    assertThat(buffer.vectorCount()).isZero();
    assertThat(buffer.rows()).isZero();
  }

  /** The rule written out once more with a sorted map, on seeded random systems. */
  @Test
  void agreesWithAPlainMapOnSeededRandomSystems() {
    long[] ids = {0, 1, 0x10000102L, ID_2_31 - 1, ID_2_31, ID_2_31 + 7, MAX_ID};
    long[] values = {0, 1, Long.MAX_VALUE, Long.MIN_VALUE, -1L};
    for (long seed = 0; seed < 500; seed++) {
      Random rnd = new Random(seed);
      buffer.clear();
      TreeMap<Long, long[]> model = new TreeMap<>();
      boolean clean = true;
      int n = rnd.nextInt(80);
      List<long[]> rows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (!rows.isEmpty() && rnd.nextInt(4) == 0) {
          rows.add(rows.get(rnd.nextInt(rows.size())));
        } else if (rnd.nextInt(200) == 0) {
          rows.add(null);
        } else {
          long id = rnd.nextInt(3) == 0 ? rnd.nextLong() & MAX_ID : ids[rnd.nextInt(ids.length)];
          rows.add(new long[] {id, rnd.nextInt(10), values[rnd.nextInt(values.length)]});
        }
      }
      for (long[] r : rows) {
        if (r == null) {
          buffer.addFaulty();
          clean = false;
          continue;
        }
        buffer.add(r[0], r[1], r[2]);
        long[] seen = model.putIfAbsent(r[0], r);
        clean &= seen == null || (seen[1] == r[1] && seen[2] == r[2]);
      }

      assertThat(buffer.screen()).as("seed %d", seed).isEqualTo(clean);
      assertThat(buffer.rows()).as("seed %d", seed).isEqualTo(n);
      if (clean) {
        List<String> expected = new ArrayList<>();
        model.values().forEach(r -> expected.add(r[0] + " " + r[1] + " " + r[2]));
        assertThat(vectors()).as("seed %d", seed).isEqualTo(expected);
        assertThat(buffer.duplicatesCollapsed()).as("seed %d", seed).isEqualTo(n - model.size());
      }
    }
  }

  private List<String> vectors() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < buffer.vectorCount(); i++) {
      out.add(buffer.vectorId(i) + " " + buffer.operation(i) + " " + buffer.value(i));
    }
    return out;
  }
}
