package org.fleetcompat.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsCoverage;
import net.jqwik.api.statistics.StatisticsReport;
import org.fleetcompat.reference.NestedLoopReference;

/**
 * The laws of SPEC section 6 on generated host sets of 1 to 8 hosts: (a) a VM at the baseline
 * passes on every host of the set; (b) no value beyond the baseline, in the operation's own order,
 * passes on every host; (c) without a value, no VM value passes on every host (but 0 under {@link
 * BaselineStatus#LCM_OVERFLOW}, and every non-zero value under {@link
 * BaselineStatus#ANY_NON_ZERO}).
 *
 * <p>Every set carries one vector per operation (ids {@code 0x100 + code}) and two vectors of a
 * random operation at the top of the unsigned id range. Each vector draws its host values from a
 * pool of one to four values, so hosts share values often; the pool leans on 0, 1, 2^63-1, 2^63,
 * 2^64-1, small numbers and small multiples of powers of two (so lcms fit, and overflow near the
 * edge). Now and then one host lacks a vector or carries another operation for it.
 *
 * <p>Candidates for (b) and (c) are values near the baseline (+/-1, every one-bit flip, small
 * multiples and quotients), the host values and their neighbours, the edges, arbitrary values, and
 * the AND, OR, min, max, lcm and gcd of the host values computed independently with BigInteger. A
 * failure prints the shrunk host sets (one {@link VectorSet} per host, in hex) and jqwik's seed.
 */
class BaselinePropertiesTest {
  private static final long P63 = Long.MIN_VALUE; // 2^63
  private static final long MAX = -1L; // 2^64-1
  private static final long[] EDGES = {0, 1, 2, Long.MAX_VALUE, P63, P63 + 1, MAX - 1, MAX};

  @Property(tries = 1000)
  @StatisticsReport(onFailureOnly = true)
  void aVmAtTheBaselinePassesOnEveryHost(@ForAll("hostSets") List<VectorSet> hosts) {
    Baseline baseline = Baseline.of(hosts);
    for (VectorSet host : hosts) {
      assertThat(PairCheck.failures(baseline.vmVectors(), host))
          .as("%s on host %s", baseline, host)
          .isEmpty();
    }
    for (BaselineVector v : baseline.vectors()) {
      String op = v.operation() == null ? "-" : v.operation().displayName();
      Statistics.label("operation, status").collect(op, v.status().name());
    }
    Statistics.label("operation, status").coverage(BaselinePropertiesTest::everyStatusIsReached);
  }

  @Property(tries = 500)
  void noValueBeyondTheBaselinePasses(
      @ForAll("hostSets") List<VectorSet> hosts, @ForAll("extraCandidates") List<Long> extra) {
    Baseline baseline = Baseline.of(hosts);
    for (BaselineVector v : baseline.vectors()) {
      if (!v.hasValue()) {
        continue;
      }
      for (long candidate : candidates(v, hosts, extra)) {
        if (passesOnEveryHost(v.vectorId(), v.operation(), candidate, hosts)) {
          assertThat(isDominated(v.operation(), candidate, v.value()))
              .as("%s passes on every host, beyond the baseline %s", Hex.value(candidate), v)
              .isTrue();
        }
      }
    }
  }

  @Property(tries = 500)
  void withoutAValueNoValuePasses(
      @ForAll("hostSets") List<VectorSet> hosts, @ForAll("extraCandidates") List<Long> extra) {
    Baseline baseline = Baseline.of(hosts);
    for (BaselineVector v : baseline.vectors()) {
      if (v.hasValue()) {
        continue;
      }
      List<CompareOperation> ops =
          v.operation() == null || v.status() == BaselineStatus.MISSING_ON_SOME_HOST
              ? List.of(CompareOperation.values())
              : List.of(v.operation());
      for (CompareOperation op : ops) {
        for (long candidate : candidates(v, hosts, extra)) {
          boolean expected =
              switch (v.status()) {
                case LCM_OVERFLOW -> candidate == 0; // the degenerate multiple, not offered
                case ANY_NON_ZERO -> candidate != 0;
                default -> false;
              };
          assertThat(passesOnEveryHost(v.vectorId(), op, candidate, hosts))
              .as("%s %s on every host, for %s", op.displayName(), Hex.value(candidate), v)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Property(tries = 300)
  void oneVectorPerIdInUnsignedOrderWhateverTheHostOrder(
      @ForAll("hostSets") List<VectorSet> hosts) {
    Baseline baseline = Baseline.of(hosts);
    List<Integer> ids = new ArrayList<>();
    for (VectorSet host : hosts) {
      for (int i = 0; i < host.size(); i++) {
        if (!ids.contains(host.vectorId(i))) {
          ids.add(host.vectorId(i));
        }
      }
    }
    ids.sort(Integer::compareUnsigned);
    assertThat(baseline.vectors()).extracting(BaselineVector::vectorId).isEqualTo(ids);
    assertThat(baseline.hostCount()).isEqualTo(hosts.size());

    VectorSet.Builder withValues = VectorSet.builder();
    baseline.vectors().stream()
        .filter(BaselineVector::hasValue)
        .forEach(v -> withValues.add(v.vectorId(), v.operation(), v.value()));
    assertThat(baseline.vmVectors()).isEqualTo(withValues.build());

    List<VectorSet> reversed = new ArrayList<>(hosts);
    Collections.reverse(reversed);
    assertThat(Baseline.of(reversed).vectors()).isEqualTo(baseline.vectors());
  }

  // ---- the order in which the baseline is the limit (Baseline's table) ----------------------

  /**
   * Whether {@code v} lies at or beyond the baseline {@code b} in the operation's own order, that
   * is, constrains at least as much. For Multiple, 0 is the degenerate multiple of everything.
   */
  private static boolean isDominated(CompareOperation op, long v, long b) {
    return switch (op) {
      case SUB_SET, DISJOINT -> (v & ~b) == 0;
      case SUPER_SET -> (b & ~v) == 0;
      case LESS_THAN_OR_EQUAL, LESS_THAN -> Long.compareUnsigned(v, b) <= 0;
      case GREATER_THAN_OR_EQUAL, GREATER_THAN -> Long.compareUnsigned(v, b) >= 0;
      case EQUAL -> v == b;
      case MULTIPLE -> v == 0 || Long.remainderUnsigned(v, b) == 0;
      case DIVISOR -> v != 0 && Long.remainderUnsigned(b, v) == 0;
    };
  }

  private static boolean passesOnEveryHost(
      int vectorId, CompareOperation op, long value, List<VectorSet> hosts) {
    VectorSet vm = VectorSet.builder().add(vectorId, op, value).build();
    return hosts.stream().allMatch(host -> PairCheck.isCompatible(vm, host));
  }

  // ---- candidates -------------------------------------------------------------------------

  private static List<Long> candidates(BaselineVector v, List<VectorSet> hosts, List<Long> extra) {
    List<Long> out = new ArrayList<>(extra);
    for (long e : EDGES) {
      out.add(e);
    }
    List<Long> hostValues = hostValues(v.vectorId(), hosts);
    for (long h : hostValues) {
      Collections.addAll(out, h, h - 1, h + 1, ~h);
    }
    out.addAll(references(hostValues));
    if (v.hasValue()) {
      long b = v.value();
      Collections.addAll(out, b, b - 1, b + 1);
      for (int k = 0; k < 64; k++) {
        out.add(b ^ (1L << k));
      }
      for (long k = 2; k <= 7; k++) {
        Collections.addAll(out, b * k, Long.divideUnsigned(b, k));
      }
    }
    return out;
  }

  /** The values of {@code vectorId} on the hosts that have it, whatever their operation. */
  private static List<Long> hostValues(int vectorId, List<VectorSet> hosts) {
    List<Long> out = new ArrayList<>();
    for (VectorSet host : hosts) {
      int i = host.indexOf(vectorId);
      if (i >= 0) {
        out.add(host.value(i));
      }
    }
    return out;
  }

  /** AND, OR, its complement, min, max, min-1, max+1, lcm (if it fits) and gcd, via BigInteger. */
  private static List<Long> references(List<Long> hostValues) {
    long and = -1;
    long or = 0;
    BigInteger min = NestedLoopReference.TWO_TO_64;
    BigInteger max = BigInteger.ZERO;
    BigInteger lcm = BigInteger.ONE;
    BigInteger gcd = BigInteger.ZERO;
    for (long h : hostValues) {
      and &= h;
      or |= h;
      BigInteger big = NestedLoopReference.unsigned(h);
      min = min.min(big);
      max = max.max(big);
      lcm = big.signum() == 0 ? BigInteger.ZERO : lcm.multiply(big).divide(lcm.gcd(big));
      gcd = gcd.gcd(big);
    }
    List<Long> out = new ArrayList<>(List.of(and, or, ~or, gcd.longValue()));
    if (!hostValues.isEmpty()) {
      Collections.addAll(out, min.longValue(), max.longValue(), min.longValue() - 1);
      Collections.addAll(out, max.longValue() + 1, lcm.longValue());
    }
    return out;
  }

  // ---- generators -------------------------------------------------------------------------

  /** Sets of 1 to 8 hosts; see the class comment. */
  @Provide
  Arbitrary<List<VectorSet>> hostSets() {
    List<Arbitrary<VectorPlan>> plans = new ArrayList<>();
    for (CompareOperation op : CompareOperation.values()) {
      plans.add(plan(0x100 + op.code(), Arbitraries.just(op)));
    }
    plans.add(plan(0x8000_0000, Arbitraries.of(CompareOperation.class)));
    plans.add(plan(0xFFFF_FFFF, Arbitraries.of(CompareOperation.class)));
    Arbitrary<List<List<Integer>>> picks =
        Arbitraries.integers()
            .between(0, 3)
            .list()
            .ofSize(plans.size())
            .list()
            .ofMinSize(1)
            .ofMaxSize(8);
    return Combinators.combine(Combinators.combine(plans).as(List::copyOf), picks)
        .as(BaselinePropertiesTest::hosts);
  }

  /** A few arbitrary candidate values, edge-biased. */
  @Provide
  Arbitrary<List<Long>> extraCandidates() {
    return Arbitraries.oneOf(values(), Arbitraries.longs()).list().ofMaxSize(6);
  }

  /** Host values: the edges, small numbers, small multiples of powers of two, any value. */
  private static Arbitrary<Long> values() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(0L, 1L, Long.MAX_VALUE, P63, MAX)),
        Tuple.of(3, Arbitraries.longs().between(1, 24)),
        Tuple.of(
            2,
            Combinators.combine(
                    Arbitraries.longs().between(1, 12), Arbitraries.integers().between(0, 62))
                .as((m, k) -> m << k)),
        Tuple.of(1, Arbitraries.longs().between(-20, -1)), // just below 2^64
        Tuple.of(2, Arbitraries.longs()));
  }

  private static Arbitrary<VectorPlan> plan(int vectorId, Arbitrary<CompareOperation> op) {
    Arbitrary<Defect> defect =
        Arbitraries.frequency(
            Tuple.of(6, Defect.NONE), Tuple.of(1, Defect.MISSING), Tuple.of(1, Defect.OTHER_OP));
    return Combinators.combine(
            op,
            values().list().ofMinSize(1).ofMaxSize(4),
            defect,
            Arbitraries.of(CompareOperation.class),
            Arbitraries.integers().between(0, 7))
        .as((o, pool, d, other, at) -> new VectorPlan(vectorId, o, pool, d, other, at));
  }

  /** Host {@code h} takes value {@code pool[picks[h][p] % pool size]} for plan {@code p}. */
  private static List<VectorSet> hosts(List<VectorPlan> plans, List<List<Integer>> picks) {
    List<VectorSet> hosts = new ArrayList<>();
    for (int h = 0; h < picks.size(); h++) {
      VectorSet.Builder host = VectorSet.builder();
      for (int p = 0; p < plans.size(); p++) {
        VectorPlan plan = plans.get(p);
        boolean defective = h == plan.defectiveHost() % picks.size();
        if (defective && plan.defect() == Defect.MISSING) {
          continue;
        }
        CompareOperation op =
            defective && plan.defect() == Defect.OTHER_OP ? plan.otherOp() : plan.op();
        host.add(plan.vectorId(), op, plan.pool().get(picks.get(h).get(p) % plan.pool().size()));
      }
      hosts.add(host.build());
    }
    return hosts;
  }

  /** How one vector is laid out over the hosts of a set. */
  private record VectorPlan(
      int vectorId,
      CompareOperation op,
      List<Long> pool,
      Defect defect,
      CompareOperation otherOp,
      int defectiveHost) {}

  private enum Defect {
    NONE,
    MISSING,
    OTHER_OP
  }

  /** The generator reaches every operation with a value, and every status. */
  private static void everyStatusIsReached(StatisticsCoverage coverage) {
    for (CompareOperation op : CompareOperation.values()) {
      coverage.check(op.displayName(), "VALUE").count(c -> c > 0);
    }
    coverage.check("Equal", "EQUAL_DISAGREES").count(c -> c > 0);
    coverage.check("Multiple", "LCM_OVERFLOW").count(c -> c > 0);
    coverage.check("Multiple", "ZERO_HOST_VALUE").count(c -> c > 0);
    coverage.check("LessThan", "NO_VALUE_AT_EDGE").count(c -> c > 0);
    coverage.check("GreaterThan", "NO_VALUE_AT_EDGE").count(c -> c > 0);
    coverage.check("Divisor", "ANY_NON_ZERO").count(c -> c > 0);
    coverage.check("-", "OPERATION_DIFFERS").count(c -> c > 0);
    coverage.checkQuery(key -> key.get(1).equals("MISSING_ON_SOME_HOST")).count(c -> c > 0);
  }
}
