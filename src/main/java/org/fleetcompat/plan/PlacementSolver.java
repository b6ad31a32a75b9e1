package org.fleetcompat.plan;

/**
 * Places as many items of an instance as it can. Implementations are deterministic (the same
 * instance gives the same placement on every run and machine) and never violate a candidate list or
 * a capacity; thread safe.
 */
public interface PlacementSolver {
  /** A placement of {@code instance}; never null. */
  Placement place(PlacementInstance instance);
}
