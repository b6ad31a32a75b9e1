package org.fleetcompat.job;

import java.util.List;
import org.fleetcompat.core.BlockerCount;
import org.fleetcompat.core.VectorCatalog;

/**
 * {@code explain --vm ID}: the VM against every pool of the snapshot.
 *
 * @param vmId the VM
 * @param enabledState the VM's {@code enabled_state}, or null when the snapshot does not say
 * @param pools one entry per pool, by pool id
 * @param catalog for the vectors' names
 */
public record VmExplanation(
    String vmId, Integer enabledState, List<PoolReach> pools, VectorCatalog catalog) {

  /**
   * The VM against one pool.
   *
   * @param poolId the pool
   * @param hostCount hosts in the pool
   * @param compatibleHosts hosts of the pool that accept the VM (all or none: a pool's hosts accept
   *     the same VMs of the snapshot, the VM included)
   * @param clusters the clusters of the pool's hosts
   * @param blockers per failing vector and reason, on how many of the pool's hosts it fails ({@code
   *     blockedPairs}) and on how many it is the only failure ({@code soleBlockerPairs})
   */
  public record PoolReach(
      int poolId,
      long hostCount,
      long compatibleHosts,
      List<String> clusters,
      List<BlockerCount> blockers) {}
}
