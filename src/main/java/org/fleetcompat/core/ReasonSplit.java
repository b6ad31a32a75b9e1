package org.fleetcompat.core;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Where one VM vector fails, as host-class sets split by {@link Reason}, by the rules of {@link
 * PairCheck#outcome}: {@code MISSING_ON_HOST} where the host class lacks the id, {@code
 * OPERATION_MISMATCH} where it has the id with another operation, {@code ZERO_OPERAND} where it has
 * Multiple with value 0 or the VM has Divisor with value 0, {@code COMPARE_FAILED} for the other
 * false compares.
 *
 * <p>The sets that do not depend on the VM value are computed once per ({@code vector_id},
 * operation) and shared between answers: callers must not modify them. Not thread safe.
 */
final class ReasonSplit {
  private static final int REASONS = Reason.values().length;

  private final HostClassIndex hosts;
  private final BitSet allHostClasses;
  private final Map<Long, Holders> byColumn = new HashMap<>();

  ReasonSplit(HostClassIndex hosts) {
    this.hosts = hosts;
    this.allHostClasses = new BitSet(hosts.hostClassCount());
    allHostClasses.set(0, hosts.hostClassCount());
  }

  /**
   * The failures of one VM vector. Cost: one {@link HostClassIndex#passing} lookup and a few
   * word-wise operations over the host classes (more the first time an id and operation is seen).
   */
  VectorFailures failing(int vectorId, CompareOperation op, long vmValue) {
    Holders column = holders(vectorId, op);
    BitSet passing = hosts.passing(vectorId, op, vmValue);
    BitSet[] byReason = new BitSet[REASONS];
    byReason[Reason.MISSING_ON_HOST.ordinal()] = column.missing;
    byReason[Reason.OPERATION_MISMATCH.ordinal()] = column.mismatch;
    BitSet failedCompare = (BitSet) column.holding.clone();
    failedCompare.andNot(passing);
    if (op == CompareOperation.MULTIPLE) {
      // A host value of 0 never passes Multiple, so its holders all fail here.
      failedCompare.andNot(column.zeroHolders);
      byReason[Reason.ZERO_OPERAND.ordinal()] = column.zeroHolders;
      byReason[Reason.COMPARE_FAILED.ordinal()] = failedCompare;
    } else if (op == CompareOperation.DIVISOR && vmValue == 0) {
      byReason[Reason.ZERO_OPERAND.ordinal()] = failedCompare;
    } else {
      byReason[Reason.COMPARE_FAILED.ordinal()] = failedCompare;
    }
    BitSet any = (BitSet) allHostClasses.clone();
    any.andNot(passing);
    return new VectorFailures(any, byReason);
  }

  private Holders holders(int vectorId, CompareOperation op) {
    long key = (Integer.toUnsignedLong(vectorId) << 8) | op.code();
    return byColumn.computeIfAbsent(key, k -> Holders.of(hosts, allHostClasses, vectorId, op));
  }

  /**
   * One VM vector's failures.
   *
   * @param any the host classes where it fails for any reason; owned by the caller
   * @param byReason indexed by {@link Reason#ordinal()}, the host classes where it fails for that
   *     reason, or null where it cannot; shared, read only
   */
  record VectorFailures(BitSet any, BitSet[] byReason) {}

  /** The value-independent host-class sets of one ({@code vector_id}, operation). */
  private record Holders(BitSet missing, BitSet mismatch, BitSet holding, BitSet zeroHolders) {
    static Holders of(HostClassIndex hosts, BitSet all, int vectorId, CompareOperation op) {
      BitSet holdingId = hosts.holdingId(vectorId);
      BitSet missing = (BitSet) all.clone();
      missing.andNot(holdingId);
      BitSet holding = hosts.holding(vectorId, op);
      BitSet mismatch = holdingId;
      mismatch.andNot(holding);
      BitSet zeroHolders =
          op == CompareOperation.MULTIPLE ? hosts.holdingValue(vectorId, op, 0) : new BitSet();
      return new Holders(missing, mismatch, holding, zeroHolders);
    }
  }
}
