package org.fleetcompat.job;

/**
 * What {@code fleetcompat run} is asked to do.
 *
 * @param snapshot the snapshot directory URI (SPEC section 3)
 * @param out the result directory URI, published atomically
 * @param writePairs whether to write the (possibly huge) {@code compatible_pairs} table
 */
public record RunOptions(String snapshot, String out, boolean writePairs) {}
