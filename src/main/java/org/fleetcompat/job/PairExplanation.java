package org.fleetcompat.job;

import java.util.List;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorOutcome;

/**
 * {@code explain --vm ID --host ID}: every vector of the VM against the host.
 *
 * @param vmId the VM
 * @param hostId the host
 * @param outcomes one per VM vector, in {@code vector_id} order
 * @param catalog for the vectors' names
 */
public record PairExplanation(
    String vmId, String hostId, List<VectorOutcome> outcomes, VectorCatalog catalog) {

  /** Whether every vector passes: the VM fits the host. */
  public boolean isCompatible() {
    return outcomes.stream().allMatch(o -> o.reason().passes());
  }

  /** How many vectors fail. */
  public long failureCount() {
    return outcomes.stream().filter(o -> !o.reason().passes()).count();
  }
}
