package org.fleetcompat.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.fleetcompat.reference.NestedLoopReference;

/**
 * Properties of the ten operations: {@link CompareOperation#passes} equals the BigInteger table of
 * SPEC section 1 ({@link NestedLoopReference#passes}), and the laws of unsigned order and of the
 * mask and divisibility pairs. Generators lean on the edges: 0, 1, 2^63-1, 2^63, 2^64-1, powers of
 * two and their neighbours, small values, and pairs that share bits or divide each other. jqwik
 * prints the seed of a failing property.
 */
class CompareOperationPropertiesTest {

  @Property(tries = 3000)
  void passesEqualsTheBigIntegerTable(
      @ForAll CompareOperation op, @ForAll("related") Tuple2<Long, Long> pair) {
    long vm = pair.get1();
    long host = pair.get2();
    assertThat(op.passes(vm, host))
        .as("%s(%s, %s)", op.displayName(), Long.toUnsignedString(vm), Long.toUnsignedString(host))
        .isEqualTo(NestedLoopReference.passes(op.code(), big(vm), big(host)));
  }

  @Property(tries = 2000)
  void reasonAgreesWithPasses(
      @ForAll CompareOperation op, @ForAll("related") Tuple2<Long, Long> pair) {
    long vm = pair.get1();
    long host = pair.get2();
    Reason reason = op.reason(vm, host);
    assertThat(reason.passes()).isEqualTo(op.passes(vm, host));
    assertThat(reason == Reason.ZERO_OPERAND)
        .isEqualTo(
            !op.passes(vm, host)
                && ((op == CompareOperation.MULTIPLE && host == 0)
                    || (op == CompareOperation.DIVISOR && vm == 0)));
  }

  @Property(tries = 2000)
  void unsignedOrderIsTotalAndAntisymmetric(@ForAll("related") Tuple2<Long, Long> pair) {
    long a = pair.get1();
    long b = pair.get2();
    int trichotomy =
        (CompareOperation.LESS_THAN.passes(a, b) ? 1 : 0)
            + (CompareOperation.EQUAL.passes(a, b) ? 1 : 0)
            + (CompareOperation.GREATER_THAN.passes(a, b) ? 1 : 0);
    assertThat(trichotomy).as("exactly one of <, ==, >").isEqualTo(1);
    assertThat(
            CompareOperation.LESS_THAN_OR_EQUAL.passes(a, b)
                || CompareOperation.LESS_THAN_OR_EQUAL.passes(b, a))
        .as("total")
        .isTrue();
    if (CompareOperation.LESS_THAN_OR_EQUAL.passes(a, b)
        && CompareOperation.LESS_THAN_OR_EQUAL.passes(b, a)) {
      assertThat(a).as("antisymmetric").isEqualTo(b);
    }
    assertThat(CompareOperation.LESS_THAN.passes(a, b))
        .as("agrees with the numbers")
        .isEqualTo(big(a).compareTo(big(b)) < 0);
  }

  @Property(tries = 1000)
  void unsignedOrderIsTransitive(
      @ForAll("edgeBiased") long a, @ForAll("edgeBiased") long b, @ForAll("edgeBiased") long c) {
    CompareOperation le = CompareOperation.LESS_THAN_OR_EQUAL;
    if (le.passes(a, b) && le.passes(b, c)) {
      assertThat(le.passes(a, c)).isTrue();
    }
    CompareOperation lt = CompareOperation.LESS_THAN;
    if (lt.passes(a, b) && lt.passes(b, c)) {
      assertThat(lt.passes(a, c)).isTrue();
    }
  }

  @Property(tries = 2000)
  void mirroredOperations(@ForAll("related") Tuple2<Long, Long> pair) {
    long a = pair.get1();
    long b = pair.get2();
    assertThat(CompareOperation.GREATER_THAN_OR_EQUAL.passes(a, b))
        .isEqualTo(CompareOperation.LESS_THAN_OR_EQUAL.passes(b, a));
    assertThat(CompareOperation.GREATER_THAN.passes(a, b))
        .isEqualTo(CompareOperation.LESS_THAN.passes(b, a));
    assertThat(CompareOperation.SUB_SET.passes(a, b))
        .isEqualTo(CompareOperation.SUPER_SET.passes(b, a));
    assertThat(CompareOperation.DIVISOR.passes(a, b))
        .isEqualTo(CompareOperation.MULTIPLE.passes(b, a));
    assertThat(CompareOperation.DISJOINT.passes(a, b))
        .isEqualTo(CompareOperation.DISJOINT.passes(b, a));
    assertThat(CompareOperation.EQUAL.passes(a, b)).isEqualTo(CompareOperation.EQUAL.passes(b, a));
    assertThat(CompareOperation.GREATER_THAN_OR_EQUAL.passes(a, b))
        .isEqualTo(!CompareOperation.LESS_THAN.passes(a, b));
  }

  @Property(tries = 1000)
  void everyValueRelatesToItself(@ForAll("edgeBiased") long a) {
    assertThat(CompareOperation.EQUAL.passes(a, a)).isTrue();
    assertThat(CompareOperation.SUPER_SET.passes(a, a)).isTrue();
    assertThat(CompareOperation.SUB_SET.passes(a, a)).isTrue();
    assertThat(CompareOperation.GREATER_THAN_OR_EQUAL.passes(a, a)).isTrue();
    assertThat(CompareOperation.LESS_THAN_OR_EQUAL.passes(a, a)).isTrue();
    assertThat(CompareOperation.GREATER_THAN.passes(a, a)).isFalse();
    assertThat(CompareOperation.LESS_THAN.passes(a, a)).isFalse();
    assertThat(CompareOperation.DISJOINT.passes(a, a)).isEqualTo(a == 0);
    assertThat(CompareOperation.MULTIPLE.passes(a, a)).isEqualTo(a != 0);
    assertThat(CompareOperation.DIVISOR.passes(a, a)).isEqualTo(a != 0);
  }

  /** Single values leaning on the edges. */
  @Provide
  Arbitrary<Long> edgeBiased() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            4, Arbitraries.of(0L, 1L, 2L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L)),
        Tuple.of(3, Arbitraries.integers().between(0, 63).map(k -> 1L << k)),
        Tuple.of(
            2,
            Combinators.combine(
                    Arbitraries.integers().between(0, 63), Arbitraries.integers().between(-2, 2))
                .as((k, d) -> (1L << k) + d)),
        Tuple.of(3, Arbitraries.longs().between(0, 20)),
        Tuple.of(2, Arbitraries.longs().between(-20, -1)), // just below 2^64
        Tuple.of(3, Arbitraries.longs()));
  }

  /** Pairs that are often related: equal, sharing bits, subsets, complements, multiples. */
  @Provide
  Arbitrary<Tuple2<Long, Long>> related() {
    Arbitrary<Long> a = edgeBiased();
    Arbitrary<Long> b = edgeBiased();
    Arbitrary<Long> mask = Arbitraries.longs();
    Arbitrary<Integer> factor = Arbitraries.integers().between(0, 12);
    Arbitrary<Relation> relation = Arbitraries.of(Relation.class);
    return Combinators.combine(a, b, mask, factor, relation, Arbitraries.of(true, false))
        .as(
            (x, y, m, k, r, swap) -> {
              long other =
                  switch (r) {
                    case INDEPENDENT -> y;
                    case EQUAL -> x;
                    case SUBSET -> x & m;
                    case SUPERSET -> x | m;
                    case SHARED_BITS -> (x & m) | (y & ~m);
                    case COMPLEMENT -> ~x & m;
                    case MULTIPLE -> x * k; // may wrap: then an unrelated value, also fine
                    case NEIGHBOUR -> x + (k - 6);
                  };
              return swap ? Tuple.of(other, x) : Tuple.of(x, other);
            });
  }

  private enum Relation {
    INDEPENDENT,
    EQUAL,
    SUBSET,
    SUPERSET,
    SHARED_BITS,
    COMPLEMENT,
    MULTIPLE,
    NEIGHBOUR
  }

  private static BigInteger big(long bits) {
    return NestedLoopReference.unsigned(bits);
  }
}
