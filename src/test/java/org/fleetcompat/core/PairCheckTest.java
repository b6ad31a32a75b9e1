package org.fleetcompat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.fleetcompat.core.CompareOperation.DIVISOR;
import static org.fleetcompat.core.CompareOperation.EQUAL;
import static org.fleetcompat.core.CompareOperation.GREATER_THAN_OR_EQUAL;
import static org.fleetcompat.core.CompareOperation.LESS_THAN_OR_EQUAL;
import static org.fleetcompat.core.CompareOperation.MULTIPLE;
import static org.fleetcompat.core.CompareOperation.SUB_SET;
import static org.fleetcompat.core.CompareOperation.SUPER_SET;

import java.util.List;
import org.fleetcompat.reference.NestedLoopReference;
import org.fleetcompat.reference.NestedLoopReference.RefVector;
import org.fleetcompat.reference.RandomFleet;
import org.fleetcompat.reference.RandomFleet.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The per-pair rule of SPEC section 1: every {@link Reason}, ignored host vectors, empty VMs. */
class PairCheckTest {
  private static final long P63 = Long.MIN_VALUE; // 2^63

  @Test
  void pass() {
    VectorSet vm = VectorSet.builder().add(1, SUB_SET, 0b0101).build();
    VectorSet host = VectorSet.builder().add(1, SUB_SET, 0b1101).build();
    assertThat(PairCheck.outcome(vm, 0, host))
        .isEqualTo(new VectorOutcome(1, SUB_SET, 0b0101, SUB_SET, 0b1101, Reason.PASS));
    assertThat(PairCheck.isCompatible(vm, host)).isTrue();
    assertThat(PairCheck.failures(vm, host)).isEmpty();
  }

  @Test
  void compareFailed() {
    VectorSet vm = VectorSet.builder().add(1, GREATER_THAN_OR_EQUAL, Long.MAX_VALUE).build();
    VectorSet host = VectorSet.builder().add(1, GREATER_THAN_OR_EQUAL, P63).build();
    VectorOutcome outcome = PairCheck.outcome(vm, 0, host);
    assertThat(outcome)
        .as("2^63-1 >= 2^63 is false, unsigned")
        .isEqualTo(
            new VectorOutcome(
                1,
                GREATER_THAN_OR_EQUAL,
                Long.MAX_VALUE,
                GREATER_THAN_OR_EQUAL,
                P63,
                Reason.COMPARE_FAILED));
    assertThat(outcome.isPresentOnHost()).isTrue();
    assertThat(PairCheck.isCompatible(vm, host)).isFalse();
    assertThat(PairCheck.failures(vm, host)).containsExactly(outcome);
  }

  @Test
  void missingOnHost() {
    VectorSet vm = VectorSet.builder().add(0x8000_0001, EQUAL, 7).build();
    VectorSet host = VectorSet.builder().add(1, EQUAL, 7).add(0x8000_0000, EQUAL, 7).build();
    VectorOutcome outcome = PairCheck.outcome(vm, 0, host);
    assertThat(outcome)
        .isEqualTo(new VectorOutcome(0x8000_0001, EQUAL, 7, null, 0L, Reason.MISSING_ON_HOST));
    assertThat(outcome.isPresentOnHost()).isFalse();
    assertThat(PairCheck.isCompatible(vm, host)).isFalse();
    assertThat(PairCheck.isCompatible(vm, VectorSet.empty())).isFalse();
  }

  @Test
  void operationMismatch() {
    // Equal 5 vs SuperSet 5 would pass under either operation: the mismatch alone fails it.
    VectorSet vm = VectorSet.builder().add(4, EQUAL, 5).build();
    VectorSet host = VectorSet.builder().add(4, SUPER_SET, 5).build();
    assertThat(PairCheck.outcome(vm, 0, host))
        .isEqualTo(new VectorOutcome(4, EQUAL, 5, SUPER_SET, 5, Reason.OPERATION_MISMATCH));
    assertThat(PairCheck.isCompatible(vm, host)).isFalse();
    assertThat(PairCheck.isCompatible(host, vm)).as("either way round").isFalse();
  }

  @Test
  void zeroOperand() {
    VectorSet multipleVm = VectorSet.builder().add(8, MULTIPLE, 0).build();
    VectorSet multipleHost0 = VectorSet.builder().add(8, MULTIPLE, 0).build();
    VectorSet multipleHost3 = VectorSet.builder().add(8, MULTIPLE, 3).build();
    assertThat(PairCheck.outcome(multipleVm, 0, multipleHost0).reason())
        .as("Multiple with host 0")
        .isEqualTo(Reason.ZERO_OPERAND);
    assertThat(PairCheck.outcome(multipleVm, 0, multipleHost3).reason())
        .as("Multiple(0, 3): 0 %% 3 == 0")
        .isEqualTo(Reason.PASS);

    VectorSet divisorVm0 = VectorSet.builder().add(9, DIVISOR, 0).build();
    VectorSet divisorVm3 = VectorSet.builder().add(9, DIVISOR, 3).build();
    VectorSet divisorHost0 = VectorSet.builder().add(9, DIVISOR, 0).build();
    VectorSet divisorHost4 = VectorSet.builder().add(9, DIVISOR, 4).build();
    assertThat(PairCheck.outcome(divisorVm0, 0, divisorHost0).reason())
        .as("Divisor with VM 0")
        .isEqualTo(Reason.ZERO_OPERAND);
    assertThat(PairCheck.outcome(divisorVm3, 0, divisorHost0).reason())
        .as("Divisor(3, 0): 0 %% 3 == 0")
        .isEqualTo(Reason.PASS);
    assertThat(PairCheck.outcome(divisorVm3, 0, divisorHost4).reason())
        .as("Divisor(3, 4) is an ordinary failure")
        .isEqualTo(Reason.COMPARE_FAILED);
  }

  @Test
  void hostVectorsTheVmLacksAreIgnored() {
    VectorSet vm = VectorSet.builder().add(2, LESS_THAN_OR_EQUAL, 10).build();
    VectorSet host =
        VectorSet.builder()
            .add(1, EQUAL, 99)
            .add(2, LESS_THAN_OR_EQUAL, 10)
            .add(0xFFFF_FFFF, DIVISOR, 0)
            .build();
    assertThat(PairCheck.isCompatible(vm, host)).isTrue();
    assertThat(PairCheck.outcomes(vm, host)).hasSize(1);
  }

  @Test
  void emptyVmIsCompatibleWithAnything() {
    VectorSet host = VectorSet.builder().add(1, MULTIPLE, 0).add(2, DIVISOR, 7).build();
    assertThat(PairCheck.isCompatible(VectorSet.empty(), host)).isTrue();
    assertThat(PairCheck.isCompatible(VectorSet.empty(), VectorSet.empty())).isTrue();
    assertThat(PairCheck.outcomes(VectorSet.empty(), host)).isEmpty();
    assertThat(PairCheck.failures(VectorSet.empty(), host)).isEmpty();
  }

  @Test
  void outcomesInVectorIdOrderAndFailuresOnlyTheFailing() {
    VectorSet vm =
        VectorSet.builder()
            .add(0x9000_0000, EQUAL, 1) // missing
            .add(3, SUPER_SET, 0b11) // pass
            .add(1, EQUAL, 2) // compare failed
            .add(2, SUB_SET, 1) // operation mismatch
            .build();
    VectorSet host =
        VectorSet.builder().add(1, EQUAL, 3).add(2, SUPER_SET, 1).add(3, SUPER_SET, 0b01).build();
    assertThat(PairCheck.outcomes(vm, host))
        .extracting(VectorOutcome::vectorId, VectorOutcome::reason)
        .containsExactly(
            tuple(1, Reason.COMPARE_FAILED),
            tuple(2, Reason.OPERATION_MISMATCH),
            tuple(3, Reason.PASS),
            tuple(0x9000_0000, Reason.MISSING_ON_HOST));
    assertThat(PairCheck.failures(vm, host))
        .extracting(VectorOutcome::vectorId)
        .containsExactly(1, 2, 0x9000_0000);
    assertThat(PairCheck.isCompatible(vm, host)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void agreesWithNestedLoopsOnRandomFleets(Shape shape) {
    for (long seed : MatrixKernelTest.seeds(shape)) {
      RandomFleet fleet = RandomFleet.generate(seed, shape, 10, 8);
      for (var vm : fleet.vms().entrySet()) {
        VectorSet vmSet = MatrixKernelTest.vectorSet(vm.getValue());
        for (var host : fleet.hosts().entrySet()) {
          VectorSet hostSet = MatrixKernelTest.vectorSet(host.getValue());
          List<VectorOutcome> outcomes = PairCheck.outcomes(vmSet, hostSet);
          for (VectorOutcome o : outcomes) {
            RefVector ref = find(vm.getValue(), o.vectorId());
            assertThat(o.reason().name())
                .as(
                    "shape %s seed %d: %s on %s, vector %s",
                    shape, seed, vm.getKey(), host.getKey(), ref)
                .isEqualTo(NestedLoopReference.reason(ref, host.getValue()));
          }
          assertThat(PairCheck.isCompatible(vmSet, hostSet))
              .as("shape %s seed %d: %s on %s", shape, seed, vm.getKey(), host.getKey())
              .isEqualTo(NestedLoopReference.isCompatible(vm.getValue(), host.getValue()))
              .isEqualTo(PairCheck.failures(vmSet, hostSet).isEmpty());
        }
      }
    }
  }

  @Test
  void offendingBitsNameWhatMakesAMaskCompareFail() {
    long vm = 0b1011L | Long.MIN_VALUE;
    long host = 0b0110L;
    assertThat(
            new VectorOutcome(1, SUB_SET, vm, SUB_SET, host, Reason.COMPARE_FAILED).offendingBits())
        .isEqualTo(0b1001L | Long.MIN_VALUE);
    assertThat(
            new VectorOutcome(
                    1,
                    CompareOperation.SUPER_SET,
                    vm,
                    CompareOperation.SUPER_SET,
                    host,
                    Reason.COMPARE_FAILED)
                .offendingBits())
        .isEqualTo(0b0100L);
    assertThat(
            new VectorOutcome(
                    1,
                    CompareOperation.DISJOINT,
                    vm,
                    CompareOperation.DISJOINT,
                    host,
                    Reason.COMPARE_FAILED)
                .offendingBits())
        .isEqualTo(0b0010L);
    assertThat(new VectorOutcome(1, SUB_SET, vm, null, 0L, Reason.MISSING_ON_HOST).offendingBits())
        .isZero();
    assertThat(new VectorOutcome(1, EQUAL, 5, EQUAL, 6, Reason.COMPARE_FAILED).offendingBits())
        .isZero();
    assertThat(new VectorOutcome(1, SUB_SET, 0b10, SUB_SET, 0b11, Reason.PASS).offendingBits())
        .isZero();
  }

  private static RefVector find(List<RefVector> vectors, int vectorId) {
    for (RefVector v : vectors) {
      if (v.vectorId() == Integer.toUnsignedLong(vectorId)) {
        return v;
      }
    }
    throw new AssertionError("no vector " + Integer.toUnsignedString(vectorId));
  }
}
