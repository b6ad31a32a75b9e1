package org.fleetcompat.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The baseline of a set of hosts (SPEC section 6): per {@code vector_id}, the VM value that passes
 * on every host of the set and constrains least. A VM configured at the baseline ({@link
 * #vmVectors()}) is compatible with every host of the set, so it can move freely within it: the
 * idea behind processor compatibility modes and CPU baselines.
 *
 * <p>Per {@code vector_id} present on any host of the set (VM value on the left, host value on the
 * right, unsigned 64-bit): {@link BaselineStatus#OPERATION_DIFFERS} if the hosts that have it
 * disagree on the operation; else {@link BaselineStatus#MISSING_ON_SOME_HOST} if some host lacks
 * it; else, by operation:
 *
 * <table>
 *   <caption>The baseline value, and the order in which it is the limit</caption>
 *   <tr><th>operation</th><th>baseline value b</th><th>any value v that passes on every host</th></tr>
 *   <tr><td>SubSet</td><td>AND of the host values</td><td>is a subset of b</td></tr>
 *   <tr><td>SuperSet</td><td>OR of the host values</td><td>is a superset of b</td></tr>
 *   <tr><td>Disjoint</td><td>complement of the OR</td><td>is a subset of b</td></tr>
 *   <tr><td>LessThanOrEqual</td><td>the minimum</td><td>{@code v <= b}</td></tr>
 *   <tr><td>GreaterThanOrEqual</td><td>the maximum</td><td>{@code v >= b}</td></tr>
 *   <tr><td>LessThan</td><td>minimum - 1 ({@link BaselineStatus#NO_VALUE_AT_EDGE} if the
 *       minimum is 0)</td><td>{@code v <= b}</td></tr>
 *   <tr><td>GreaterThan</td><td>maximum + 1 ({@link BaselineStatus#NO_VALUE_AT_EDGE} if the
 *       maximum is 2^64-1)</td><td>{@code v >= b}</td></tr>
 *   <tr><td>Equal</td><td>the common value ({@link BaselineStatus#EQUAL_DISAGREES}
 *       otherwise)</td><td>{@code v == b}</td></tr>
 *   <tr><td>Multiple</td><td>the least common multiple ({@link BaselineStatus#ZERO_HOST_VALUE}
 *       if a host value is 0, else {@link BaselineStatus#LCM_OVERFLOW} if it exceeds
 *       2^64-1)</td><td>is a multiple of b; 0 is the degenerate multiple of everything</td></tr>
 *   <tr><td>Divisor</td><td>the greatest common divisor ({@link BaselineStatus#ANY_NON_ZERO} if
 *       every host value is 0)</td><td>divides b</td></tr>
 * </table>
 *
 * <p>The right-hand column is the operation's own order and the sense of "constrains least": every
 * value that passes on every host is b or lies beyond it, so b is the boundary of what the whole
 * set accepts (the most bits a VM may use under SubSet, the fewest it must offer under SuperSet,
 * the largest value under LessThanOrEqual, and so on). With a status other than {@link
 * BaselineStatus#VALUE} no VM value passes on every host, except that 0 passes under {@link
 * BaselineStatus#LCM_OVERFLOW} and every non-zero value passes under {@link
 * BaselineStatus#ANY_NON_ZERO}; see those constants.
 *
 * <pre>{@code
 * Baseline baseline = Baseline.of(List.of(hostA, hostB));
 * VectorSet vm = baseline.vmVectors();                     // passes on hostA and hostB
 * for (BaselineVector v : baseline.vectors()) {
 *   if (!v.hasValue()) { report(v.vectorId(), v.status()); }
 * }
 * }</pre>
 *
 * <p>Immutable and thread safe.
 */
public final class Baseline {
  private final int hostCount;
  private final List<BaselineVector> vectors;
  private final VectorSet vmVectors;

  private Baseline(int hostCount, List<BaselineVector> vectors) {
    this.hostCount = hostCount;
    this.vectors = List.copyOf(vectors);
    VectorSet.Builder vm = VectorSet.builder();
    for (BaselineVector v : vectors) {
      if (v.hasValue()) {
        vm.add(v.vectorId(), v.operation(), v.value());
      }
    }
    this.vmVectors = vm.build();
  }

  /**
   * The baseline of {@code hosts}. The order of the hosts does not matter, and a host given twice
   * changes nothing but {@link #hostCount()}. Costs O(distinct ids x hosts) time (Multiple and
   * Divisor add O(64) remainder steps per host value) and O(distinct ids + hosts) memory; does not
   * keep a reference to the collection.
   *
   * @throws IllegalArgumentException if {@code hosts} is empty or holds a null
   * @throws NullPointerException if {@code hosts} is null
   */
  public static Baseline of(Collection<VectorSet> hosts) {
    VectorSet[] sets = hosts.toArray(new VectorSet[0]);
    if (sets.length == 0) {
      throw new IllegalArgumentException(
          "Cannot compute a baseline: the set of hosts is empty, and a baseline is what every host"
              + " of a set accepts; pass at least one host");
    }
    for (int h = 0; h < sets.length; h++) {
      if (sets[h] == null) {
        throw new IllegalArgumentException(
            "Cannot compute a baseline: host " + h + " of " + sets.length + " is null");
      }
    }
    int[] cursor = new int[sets.length];
    long[] values = new long[sets.length];
    List<BaselineVector> out = new ArrayList<>();
    while (anyLeft(sets, cursor)) {
      out.add(vectorAt(nextId(sets, cursor), sets, cursor, values));
    }
    return new Baseline(sets.length, out);
  }

  /**
   * One entry per {@code vector_id} present on any host of the set, in unsigned id order.
   * Unmodifiable; O(1).
   */
  public List<BaselineVector> vectors() {
    return vectors;
  }

  /**
   * The VM configured at the baseline: the vectors with {@link BaselineStatus#VALUE}, each with its
   * operation and baseline value. It is compatible with every host of the set ({@link
   * PairCheck#isCompatible}). O(1).
   */
  public VectorSet vmVectors() {
    return vmVectors;
  }

  /** How many hosts the baseline was computed from (a host given twice counts twice). */
  public int hostCount() {
    return hostCount;
  }

  /** For example {@code Baseline of 2 hosts [0x1 SubSet 0x6, 0x2 Equal EQUAL_DISAGREES]}. */
  @Override
  public String toString() {
    return "Baseline of " + hostCount + " hosts " + vectors;
  }

  /** Whether some host still has vectors after its cursor. */
  private static boolean anyLeft(VectorSet[] hosts, int[] cursor) {
    for (int h = 0; h < hosts.length; h++) {
      if (cursor[h] < hosts[h].size()) {
        return true;
      }
    }
    return false;
  }

  /** The smallest unsigned id under the cursors of the hosts that have vectors left. */
  private static int nextId(VectorSet[] hosts, int[] cursor) {
    int id = -1; // 0xffffffff, the largest unsigned id: any id left is at most this
    for (int h = 0; h < hosts.length; h++) {
      if (cursor[h] < hosts[h].size()) {
        int candidate = hosts[h].vectorId(cursor[h]);
        if (Integer.compareUnsigned(candidate, id) < 0) {
          id = candidate;
        }
      }
    }
    return id;
  }

  /** The baseline of {@code vectorId}, advancing the cursors of the hosts that have it. */
  private static BaselineVector vectorAt(
      int vectorId, VectorSet[] hosts, int[] cursor, long[] values) {
    CompareOperation op = null;
    boolean differs = false;
    int present = 0;
    for (int h = 0; h < hosts.length; h++) {
      int i = cursor[h];
      if (i < hosts[h].size() && hosts[h].vectorId(i) == vectorId) {
        CompareOperation hostOp = hosts[h].operation(i);
        differs |= op != null && hostOp != op;
        op = hostOp;
        values[present++] = hosts[h].value(i);
        cursor[h] = i + 1;
      }
    }
    if (differs) {
      return BaselineVector.none(vectorId, null, BaselineStatus.OPERATION_DIFFERS);
    }
    if (present < hosts.length) {
      return BaselineVector.none(vectorId, op, BaselineStatus.MISSING_ON_SOME_HOST);
    }
    return BaselineRule.fold(vectorId, op, values, present);
  }
}
