package org.fleetcompat.core;

import java.util.function.LongBinaryOperator;

/**
 * The per-operation rule of SPEC section 6: folds the values of one {@code vector_id} on every host
 * of a set (all with the same operation) into the baseline value, in unsigned 64-bit arithmetic
 * without BigInteger. O(hosts), times O(64) remainder steps for Multiple and Divisor. Stateless and
 * thread safe.
 */
final class BaselineRule {
  private static final long MAX_UNSIGNED = -1L; // 2^64-1

  private BaselineRule() {}

  /**
   * The baseline of {@code values[0..count)}, the host values of {@code vectorId} under {@code op}.
   */
  static BaselineVector fold(int vectorId, CompareOperation op, long[] values, int count) {
    assert count > 0 && count <= values.length;
    return switch (op) {
      case EQUAL -> equal(vectorId, values, count);
      case SUPER_SET -> BaselineVector.of(vectorId, op, reduce(values, count, 0L, (a, b) -> a | b));
      case SUB_SET -> BaselineVector.of(vectorId, op, reduce(values, count, -1L, (a, b) -> a & b));
      case DISJOINT -> BaselineVector.of(vectorId, op, ~reduce(values, count, 0L, (a, b) -> a | b));
      case GREATER_THAN_OR_EQUAL -> BaselineVector.of(vectorId, op, max(values, count));
      case LESS_THAN_OR_EQUAL -> BaselineVector.of(vectorId, op, min(values, count));
      case GREATER_THAN -> greaterThan(vectorId, max(values, count));
      case LESS_THAN -> lessThan(vectorId, min(values, count));
      case MULTIPLE -> multiple(vectorId, values, count);
      case DIVISOR -> divisor(vectorId, values, count);
    };
  }

  private static BaselineVector equal(int vectorId, long[] values, int count) {
    for (int i = 1; i < count; i++) {
      if (values[i] != values[0]) {
        return BaselineVector.none(
            vectorId, CompareOperation.EQUAL, BaselineStatus.EQUAL_DISAGREES);
      }
    }
    return BaselineVector.of(vectorId, CompareOperation.EQUAL, values[0]);
  }

  private static BaselineVector greaterThan(int vectorId, long max) {
    return max == MAX_UNSIGNED
        ? BaselineVector.none(
            vectorId, CompareOperation.GREATER_THAN, BaselineStatus.NO_VALUE_AT_EDGE)
        : BaselineVector.of(vectorId, CompareOperation.GREATER_THAN, max + 1);
  }

  private static BaselineVector lessThan(int vectorId, long min) {
    return min == 0
        ? BaselineVector.none(vectorId, CompareOperation.LESS_THAN, BaselineStatus.NO_VALUE_AT_EDGE)
        : BaselineVector.of(vectorId, CompareOperation.LESS_THAN, min - 1);
  }

  /**
   * The least common multiple. A zero host value wins over an overflow: that host accepts nothing,
   * not even the degenerate VM value 0 that would pass on every other host.
   */
  private static BaselineVector multiple(int vectorId, long[] values, int count) {
    long lcm = 1;
    boolean overflow = false;
    for (int i = 0; i < count; i++) {
      long v = values[i];
      if (v == 0) {
        return BaselineVector.none(
            vectorId, CompareOperation.MULTIPLE, BaselineStatus.ZERO_HOST_VALUE);
      }
      if (!overflow) {
        long factor = Long.divideUnsigned(lcm, gcd(lcm, v));
        // factor * v fits in 64 unsigned bits iff factor <= floor((2^64-1) / v).
        overflow = Long.compareUnsigned(factor, Long.divideUnsigned(MAX_UNSIGNED, v)) > 0;
        lcm = factor * v;
      }
    }
    return overflow
        ? BaselineVector.none(vectorId, CompareOperation.MULTIPLE, BaselineStatus.LCM_OVERFLOW)
        : BaselineVector.of(vectorId, CompareOperation.MULTIPLE, lcm);
  }

  /** The greatest common divisor; zero host values constrain nothing (every value divides 0). */
  private static BaselineVector divisor(int vectorId, long[] values, int count) {
    long gcd = reduce(values, count, 0L, BaselineRule::gcd);
    return gcd == 0
        ? BaselineVector.none(vectorId, CompareOperation.DIVISOR, BaselineStatus.ANY_NON_ZERO)
        : BaselineVector.of(vectorId, CompareOperation.DIVISOR, gcd);
  }

  /** Unsigned Euclid; {@code gcd(0, b) == b}, {@code gcd(0, 0) == 0}. */
  static long gcd(long a, long b) {
    while (b != 0) {
      long r = Long.remainderUnsigned(a, b);
      a = b;
      b = r;
    }
    return a;
  }

  private static long min(long[] values, int count) {
    return reduce(values, count, MAX_UNSIGNED, (a, b) -> Long.compareUnsigned(a, b) <= 0 ? a : b);
  }

  private static long max(long[] values, int count) {
    return reduce(values, count, 0L, (a, b) -> Long.compareUnsigned(a, b) >= 0 ? a : b);
  }

  private static long reduce(long[] values, int count, long identity, LongBinaryOperator op) {
    long acc = identity;
    for (int i = 0; i < count; i++) {
      acc = op.applyAsLong(acc, values[i]);
    }
    return acc;
  }
}
