package org.fleetcompat.plan;

/**
 * A solver's answer to a {@link PlacementInstance}: per item its bin, or -1 when unplaced.
 *
 * @param binOfItem per item, its bin or -1; owned by the placement
 * @param solver which solver made it
 * @param optimal whether no placement places more items (proven by the solver, or because every
 *     item with a candidate is placed)
 */
public record Placement(int[] binOfItem, SolverName solver, boolean optimal) {

  /** The solvers, as the {@code solver} column names them. */
  public enum SolverName {
    /** First fit decreasing. */
    FIRST_FIT,
    /** OR-Tools CP-SAT, exact (within its time budget). */
    CP_SAT
  }

  /** How many items are placed. */
  public int placedCount() {
    int n = 0;
    for (int b : binOfItem) {
      n += b >= 0 ? 1 : 0;
    }
    return n;
  }
}
