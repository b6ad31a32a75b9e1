package org.fleetcompat.job;

import java.util.List;
import org.fleetcompat.core.PairCheck;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorOutcome;
import org.fleetcompat.core.VectorSet;

/**
 * {@code explain --vm ID --host ID}: every vector of the VM against the host.
 *
 * @param vmId the VM
 * @param enabledState the VM's {@code enabled_state}, or null when the snapshot does not say
 * @param hostId the host
 * @param outcomes one per VM vector, in {@code vector_id} order
 * @param catalog for the vectors' names
 */
public record PairExplanation(
    String vmId,
    Integer enabledState,
    String hostId,
    List<VectorOutcome> outcomes,
    VectorCatalog catalog) {

  /**
   * Every vector of {@code vm} judged against {@code host} by {@link PairCheck}: what {@code
   * explain --vm ID --host ID} prints once the two systems are loaded. Callable on systems loaded
   * in bulk, so a tool (or a test) can explain many pairs exactly as the command does. Costs O(vm
   * vectors x log host vectors).
   */
  public static PairExplanation of(
      String vmId, VectorSet vm, String hostId, VectorSet host, VectorCatalog catalog) {
    return new PairExplanation(vmId, null, hostId, PairCheck.outcomes(vm, host), catalog);
  }

  /** This explanation with the VM's {@code enabled_state}. */
  public PairExplanation withEnabledState(Integer state) {
    return new PairExplanation(vmId, state, hostId, outcomes, catalog);
  }

  /** Whether every vector passes: the VM fits the host. */
  public boolean isCompatible() {
    return outcomes.stream().allMatch(o -> o.reason().passes());
  }

  /** How many vectors fail. */
  public long failureCount() {
    return outcomes.stream().filter(o -> !o.reason().passes()).count();
  }
}
