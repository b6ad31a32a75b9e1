package org.fleetcompat.core;

/**
 * How many VM-host pairs one VM vector blocks, for one reason, in one pool (or the whole fleet): a
 * row of the {@code blockers} table (SPEC section 5), as {@link BlockerTally} counts it. Immutable
 * and thread safe.
 *
 * @param vectorId the unsigned 32-bit {@code vector_id}
 * @param operation the VM's compare operation for that id (the one that governs)
 * @param reason why the vector fails: never {@link Reason#PASS}
 * @param pool the pool id of the hosts counted, or {@link #ALL_POOLS} for the whole fleet
 * @param blockedPairs the (VM, host) pairs where this vector fails for this reason; a pair that
 *     fails on several vectors counts once for each of them
 * @param soleBlockerPairs the part of {@code blockedPairs} where this is the only failing vector of
 *     the VM: fixing it alone would make the pair compatible
 */
public record BlockerCount(
    int vectorId,
    CompareOperation operation,
    Reason reason,
    int pool,
    long blockedPairs,
    long soleBlockerPairs) {

  /** The {@link #pool()} of a fleet-wide row: the sum over every pool. */
  public static final int ALL_POOLS = -1;
}
