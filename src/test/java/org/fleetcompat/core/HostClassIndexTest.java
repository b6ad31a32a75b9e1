package org.fleetcompat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fleetcompat.core.CompareOperation.EQUAL;
import static org.fleetcompat.core.CompareOperation.MULTIPLE;
import static org.fleetcompat.core.CompareOperation.SUB_SET;
import static org.fleetcompat.core.MatrixKernelTest.bits;

import java.util.BitSet;
import java.util.List;
import org.fleetcompat.reference.RandomFleet;
import org.fleetcompat.reference.RandomFleet.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The index's holder sets: which host classes carry an id, an (id, operation), a value. */
class HostClassIndexTest {
  private static final int HIGH_ID = 0x8000_0001;

  @Test
  void holdersByIdOperationAndValue() {
    HostClassIndex index =
        HostClassIndex.of(
            List.of(
                VectorSet.builder().add(1, MULTIPLE, 0).add(HIGH_ID, EQUAL, -1L).build(),
                VectorSet.builder().add(1, MULTIPLE, 4).build(),
                VectorSet.builder().add(1, SUB_SET, 0).add(HIGH_ID, EQUAL, 2).build(),
                VectorSet.empty()));
    assertThat(index.holding(1, MULTIPLE)).isEqualTo(bits(0, 1));
    assertThat(index.holding(1, SUB_SET)).isEqualTo(bits(2));
    assertThat(index.holding(1, EQUAL)).isEqualTo(new BitSet());
    assertThat(index.holdingId(1)).isEqualTo(bits(0, 1, 2));
    assertThat(index.holdingId(HIGH_ID)).isEqualTo(bits(0, 2));
    assertThat(index.holdingId(7)).isEqualTo(new BitSet());
    assertThat(index.holdingValue(1, MULTIPLE, 0)).isEqualTo(bits(0));
    assertThat(index.holdingValue(1, MULTIPLE, 8)).isEqualTo(new BitSet());
    assertThat(index.holdingValue(HIGH_ID, EQUAL, -1L)).isEqualTo(bits(0));
    assertThat(index.holdingValue(7, EQUAL, 0)).isEqualTo(new BitSet());
    index.holding(1, MULTIPLE).clear();
    index.holdingId(1).clear();
    index.holdingValue(1, MULTIPLE, 0).clear();
    assertThat(index.holding(1, MULTIPLE)).as("the caller owns results").isEqualTo(bits(0, 1));
    assertThat(index.holdingId(1)).isEqualTo(bits(0, 1, 2));
    assertThat(index.holdingValue(1, MULTIPLE, 0)).isEqualTo(bits(0));
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void holdersAgreeWithTheHostVectorsOnRandomFleets(Shape shape) {
    for (long seed = 0; seed < 50; seed++) {
      ClassedFleet classed = ClassedFleet.of(RandomFleet.generate(seed, shape, 5, 20));
      List<VectorSet> hosts = classed.hostClasses();
      HostClassIndex index = classed.index();
      for (VectorSet probe : hosts) {
        for (int i = 0; i < probe.size(); i++) {
          int id = probe.vectorId(i);
          CompareOperation op = probe.operation(i);
          long value = probe.value(i);
          BitSet withId = new BitSet();
          BitSet withOp = new BitSet();
          BitSet withValue = new BitSet();
          for (int hc = 0; hc < hosts.size(); hc++) {
            int j = hosts.get(hc).indexOf(id);
            boolean sameOp = j >= 0 && hosts.get(hc).operation(j) == op;
            withId.set(hc, j >= 0);
            withOp.set(hc, sameOp);
            withValue.set(hc, sameOp && hosts.get(hc).value(j) == value);
          }
          String context = "shape " + shape + " seed " + seed + " id " + id;
          assertThat(index.holdingId(id)).as(context).isEqualTo(withId);
          assertThat(index.holding(id, op)).as(context).isEqualTo(withOp);
          assertThat(index.holdingValue(id, op, value)).as(context).isEqualTo(withValue);
        }
      }
    }
  }
}
