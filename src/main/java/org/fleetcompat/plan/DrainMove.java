package org.fleetcompat.plan;

/**
 * Where one VM of a drained host goes: a row of {@code drain_plans}.
 *
 * @param vmId the VM
 * @param hostId the host drained
 * @param targetHostId the host it moves to, or null when it cannot move
 * @param reason why it cannot move, or null when it moves
 * @param solver the solver of the host's plan
 */
public record DrainMove(
    String vmId,
    String hostId,
    String targetHostId,
    DrainReason reason,
    Placement.SolverName solver) {

  /** Whether the VM has a target. */
  public boolean isPlaced() {
    return targetHostId != null;
  }
}
