package org.fleetcompat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fleetcompat.core.CompareOperation.DIVISOR;
import static org.fleetcompat.core.CompareOperation.EQUAL;
import static org.fleetcompat.core.CompareOperation.LESS_THAN;
import static org.fleetcompat.core.CompareOperation.SUB_SET;
import static org.fleetcompat.core.CompareOperation.SUPER_SET;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link VectorSet}: unsigned id order, lookup, duplicates, identity, printing. */
class VectorSetTest {

  @Test
  void sortsByUnsignedVectorId() {
    VectorSet set =
        VectorSet.builder()
            .add(0xFFFF_FFFF, EQUAL, 1)
            .add(0x8000_0000, EQUAL, 2)
            .add(5, EQUAL, 3)
            .add(0x7FFF_FFFF, EQUAL, 4)
            .add(0, EQUAL, 5)
            .build();
    List<Integer> ids = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < set.size(); i++) {
      ids.add(set.vectorId(i));
      values.add(set.value(i));
    }
    assertThat(ids).containsExactly(0, 5, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF);
    assertThat(values).as("values travel with their ids").containsExactly(5L, 3L, 4L, 2L, 1L);
  }

  @Test
  void sortsManyVectorsInAnyInsertionOrder() {
    for (long seed = 0; seed < 20; seed++) {
      Random rnd = new Random(seed);
      List<Integer> ids = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        ids.add(i * 0x0300_0001); // spread over the whole unsigned range, past 2^31
      }
      Collections.shuffle(ids, rnd);
      VectorSet.Builder b = VectorSet.builder();
      for (int id : ids) {
        b.add(id, CompareOperation.ofCode(Integer.remainderUnsigned(id, 10)), ~(long) id);
      }
      VectorSet set = b.build();
      assertThat(set.size()).as("seed %d", seed).isEqualTo(100);
      for (int i = 0; i < set.size(); i++) {
        int id = set.vectorId(i);
        if (i > 0) {
          assertThat(Integer.compareUnsigned(set.vectorId(i - 1), id))
              .as("seed %d position %d", seed, i)
              .isNegative();
        }
        assertThat(set.operation(i).code())
            .as("seed %d", seed)
            .isEqualTo(Integer.remainderUnsigned(id, 10));
        assertThat(set.value(i)).as("seed %d", seed).isEqualTo(~(long) id);
        assertThat(set.indexOf(id)).as("seed %d", seed).isEqualTo(i);
      }
    }
  }

  @Test
  void keepsEveryOperation() {
    VectorSet.Builder b = VectorSet.builder();
    for (CompareOperation op : CompareOperation.values()) {
      b.add(op.code(), op, op.code());
    }
    VectorSet set = b.build();
    for (CompareOperation op : CompareOperation.values()) {
      assertThat(set.operation(set.indexOf(op.code()))).isSameAs(op);
    }
  }

  @Test
  void indexOf() {
    VectorSet set =
        VectorSet.builder()
            .add(0x8000_0000, EQUAL, 1)
            .add(3, EQUAL, 1)
            .add(0xFFFF_FFFF, EQUAL, 1)
            .build();
    assertThat(set.indexOf(3)).isZero();
    assertThat(set.indexOf(0x8000_0000)).isEqualTo(1);
    assertThat(set.indexOf(0xFFFF_FFFF)).isEqualTo(2);
    assertThat(set.indexOf(0)).isNegative();
    assertThat(set.indexOf(4)).isNegative();
    assertThat(set.indexOf(0x7FFF_FFFF)).isNegative();
    assertThat(set.indexOf(0x8000_0001)).isNegative();
    assertThat(set.indexOf(-2)).as("0xfffffffe").isNegative();
    assertThat(VectorSet.empty().indexOf(0)).isNegative();
    assertThat(VectorSet.empty().indexOf(-1)).isNegative();
  }

  @Test
  void duplicateIdIsRejected() {
    assertThatThrownBy(
            () -> VectorSet.builder().add(0x8000_0000, EQUAL, 1).add(0x8000_0000, EQUAL, 1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Duplicate vector_id 0x80000000 in one system");
    assertThatThrownBy(
            () -> VectorSet.builder().add(7, EQUAL, 1).add(1, EQUAL, 1).add(7, SUB_SET, 2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Duplicate vector_id 0x7 in one system");
  }

  @Test
  void equalsAndHashCode() {
    VectorSet a = VectorSet.builder().add(1, EQUAL, 2).add(0x9000_0000, SUPER_SET, -1L).build();
    VectorSet sameOtherOrder =
        VectorSet.builder().add(0x9000_0000, SUPER_SET, -1L).add(1, EQUAL, 2).build();
    assertThat(a).isEqualTo(sameOtherOrder).hasSameHashCodeAs(sameOtherOrder);
    assertThat(a).isEqualTo(a).isNotEqualTo(null).isNotEqualTo("[]");

    assertThat(a)
        .as("another value")
        .isNotEqualTo(
            VectorSet.builder().add(1, EQUAL, 3).add(0x9000_0000, SUPER_SET, -1L).build());
    assertThat(a)
        .as("another operation")
        .isNotEqualTo(VectorSet.builder().add(1, EQUAL, 2).add(0x9000_0000, SUB_SET, -1L).build());
    assertThat(a)
        .as("another id")
        .isNotEqualTo(
            VectorSet.builder().add(1, EQUAL, 2).add(0x9000_0001, SUPER_SET, -1L).build());
    assertThat(a).as("a vector fewer").isNotEqualTo(VectorSet.builder().add(1, EQUAL, 2).build());

    assertThat(VectorSet.builder().build())
        .isEqualTo(VectorSet.empty())
        .hasSameHashCodeAs(VectorSet.empty());
    assertThat(VectorSet.empty().size()).isZero();
  }

  @Test
  void toStringInHex() {
    VectorSet set =
        VectorSet.builder()
            .add(0x8000_0000, SUB_SET, Long.MIN_VALUE)
            .add(0x10000102, DIVISOR, 0x3e98320bL)
            .add(1, LESS_THAN, -1L)
            .add(2, EQUAL, 0)
            .build();
    assertThat(set)
        .hasToString(
            "[0x1 LessThan 0xffffffffffffffff; 0x2 Equal 0x0; 0x10000102 Divisor 0x3e98320b;"
                + " 0x80000000 SubSet 0x8000000000000000]");
    assertThat(VectorSet.empty()).hasToString("[]");
  }

  @Test
  void serializesToAnEqualSet() throws IOException, ClassNotFoundException {
    VectorSet set = VectorSet.builder().add(0xFFFF_FFFF, SUPER_SET, -1L).add(2, DIVISOR, 6).build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(set);
    }
    Object copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = in.readObject();
    }
    assertThat(copy).isEqualTo(set).hasSameHashCodeAs(set).hasToString(set.toString());
  }
}
