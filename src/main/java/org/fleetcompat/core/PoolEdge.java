package org.fleetcompat.core;

/**
 * One edge of the partial order of compatibility pools (SPEC section 6): {@code superPool} accepts
 * a strict superset of the VM classes {@code subPool} accepts, so every VM that can run in the sub
 * pool can also run in the super pool, and not the other way round. Immutable and thread safe.
 *
 * @param superPool the pool id of the larger accepted set
 * @param subPool the pool id of the smaller accepted set
 * @param covering true when no third pool lies strictly between the two: the edges a report draws
 *     (the Hasse diagram); the other edges follow from these by transitivity
 */
public record PoolEdge(int superPool, int subPool, boolean covering) {}
