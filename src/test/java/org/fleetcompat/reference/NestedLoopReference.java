package org.fleetcompat.reference;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The obviously-correct reference for the compatibility matrix: plain nested loops over VMs x hosts
 * x VM vectors, the rule of SPEC section 1 written out once more, independently of {@code
 * org.fleetcompat.core}.
 *
 * <p>It shares no code with the engine: its input is its own plain model ({@link RefVector} lists
 * keyed by system id), values are {@link BigInteger}s in 0..2^64-1 so unsigned arithmetic is
 * ordinary arithmetic, a host vector is found by a linear search, and the compare table is a {@code
 * switch} over the SPEC's operation codes. It is slow on purpose (O(VMs x hosts x VM vectors x host
 * vectors)) and meant for small seeded fleets in tests: the kernel, the Spark job and a Spark SQL
 * join-and-compare are all checked against it.
 *
 * <p>The rule, per (VM, host) pair: the VM is compatible iff every VM vector passes; a VM vector
 * passes iff the host has a vector with the same {@code vector_id} ({@code MISSING_ON_HOST}
 * otherwise), with the same operation ({@code OPERATION_MISMATCH} otherwise), whose compare is true
 * with the VM's value on the left ({@code ZERO_OPERAND} for Multiple with host 0 and Divisor with
 * VM 0, {@code COMPARE_FAILED} for any other false compare). Host vectors the VM lacks are ignored,
 * so a VM without vectors is compatible with every host.
 *
 * <p>Each system's list holds at most one vector per {@code vector_id} (the io layer quarantines
 * conflicting duplicates); in any order. Stateless and thread safe.
 */
public final class NestedLoopReference {
  /** 2^64, one above the largest unsigned 64-bit value. */
  public static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  /** The largest unsigned 32-bit {@code vector_id}. */
  public static final long MAX_VECTOR_ID = 0xFFFF_FFFFL;

  /** SPEC section 1's operation names, by code. */
  public static final List<String> OPERATION_NAMES =
      List.of(
          "Equal",
          "SuperSet",
          "SubSet",
          "Disjoint",
          "GreaterThan",
          "GreaterThanOrEqual",
          "LessThan",
          "LessThanOrEqual",
          "Multiple",
          "Divisor");

  private NestedLoopReference() {}

  /**
   * One compatibility vector of the reference model, straight from the SPEC's row layout.
   *
   * @param vectorId the unsigned 32-bit id, 0..2^32-1
   * @param op the compare operation code, 0..9 (Equal..Divisor)
   * @param value the unsigned 64-bit value, 0..2^64-1, not null
   */
  public record RefVector(long vectorId, int op, BigInteger value) {
    /** Validates the ranges, so a generator bug shows up where it happens. */
    public RefVector {
      Objects.requireNonNull(value, "value");
      if (vectorId < 0 || vectorId > MAX_VECTOR_ID) {
        throw new IllegalArgumentException("vectorId " + vectorId + " outside 0..2^32-1");
      }
      if (op < 0 || op > 9) {
        throw new IllegalArgumentException("op " + op + " outside 0..9");
      }
      if (value.signum() < 0 || value.compareTo(TWO_TO_64) >= 0) {
        throw new IllegalArgumentException("value " + value + " outside 0..2^64-1");
      }
    }

    /** A vector whose value is the raw 64-bit pattern {@code bits}, read as unsigned. */
    public static RefVector ofBits(long vectorId, int op, long bits) {
      return new RefVector(vectorId, op, unsigned(bits));
    }

    /** The value as a raw 64-bit pattern (the inverse of {@link #ofBits}). */
    public long valueBits() {
      return value.longValue();
    }

    @Override
    public String toString() {
      return "0x" + Long.toHexString(vectorId) + " op" + op + " 0x" + value.toString(16);
    }
  }

  /** A compatible (VM, host) pair; ordered by VM id, then host id. */
  public record Pair(String vmId, String hostId) implements Comparable<Pair> {
    private static final Comparator<Pair> ORDER =
        Comparator.comparing(Pair::vmId).thenComparing(Pair::hostId);

    /** Requires both ids. */
    public Pair {
      Objects.requireNonNull(vmId, "vmId");
      Objects.requireNonNull(hostId, "hostId");
    }

    @Override
    public int compareTo(Pair other) {
      return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
      return "(" + vmId + ", " + hostId + ")";
    }
  }

  /**
   * Every compatible (VM, host) pair of the fleet, sorted. Both maps go from system id to that
   * system's vectors.
   */
  public static Set<Pair> compatiblePairs(
      Map<String, List<RefVector>> vms, Map<String, List<RefVector>> hosts) {
    Set<Pair> pairs = new TreeSet<>();
    for (Map.Entry<String, List<RefVector>> vm : vms.entrySet()) {
      for (Map.Entry<String, List<RefVector>> host : hosts.entrySet()) {
        if (isCompatible(vm.getValue(), host.getValue())) {
          pairs.add(new Pair(vm.getKey(), host.getKey()));
        }
      }
    }
    return pairs;
  }

  /** Whether every vector of {@code vm} passes against {@code host}. */
  public static boolean isCompatible(List<RefVector> vm, List<RefVector> host) {
    for (RefVector v : vm) {
      if (!reason(v, host).equals("PASS")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The outcome of one VM vector against a host, by the stable reason names of SPEC section 1:
   * {@code PASS}, {@code MISSING_ON_HOST}, {@code OPERATION_MISMATCH}, {@code ZERO_OPERAND} or
   * {@code COMPARE_FAILED}.
   */
  public static String reason(RefVector vm, List<RefVector> host) {
    RefVector h = find(host, vm.vectorId());
    if (h == null) {
      return "MISSING_ON_HOST";
    }
    if (h.op() != vm.op()) {
      return "OPERATION_MISMATCH";
    }
    if (passes(vm.op(), vm.value(), h.value())) {
      return "PASS";
    }
    boolean zero =
        (vm.op() == 8 && h.value().signum() == 0) || (vm.op() == 9 && vm.value().signum() == 0);
    return zero ? "ZERO_OPERAND" : "COMPARE_FAILED";
  }

  /**
   * SPEC section 1's table: whether a VM value passes against a host value under operation code
   * {@code op}. Both values must be in 0..2^64-1.
   */
  public static boolean passes(int op, BigInteger vm, BigInteger host) {
    return switch (op) {
      case 0 -> vm.equals(host); // Equal
      case 1 -> vm.and(host).equals(host); // SuperSet
      case 2 -> vm.and(host).equals(vm); // SubSet
      case 3 -> vm.and(host).signum() == 0; // Disjoint
      case 4 -> vm.compareTo(host) > 0; // GreaterThan
      case 5 -> vm.compareTo(host) >= 0; // GreaterThanOrEqual
      case 6 -> vm.compareTo(host) < 0; // LessThan
      case 7 -> vm.compareTo(host) <= 0; // LessThanOrEqual
      case 8 -> host.signum() != 0 && vm.mod(host).signum() == 0; // Multiple
      case 9 -> vm.signum() != 0 && host.mod(vm).signum() == 0; // Divisor
      default -> throw new IllegalArgumentException("op " + op + " outside 0..9");
    };
  }

  /** The raw 64-bit pattern {@code bits} read as an unsigned number, 0..2^64-1. */
  public static BigInteger unsigned(long bits) {
    BigInteger v = BigInteger.valueOf(bits);
    return bits < 0 ? v.add(TWO_TO_64) : v;
  }

  private static RefVector find(List<RefVector> host, long vectorId) {
    for (RefVector h : host) {
      if (h.vectorId() == vectorId) {
        return h;
      }
    }
    return null;
  }
}
