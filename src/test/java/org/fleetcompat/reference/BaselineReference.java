package org.fleetcompat.reference;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.fleetcompat.reference.NestedLoopReference.RefVector;

/**
 * The baseline of a set of hosts (SPEC section 6) written out once more, independently of {@code
 * org.fleetcompat.core.Baseline}: {@link BigInteger} values in 0..2^64-1, so lcm, min - 1 and max +
 * 1 are ordinary arithmetic whose overflow is a comparison with 2^64-1, and one small function per
 * operation.
 *
 * <p>Per {@code vector_id} present on any host of the set, in id order: {@code OPERATION_DIFFERS}
 * (no operation) when the hosts that have it carry different operations; else {@code
 * MISSING_ON_SOME_HOST} when a host lacks it; else by operation, with the host values {@code h}:
 * SubSet AND, SuperSet OR, Disjoint 2^64-1 - OR, LessThanOrEqual min, GreaterThanOrEqual max,
 * LessThan min - 1 ({@code NO_VALUE_AT_EDGE} when min is 0), GreaterThan max + 1 ({@code
 * NO_VALUE_AT_EDGE} when max is 2^64-1), Equal the common value ({@code EQUAL_DISAGREES}), Multiple
 * the lcm ({@code ZERO_HOST_VALUE} when a host value is 0, else {@code LCM_OVERFLOW} above 2^64-1),
 * Divisor the gcd ({@code ANY_NON_ZERO} when every host value is 0). The statuses the SPEC leaves
 * unnamed are those of the engine's documented contract ({@code BaselineStatus}), spelled out here
 * as strings.
 *
 * <p>Every value computed is checked to pass on every host of the set with {@link
 * NestedLoopReference#passes} (SPEC section 6: a VM at the baseline moves freely within the set); a
 * failure of that check is a bug in this class. Stateless.
 */
public final class BaselineReference {
  private static final BigInteger MAX = NestedLoopReference.TWO_TO_64.subtract(BigInteger.ONE);

  private BaselineReference() {}

  /**
   * One baseline vector.
   *
   * @param vectorId the unsigned 32-bit id
   * @param op the operation code the hosts share; null for {@code OPERATION_DIFFERS}
   * @param value the baseline value; non-null exactly when {@code status} is {@code VALUE}
   * @param status {@code VALUE} or why there is no value
   */
  public record Entry(long vectorId, Integer op, BigInteger value, String status) {
    /** Requires a status, and a value exactly with {@code VALUE}. */
    public Entry {
      Objects.requireNonNull(status, "status");
      if ((value != null) != status.equals("VALUE")) {
        throw new IllegalArgumentException("value " + value + " with status " + status);
      }
    }
  }

  /**
   * The baseline of a non-empty set of hosts, each given by its vectors (at most one per id). Cost:
   * O(ids x hosts x host vectors).
   */
  public static List<Entry> of(Collection<List<RefVector>> hosts) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("a baseline needs at least one host");
    }
    TreeSet<Long> ids = new TreeSet<>();
    hosts.forEach(h -> h.forEach(v -> ids.add(v.vectorId())));
    List<Entry> entries = new ArrayList<>();
    for (long id : ids) {
      TreeSet<Integer> ops = new TreeSet<>();
      List<BigInteger> values = new ArrayList<>();
      for (List<RefVector> host : hosts) {
        for (RefVector v : host) {
          if (v.vectorId() == id) {
            ops.add(v.op());
            values.add(v.value());
          }
        }
      }
      Entry e;
      if (ops.size() > 1) {
        e = new Entry(id, null, null, "OPERATION_DIFFERS");
      } else if (values.size() < hosts.size()) {
        e = new Entry(id, ops.first(), null, "MISSING_ON_SOME_HOST");
      } else {
        e = fold(id, ops.first(), values);
      }
      check(e, hosts);
      entries.add(e);
    }
    return entries;
  }

  /** The rule of one operation over the values of every host. */
  private static Entry fold(long id, int op, List<BigInteger> values) {
    BigInteger min = values.stream().min(BigInteger::compareTo).orElseThrow();
    BigInteger max = values.stream().max(BigInteger::compareTo).orElseThrow();
    BigInteger or = values.stream().reduce(BigInteger.ZERO, BigInteger::or);
    return switch (op) {
      case 0 ->
          new TreeSet<>(values).size() == 1 // Equal
              ? value(id, op, min)
              : new Entry(id, op, null, "EQUAL_DISAGREES");
      case 1 -> value(id, op, or); // SuperSet
      case 2 -> value(id, op, values.stream().reduce(MAX, BigInteger::and)); // SubSet
      case 3 -> value(id, op, MAX.subtract(or)); // Disjoint
      case 4 ->
          max.equals(MAX) // GreaterThan
              ? new Entry(id, op, null, "NO_VALUE_AT_EDGE")
              : value(id, op, max.add(BigInteger.ONE));
      case 5 -> value(id, op, max); // GreaterThanOrEqual
      case 6 ->
          min.signum() == 0 // LessThan
              ? new Entry(id, op, null, "NO_VALUE_AT_EDGE")
              : value(id, op, min.subtract(BigInteger.ONE));
      case 7 -> value(id, op, min); // LessThanOrEqual
      case 8 -> multiple(id, values);
      case 9 -> divisor(id, values);
      default -> throw new IllegalArgumentException("op " + op + " outside 0..9");
    };
  }

  private static Entry multiple(long id, List<BigInteger> values) {
    if (values.contains(BigInteger.ZERO)) {
      return new Entry(id, 8, null, "ZERO_HOST_VALUE");
    }
    BigInteger lcm = BigInteger.ONE;
    for (BigInteger v : values) {
      lcm = lcm.multiply(v).divide(lcm.gcd(v));
    }
    return lcm.compareTo(MAX) > 0 ? new Entry(id, 8, null, "LCM_OVERFLOW") : value(id, 8, lcm);
  }

  private static Entry divisor(long id, List<BigInteger> values) {
    BigInteger gcd = values.stream().reduce(BigInteger.ZERO, BigInteger::gcd);
    return gcd.signum() == 0 ? new Entry(id, 9, null, "ANY_NON_ZERO") : value(id, 9, gcd);
  }

  private static Entry value(long id, int op, BigInteger value) {
    return new Entry(id, op, value, "VALUE");
  }

  /** SPEC section 6's promise, checked on every value this class computes. */
  private static void check(Entry e, Collection<List<RefVector>> hosts) {
    if (e.value() == null) {
      return;
    }
    RefVector vm = new RefVector(e.vectorId(), e.op(), e.value());
    for (List<RefVector> host : hosts) {
      if (!NestedLoopReference.reason(vm, host).equals("PASS")) {
        throw new IllegalStateException("baseline " + vm + " fails on host " + host);
      }
    }
  }
}
