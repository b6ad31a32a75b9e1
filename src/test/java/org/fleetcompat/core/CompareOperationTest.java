package org.fleetcompat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fleetcompat.reference.NestedLoopReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ten operations at the unsigned edges, with expected results written out by hand (SPEC section
 * 1); codes, names and reasons.
 */
class CompareOperationTest {
  /** The edges, in unsigned order: 0, 1, 2, 2^63-1, 2^63, 2^63+1, 2^64-1. */
  private static final long[] EDGES = {
    0L, 1L, 2L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L
  };

  private static final String[] EDGE_NAMES = {"0", "1", "2", "2^63-1", "2^63", "2^63+1", "2^64-1"};

  /**
   * Per operation, the 7 x 7 truth table over {@link #EDGES}: row = VM value, column = host value,
   * '1' = passes. Worked out by hand from the bit patterns: 0 = {}, 1 = {b0}, 2 = {b1}, 2^63-1 =
   * {b0..b62}, 2^63 = {b63}, 2^63+1 = {b63, b0}, 2^64-1 = all bits; 2^63-1 and 2^64-1 are odd, 2^63
   * mod (2^63-1) = 1, (2^63+1) mod (2^63-1) = 2, (2^64-1) mod (2^63-1) = 1, (2^64-1) mod (2^63+1) =
   * 2^63-2.
   */
  private static final String[][] TABLES = {
    // Equal: the diagonal.
    {"1000000", "0100000", "0010000", "0001000", "0000100", "0000010", "0000001"},
    // SuperSet: vm contains every bit of host.
    {"1000000", "1100000", "1010000", "1111000", "1000100", "1100110", "1111111"},
    // SubSet: host contains every bit of vm (SuperSet transposed).
    {"1111111", "0101011", "0011001", "0001001", "0000111", "0000011", "0000001"},
    // Disjoint: no common bit.
    {"1111111", "1010100", "1100110", "1000100", "1111000", "1010000", "1000000"},
    // GreaterThan: strictly below the diagonal (edges are in unsigned order).
    {"0000000", "1000000", "1100000", "1110000", "1111000", "1111100", "1111110"},
    // GreaterThanOrEqual.
    {"1000000", "1100000", "1110000", "1111000", "1111100", "1111110", "1111111"},
    // LessThan.
    {"0111111", "0011111", "0001111", "0000111", "0000011", "0000001", "0000000"},
    // LessThanOrEqual.
    {"1111111", "0111111", "0011111", "0001111", "0000111", "0000011", "0000001"},
    // Multiple: host != 0 and vm % host == 0; column 0 is all zero, row 0 passes every host != 0.
    {"0111111", "0100000", "0110000", "0101000", "0110100", "0100010", "0100001"},
    // Divisor: vm != 0 and host % vm == 0 (Multiple transposed); Divisor(x, 0) passes for x != 0.
    {"0000000", "1111111", "1010100", "1001000", "1000100", "1000010", "1000001"},
  };

  static Stream<Arguments> edgeCases() {
    List<Arguments> cases = new ArrayList<>();
    for (CompareOperation op : CompareOperation.values()) {
      for (int vm = 0; vm < EDGES.length; vm++) {
        for (int host = 0; host < EDGES.length; host++) {
          cases.add(
              Arguments.of(op, EDGE_NAMES[vm], EDGE_NAMES[host], EDGES[vm], EDGES[host], vm, host));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}({1}, {2})")
  @MethodSource("edgeCases")
  void passesAtTheEdges(
      CompareOperation op,
      String vmName,
      String hostName,
      long vm,
      long host,
      int vmIndex,
      int hostIndex) {
    boolean expected = TABLES[op.code()][vmIndex].charAt(hostIndex) == '1';
    assertThat(op.passes(vm, host))
        .as("%s(%s, %s)", op.displayName(), vmName, hostName)
        .isEqualTo(expected);
    assertThat(
            NestedLoopReference.passes(
                op.code(), NestedLoopReference.unsigned(vm), NestedLoopReference.unsigned(host)))
        .as("reference %s(%s, %s)", op.displayName(), vmName, hostName)
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}({1}, {2}) = {3}")
  @CsvSource({
    "GREATER_THAN, 9223372036854775808, 9223372036854775807, true",
    "GREATER_THAN, 9223372036854775807, 9223372036854775808, false",
    "LESS_THAN, 1, 18446744073709551615, true",
    "LESS_THAN_OR_EQUAL, 18446744073709551615, 0, false",
    "GREATER_THAN_OR_EQUAL, 18446744073709551615, 9223372036854775809, true",
    "MULTIPLE, 7, 0, false",
    "MULTIPLE, 0, 0, false",
    "MULTIPLE, 0, 5, true",
    "MULTIPLE, 18446744073709551615, 3, true",
    "MULTIPLE, 18446744073709551615, 4294967297, true",
    "MULTIPLE, 9223372036854775808, 4611686018427387904, true",
    "MULTIPLE, 9223372036854775809, 3, true",
    "MULTIPLE, 9223372036854775808, 3, false",
    "DIVISOR, 0, 7, false",
    "DIVISOR, 0, 0, false",
    "DIVISOR, 5, 0, true",
    "DIVISOR, 3, 18446744073709551615, true",
    "DIVISOR, 9223372036854775808, 9223372036854775808, true",
    "DIVISOR, 4611686018427387904, 9223372036854775808, true",
    "SUPER_SET, 18446744073709551615, 9223372036854775808, true",
    "SUPER_SET, 9223372036854775808, 18446744073709551615, false",
    "SUB_SET, 9223372036854775808, 18446744073709551615, true",
    "SUB_SET, 0, 0, true",
    "DISJOINT, 9223372036854775808, 9223372036854775807, true",
    "DISJOINT, 9223372036854775809, 1, false",
    "DISJOINT, 0, 0, true",
    "EQUAL, 18446744073709551615, 18446744073709551615, true",
    "EQUAL, 9223372036854775808, 0, false",
  })
  void namedExamples(CompareOperation op, String vm, String host, boolean expected) {
    assertThat(op.passes(Long.parseUnsignedLong(vm), Long.parseUnsignedLong(host)))
        .as("%s(%s, %s)", op.displayName(), vm, host)
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}({1}, {2})")
  @MethodSource("edgeCases")
  void reasonIsZeroOperandExactlyForMultipleHost0AndDivisorVm0(
      CompareOperation op,
      String vmName,
      String hostName,
      long vm,
      long host,
      int vmIndex,
      int hostIndex) {
    Reason expected;
    if (op.passes(vm, host)) {
      expected = Reason.PASS;
    } else if ((op == MULTIPLE && host == 0) || (op == DIVISOR && vm == 0)) {
      expected = Reason.ZERO_OPERAND;
    } else {
      expected = Reason.COMPARE_FAILED;
    }
    assertThat(op.reason(vm, host))
        .as("%s(%s, %s)", op.displayName(), vmName, hostName)
        .isEqualTo(expected);
  }

  @Test
  void zeroOperandExamples() {
    assertThat(MULTIPLE.reason(0, 0)).isEqualTo(Reason.ZERO_OPERAND);
    assertThat(MULTIPLE.reason(-1L, 0)).isEqualTo(Reason.ZERO_OPERAND);
    assertThat(MULTIPLE.reason(0, 5)).isEqualTo(Reason.PASS);
    assertThat(MULTIPLE.reason(7, 5)).isEqualTo(Reason.COMPARE_FAILED);
    assertThat(DIVISOR.reason(0, 0)).isEqualTo(Reason.ZERO_OPERAND);
    assertThat(DIVISOR.reason(0, Long.MIN_VALUE)).isEqualTo(Reason.ZERO_OPERAND);
    assertThat(DIVISOR.reason(5, 0)).isEqualTo(Reason.PASS);
    assertThat(DIVISOR.reason(5, 7)).isEqualTo(Reason.COMPARE_FAILED);
    // The zero rule belongs to Multiple and Divisor only.
    assertThat(GREATER_THAN.reason(0, 0)).isEqualTo(Reason.COMPARE_FAILED);
    assertThat(EQUAL.reason(0, 1)).isEqualTo(Reason.COMPARE_FAILED);
    assertThat(LESS_THAN.reason(0, 0)).isEqualTo(Reason.COMPARE_FAILED);
  }

  @Test
  void codesAndDisplayNames() {
    assertThat(CompareOperation.values())
        .extracting(CompareOperation::code)
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(CompareOperation.values())
        .extracting(CompareOperation::displayName)
        .containsExactlyElementsOf(NestedLoopReference.OPERATION_NAMES);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
  void ofCodeRoundTrips(long code) {
    assertThat(CompareOperation.isKnown(code)).isTrue();
    CompareOperation op = CompareOperation.ofCode(code);
    assertThat(op.code()).isEqualTo(code);
    assertThat(op).isSameAs(CompareOperation.values()[(int) code]);
  }

  @ParameterizedTest
  @ValueSource(
      longs = {-1, 10, 11, 256, 4_294_967_296L, 4_294_967_305L, Long.MIN_VALUE, Long.MAX_VALUE})
  void unknownCodes(long code) {
    assertThat(CompareOperation.isKnown(code)).isFalse();
    assertThatThrownBy(() -> CompareOperation.ofCode(code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown compare_operation " + code + ": expected 0..9 (Equal..Divisor)");
  }

  @Test
  void unknownCodeMessagesReadWell() {
    assertThatThrownBy(() -> CompareOperation.ofCode(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown compare_operation -1: expected 0..9 (Equal..Divisor)");
    assertThatThrownBy(() -> CompareOperation.ofCode(10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown compare_operation 10: expected 0..9 (Equal..Divisor)");
  }

  @Test
  void orderedOperations() {
    for (CompareOperation op : CompareOperation.values()) {
      boolean ordered =
          op == GREATER_THAN
              || op == GREATER_THAN_OR_EQUAL
              || op == LESS_THAN
              || op == LESS_THAN_OR_EQUAL;
      assertThat(op.isOrdered()).as(op.displayName()).isEqualTo(ordered);
    }
    assertThat(EQUAL.isOrdered()).isFalse();
    assertThat(SUPER_SET.isOrdered()).isFalse();
    assertThat(SUB_SET.isOrdered()).isFalse();
    assertThat(DISJOINT.isOrdered()).isFalse();
  }
}
