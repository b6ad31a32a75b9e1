package org.fleetcompat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fleetcompat.core.BaselineStatus.ANY_NON_ZERO;
import static org.fleetcompat.core.BaselineStatus.EQUAL_DISAGREES;
import static org.fleetcompat.core.BaselineStatus.LCM_OVERFLOW;
import static org.fleetcompat.core.BaselineStatus.MISSING_ON_SOME_HOST;
import static org.fleetcompat.core.BaselineStatus.NO_VALUE_AT_EDGE;
import static org.fleetcompat.core.BaselineStatus.OPERATION_DIFFERS;
import static org.fleetcompat.core.BaselineStatus.VALUE;
import static org.fleetcompat.core.BaselineStatus.ZERO_HOST_VALUE;
import static org.fleetcompat.core.CompareOperation.DISJOINT;
import static org.fleetcompat.core.CompareOperation.DIVISOR;
import static org.fleetcompat.core.CompareOperation.EQUAL;
import static org.fleetcompat.core.CompareOperation.GREATER_THAN;
import static org.fleetcompat.core.CompareOperation.GREATER_THAN_OR_EQUAL;
import static org.fleetcompat.core.CompareOperation.LESS_THAN;
import static org.fleetcompat.core.CompareOperation.LESS_THAN_OR_EQUAL;
import static org.fleetcompat.core.CompareOperation.MULTIPLE;
import static org.fleetcompat.core.CompareOperation.SUB_SET;
import static org.fleetcompat.core.CompareOperation.SUPER_SET;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Examples of SPEC section 6, one test per operation and per status, leaning on the unsigned edges:
 * 0, 2^63-1, 2^63, 2^64-1. Every single-vector example also checks that the VM at the baseline
 * passes on every host (the law {@code BaselinePropertiesTest} generalizes).
 */
class BaselineTest {
  private static final long P63 = Long.MIN_VALUE; // 2^63
  private static final long MAX = -1L; // 2^64-1
  private static final long MAX_OVER_3 = Long.divideUnsigned(MAX, 3); // 0x5555555555555555
  private static final int ID = 0x10;

  @Test
  void subSetIsTheAnd() {
    assertThat(baseline(SUB_SET, 0b1110, 0b0111)).isEqualTo(value(SUB_SET, 0b0110));
    assertThat(baseline(SUB_SET, MAX, P63 | 1)).isEqualTo(value(SUB_SET, P63 | 1));
    assertThat(baseline(SUB_SET, MAX, MAX)).isEqualTo(value(SUB_SET, MAX));
    assertThat(baseline(SUB_SET, P63, 1))
        .as("no common bit: the VM may use none")
        .isEqualTo(value(SUB_SET, 0));
  }

  @Test
  void superSetIsTheOr() {
    assertThat(baseline(SUPER_SET, 1, P63)).isEqualTo(value(SUPER_SET, P63 | 1));
    assertThat(baseline(SUPER_SET, 0, 0)).isEqualTo(value(SUPER_SET, 0));
    assertThat(baseline(SUPER_SET, MAX, 5)).isEqualTo(value(SUPER_SET, MAX));
  }

  @Test
  void disjointIsTheComplementOfTheOr() {
    assertThat(baseline(DISJOINT, 0xF0, 0x0F)).isEqualTo(value(DISJOINT, ~0xFFL));
    assertThat(baseline(DISJOINT, P63, 1)).isEqualTo(value(DISJOINT, 0x7FFF_FFFF_FFFF_FFFEL));
    assertThat(baseline(DISJOINT, 0)).isEqualTo(value(DISJOINT, MAX));
    assertThat(baseline(DISJOINT, MAX, 3)).as("only 0 shares no bit").isEqualTo(value(DISJOINT, 0));
  }

  @Test
  void lessThanOrEqualIsTheUnsignedMinimum() {
    assertThat(baseline(LESS_THAN_OR_EQUAL, P63, 5)).isEqualTo(value(LESS_THAN_OR_EQUAL, 5));
    assertThat(baseline(LESS_THAN_OR_EQUAL, MAX, P63)).isEqualTo(value(LESS_THAN_OR_EQUAL, P63));
    assertThat(baseline(LESS_THAN_OR_EQUAL, P63, Long.MAX_VALUE))
        .isEqualTo(value(LESS_THAN_OR_EQUAL, Long.MAX_VALUE));
    assertThat(baseline(LESS_THAN_OR_EQUAL, 0, MAX)).isEqualTo(value(LESS_THAN_OR_EQUAL, 0));
  }

  @Test
  void greaterThanOrEqualIsTheUnsignedMaximum() {
    assertThat(baseline(GREATER_THAN_OR_EQUAL, P63, 5))
        .isEqualTo(value(GREATER_THAN_OR_EQUAL, P63));
    assertThat(baseline(GREATER_THAN_OR_EQUAL, Long.MAX_VALUE, P63))
        .isEqualTo(value(GREATER_THAN_OR_EQUAL, P63));
    assertThat(baseline(GREATER_THAN_OR_EQUAL, MAX, 0))
        .isEqualTo(value(GREATER_THAN_OR_EQUAL, MAX));
    assertThat(baseline(GREATER_THAN_OR_EQUAL, 0, 0)).isEqualTo(value(GREATER_THAN_OR_EQUAL, 0));
  }

  @Test
  void lessThanIsOneBelowTheMinimum() {
    assertThat(baseline(LESS_THAN, P63, 7)).isEqualTo(value(LESS_THAN, 6));
    assertThat(baseline(LESS_THAN, P63, MAX)).isEqualTo(value(LESS_THAN, Long.MAX_VALUE));
    assertThat(baseline(LESS_THAN, MAX)).isEqualTo(value(LESS_THAN, MAX - 1));
    assertThat(baseline(LESS_THAN, 1)).isEqualTo(value(LESS_THAN, 0));
  }

  @Test
  void lessThanHasNoValueBelowZero() {
    assertThat(baseline(LESS_THAN, 5, 0)).isEqualTo(none(LESS_THAN, NO_VALUE_AT_EDGE));
    assertThat(passesOnEveryHost(LESS_THAN, 0, 5, 0)).isFalse();
  }

  @Test
  void greaterThanIsOneAboveTheMaximum() {
    assertThat(baseline(GREATER_THAN, Long.MAX_VALUE, 3)).isEqualTo(value(GREATER_THAN, P63));
    assertThat(baseline(GREATER_THAN, MAX - 1, P63)).isEqualTo(value(GREATER_THAN, MAX));
    assertThat(baseline(GREATER_THAN, 0)).isEqualTo(value(GREATER_THAN, 1));
  }

  @Test
  void greaterThanHasNoValueAboveTheTop() {
    assertThat(baseline(GREATER_THAN, 5, MAX)).isEqualTo(none(GREATER_THAN, NO_VALUE_AT_EDGE));
    assertThat(passesOnEveryHost(GREATER_THAN, MAX, 5, MAX)).isFalse();
  }

  @Test
  void equalIsTheCommonValue() {
    assertThat(baseline(EQUAL, P63, P63, P63)).isEqualTo(value(EQUAL, P63));
    assertThat(baseline(EQUAL, MAX)).isEqualTo(value(EQUAL, MAX));
    assertThat(baseline(EQUAL, 0, 0)).isEqualTo(value(EQUAL, 0));
  }

  @Test
  void equalDisagrees() {
    assertThat(baseline(EQUAL, P63, Long.MAX_VALUE)).isEqualTo(none(EQUAL, EQUAL_DISAGREES));
    assertThat(baseline(EQUAL, 0, 0, 1)).isEqualTo(none(EQUAL, EQUAL_DISAGREES));
  }

  @Test
  void multipleIsTheLeastCommonMultiple() {
    assertThat(baseline(MULTIPLE, 4, 6)).isEqualTo(value(MULTIPLE, 12));
    assertThat(baseline(MULTIPLE, P63, 2, 1L << 40)).isEqualTo(value(MULTIPLE, P63));
    assertThat(baseline(MULTIPLE, MAX)).isEqualTo(value(MULTIPLE, MAX));
    assertThat(big(MAX_OVER_3).multiply(BigInteger.valueOf(3))).isEqualTo(big(MAX));
    assertThat(baseline(MULTIPLE, MAX_OVER_3, 3))
        .as("lcm exactly 2^64-1 still fits")
        .isEqualTo(value(MULTIPLE, MAX));
    assertThat(baseline(MULTIPLE, 3L << 62, 1L << 62, 3)).isEqualTo(value(MULTIPLE, 3L << 62));
  }

  @Test
  void multipleOverflows() {
    assertThat(baseline(MULTIPLE, P63, 3)).as("3 * 2^63").isEqualTo(none(MULTIPLE, LCM_OVERFLOW));
    assertThat(baseline(MULTIPLE, MAX_OVER_3, 3, 2))
        .as("2 * (2^64-1)")
        .isEqualTo(none(MULTIPLE, LCM_OVERFLOW));
    assertThat(baseline(MULTIPLE, Long.MAX_VALUE, P63)).isEqualTo(none(MULTIPLE, LCM_OVERFLOW));
    assertThat(baseline(MULTIPLE, (1L << 32) + 15, (1L << 32) - 5))
        .isEqualTo(none(MULTIPLE, LCM_OVERFLOW));
    assertThat(passesOnEveryHost(MULTIPLE, 0, P63, 3))
        .as("0, the degenerate multiple, passes but is not offered")
        .isTrue();
  }

  @Test
  void multipleWithAZeroHostValueHasNoValue() {
    assertThat(baseline(MULTIPLE, 0, 5)).isEqualTo(none(MULTIPLE, ZERO_HOST_VALUE));
    assertThat(baseline(MULTIPLE, 0)).isEqualTo(none(MULTIPLE, ZERO_HOST_VALUE));
    assertThat(baseline(MULTIPLE, P63, 3, 0))
        .as("a zero host wins over an overflow: not even 0 passes")
        .isEqualTo(none(MULTIPLE, ZERO_HOST_VALUE));
    assertThat(passesOnEveryHost(MULTIPLE, 0, P63, 3, 0)).isFalse();
  }

  @Test
  void divisorIsTheGreatestCommonDivisor() {
    assertThat(baseline(DIVISOR, 12, 18)).isEqualTo(value(DIVISOR, 6));
    assertThat(baseline(DIVISOR, P63, 3L << 62)).isEqualTo(value(DIVISOR, 1L << 62));
    assertThat(baseline(DIVISOR, MAX, MAX_OVER_3)).isEqualTo(value(DIVISOR, MAX_OVER_3));
    assertThat(baseline(DIVISOR, MAX - 1, Long.MAX_VALUE))
        .as("2^64-2 = 2 * (2^63-1)")
        .isEqualTo(value(DIVISOR, Long.MAX_VALUE));
    assertThat(baseline(DIVISOR, P63, MAX)).isEqualTo(value(DIVISOR, 1));
    assertThat(baseline(DIVISOR, MAX, 0)).as("0 constrains nothing").isEqualTo(value(DIVISOR, MAX));
  }

  @Test
  void divisorOnAllZeroHostsAcceptsAnyNonZeroValue() {
    assertThat(baseline(DIVISOR, 0, 0)).isEqualTo(none(DIVISOR, ANY_NON_ZERO));
    assertThat(baseline(DIVISOR, 0)).isEqualTo(none(DIVISOR, ANY_NON_ZERO));
    for (long vm : new long[] {1, 2, Long.MAX_VALUE, P63, MAX}) {
      assertThat(passesOnEveryHost(DIVISOR, vm, 0, 0)).as("vm %s", Hex.value(vm)).isTrue();
    }
    assertThat(passesOnEveryHost(DIVISOR, 0, 0, 0)).isFalse();
  }

  @Test
  void missingOnSomeHostKeepsTheOperation() {
    VectorSet a = VectorSet.builder().add(1, SUB_SET, 3).add(2, EQUAL, 5).build();
    VectorSet b = VectorSet.builder().add(2, EQUAL, 5).build();
    Baseline baseline = Baseline.of(List.of(a, b));
    assertThat(baseline.vectors())
        .containsExactly(
            new BaselineVector(1, SUB_SET, 0, MISSING_ON_SOME_HOST),
            new BaselineVector(2, EQUAL, 5, VALUE));
    assertThat(baseline.vmVectors()).isEqualTo(b);
    VectorSet carrying = VectorSet.builder().add(1, SUB_SET, 0).build();
    assertThat(PairCheck.failures(carrying, b))
        .extracting(VectorOutcome::reason)
        .containsExactly(Reason.MISSING_ON_HOST);
  }

  @Test
  void operationDiffers() {
    VectorSet a = VectorSet.builder().add(1, LESS_THAN_OR_EQUAL, 5).add(2, EQUAL, 5).build();
    VectorSet b = VectorSet.builder().add(1, GREATER_THAN_OR_EQUAL, 5).add(2, EQUAL, 5).build();
    Baseline baseline = Baseline.of(List.of(a, b));
    assertThat(baseline.vectors())
        .containsExactly(
            new BaselineVector(1, null, 0, OPERATION_DIFFERS),
            new BaselineVector(2, EQUAL, 5, VALUE));
    assertThat(baseline.vectors().get(0).hasValue()).isFalse();
  }

  @Test
  void operationDiffersWinsOverMissing() {
    VectorSet a = VectorSet.builder().add(1, LESS_THAN_OR_EQUAL, 5).build();
    VectorSet b = VectorSet.builder().add(1, GREATER_THAN_OR_EQUAL, 5).build();
    VectorSet c = VectorSet.builder().add(2, EQUAL, 5).build();
    assertThat(Baseline.of(List.of(a, c, b)).vectors())
        .containsExactly(
            new BaselineVector(1, null, 0, OPERATION_DIFFERS),
            new BaselineVector(2, EQUAL, 0, MISSING_ON_SOME_HOST));
  }

  @Test
  void vectorsComeInUnsignedIdOrderOncePerId() {
    VectorSet a =
        VectorSet.builder()
            .add(0xFFFF_FFFF, EQUAL, 1)
            .add(0x8000_0000, EQUAL, 2)
            .add(0, EQUAL, 3)
            .build();
    VectorSet b = VectorSet.builder().add(0x8000_0000, EQUAL, 2).add(0x7FFF_FFFF, EQUAL, 4).build();
    VectorSet c = VectorSet.builder().add(0x8000_0000, EQUAL, 2).add(0xFFFF_FFFF, EQUAL, 1).build();
    Baseline baseline = Baseline.of(List.of(a, b, c));
    assertThat(baseline.vectors())
        .extracting(BaselineVector::vectorId)
        .containsExactly(0, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF);
    assertThat(baseline.vectors())
        .extracting(BaselineVector::status)
        .containsExactly(MISSING_ON_SOME_HOST, MISSING_ON_SOME_HOST, VALUE, MISSING_ON_SOME_HOST);
    assertThat(baseline.vmVectors())
        .isEqualTo(VectorSet.builder().add(0x8000_0000, EQUAL, 2).build());
  }

  @Test
  void oneHostIsItsOwnBaselineWhereTheOperationAllows() {
    VectorSet host =
        VectorSet.builder()
            .add(1, SUB_SET, P63)
            .add(2, LESS_THAN, P63)
            .add(3, GREATER_THAN, MAX)
            .add(4, DIVISOR, 0)
            .add(5, MULTIPLE, MAX)
            .build();
    Baseline baseline = Baseline.of(List.of(host));
    assertThat(baseline.hostCount()).isEqualTo(1);
    assertThat(baseline.vectors())
        .containsExactly(
            new BaselineVector(1, SUB_SET, P63, VALUE),
            new BaselineVector(2, LESS_THAN, Long.MAX_VALUE, VALUE),
            new BaselineVector(3, GREATER_THAN, 0, NO_VALUE_AT_EDGE),
            new BaselineVector(4, DIVISOR, 0, ANY_NON_ZERO),
            new BaselineVector(5, MULTIPLE, MAX, VALUE));
    assertThat(PairCheck.isCompatible(baseline.vmVectors(), host)).isTrue();
  }

  @Test
  void hostOrderAndRepeatsChangeOnlyTheCount() {
    VectorSet a = VectorSet.builder().add(1, LESS_THAN, 9).add(2, SUPER_SET, 1).build();
    VectorSet b = VectorSet.builder().add(1, LESS_THAN, P63).add(2, SUPER_SET, P63).build();
    Baseline once = Baseline.of(List.of(a, b));
    Baseline twice = Baseline.of(List.of(b, a, b));
    assertThat(twice.vectors()).isEqualTo(once.vectors());
    assertThat(twice.vmVectors()).isEqualTo(once.vmVectors());
    assertThat(once.hostCount()).isEqualTo(2);
    assertThat(twice.hostCount()).isEqualTo(3);
  }

  @Test
  void hostsWithoutVectorsHaveAnEmptyBaseline() {
    Baseline baseline = Baseline.of(List.of(VectorSet.empty(), VectorSet.empty()));
    assertThat(baseline.vectors()).isEmpty();
    assertThat(baseline.vmVectors()).isEqualTo(VectorSet.empty());
    assertThat(baseline.hostCount()).isEqualTo(2);
  }

  @Test
  void vectorsAreUnmodifiable() {
    Baseline baseline = Baseline.of(hosts(EQUAL, 1));
    assertThatThrownBy(() -> baseline.vectors().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anEmptySetOfHostsIsRejected() {
    assertThatThrownBy(() -> Baseline.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot compute a baseline: the set of hosts is empty, and a baseline is what every"
                + " host of a set accepts; pass at least one host");
  }

  @Test
  void aNullHostIsRejected() {
    List<VectorSet> hosts = Arrays.asList(VectorSet.empty(), null);
    assertThatThrownBy(() -> Baseline.of(hosts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute a baseline: host 1 of 2 is null");
  }

  @Test
  void vectorInvariantsAreChecked() {
    assertThatThrownBy(() -> new BaselineVector(1, SUB_SET, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Baseline vector 0x1: null status");
    assertThatThrownBy(() -> new BaselineVector(2, null, 0, VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Baseline vector 0x2: operation null with status VALUE; the operation is null exactly"
                + " for OPERATION_DIFFERS");
    assertThatThrownBy(() -> new BaselineVector(3, EQUAL, 0, OPERATION_DIFFERS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Baseline vector 0x3: operation EQUAL with status OPERATION_DIFFERS; the operation is"
                + " null exactly for OPERATION_DIFFERS");
    assertThatThrownBy(() -> new BaselineVector(0x8000_0000, MULTIPLE, MAX, LCM_OVERFLOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Baseline vector 0x80000000: value 0xffffffffffffffff with status LCM_OVERFLOW; only"
                + " VALUE carries a value, pass 0 otherwise");
  }

  @Test
  void toStringsReadLikeExplanations() {
    assertThat(new BaselineVector(0x10, SUB_SET, P63, VALUE))
        .hasToString("0x10 SubSet 0x8000000000000000");
    assertThat(new BaselineVector(0xFFFF_FFFF, EQUAL, 0, EQUAL_DISAGREES))
        .hasToString("0xffffffff Equal EQUAL_DISAGREES");
    assertThat(new BaselineVector(7, null, 0, OPERATION_DIFFERS))
        .hasToString("0x7 OPERATION_DIFFERS");
    assertThat(Baseline.of(hosts(EQUAL, 4, 5)))
        .hasToString("Baseline of 2 hosts [0x10 Equal EQUAL_DISAGREES]");
  }

  // ---------------------------------------------------------------------------------------------

  /** One host per value, each with the single vector {@code ID op value}. */
  private static List<VectorSet> hosts(CompareOperation op, long... hostValues) {
    List<VectorSet> hosts = new ArrayList<>();
    for (long v : hostValues) {
      hosts.add(VectorSet.builder().add(ID, op, v).build());
    }
    return hosts;
  }

  /** The baseline of {@link #hosts}, after checking that the VM at it passes on every host. */
  private static BaselineVector baseline(CompareOperation op, long... hostValues) {
    List<VectorSet> hosts = hosts(op, hostValues);
    Baseline baseline = Baseline.of(hosts);
    for (VectorSet host : hosts) {
      assertThat(PairCheck.failures(baseline.vmVectors(), host)).as("on %s", host).isEmpty();
    }
    assertThat(baseline.hostCount()).isEqualTo(hostValues.length);
    assertThat(baseline.vectors()).hasSize(1);
    return baseline.vectors().get(0);
  }

  private static boolean passesOnEveryHost(CompareOperation op, long vm, long... hostValues) {
    VectorSet vmVectors = VectorSet.builder().add(ID, op, vm).build();
    return hosts(op, hostValues).stream().allMatch(h -> PairCheck.isCompatible(vmVectors, h));
  }

  private static BaselineVector value(CompareOperation op, long value) {
    return new BaselineVector(ID, op, value, VALUE);
  }

  private static BaselineVector none(CompareOperation op, BaselineStatus status) {
    return new BaselineVector(ID, op, 0, status);
  }

  private static BigInteger big(long bits) {
    return new BigInteger(Long.toUnsignedString(bits));
  }
}
