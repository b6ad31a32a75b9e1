package org.fleetcompat.plan;

/**
 * One host in a cluster's rolling maintenance order: a row of {@code maintenance_order}.
 *
 * @param cluster the cluster
 * @param step 1 for the first host drained, 2 for the next, ...; the hosts that cannot be drained
 *     when the order gets stuck all carry the step number at which it got stuck
 * @param hostId the host
 * @param drained whether the host is drained at this step (false: the order is stuck here)
 * @param vmCount the VMs on the host when its turn comes (its own and those moved onto it before)
 * @param firstUnplacedVmId for a host that cannot be drained, the smallest id of the VMs left
 *     without a target; null otherwise
 * @param reason why that VM cannot move; null otherwise
 */
public record MaintenanceStep(
    String cluster,
    int step,
    String hostId,
    boolean drained,
    int vmCount,
    String firstUnplacedVmId,
    DrainReason reason) {}
