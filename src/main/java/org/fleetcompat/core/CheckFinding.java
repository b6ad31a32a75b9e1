package org.fleetcompat.core;

import java.util.Objects;

/**
 * One reason a check fails: one failing vector of one VM of the blob, with its reason code and both
 * values (SPEC section 2). Immutable and thread safe.
 *
 * @param vmId the VM (a member of the blob) the vector belongs to, never null
 * @param outcome the failing vector judged against the target host, never null; its {@link
 *     VectorOutcome#reason()} is never {@link Reason#PASS}
 */
public record CheckFinding(String vmId, VectorOutcome outcome) {

  /**
   * Validates the finding.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code outcome} passes
   */
  public CheckFinding {
    Objects.requireNonNull(vmId, "vmId is null");
    Objects.requireNonNull(outcome, "outcome is null");
    if (outcome.reason().passes()) {
      throw new IllegalArgumentException(
          "A finding is a failing vector: VM '" + vmId + "' passes on " + outcome);
    }
  }
}
