package org.fleetcompat.plan;

/**
 * How many of a pool's largest hosts can fail at once with every VM still placed: a row of {@code
 * pool_headroom}.
 *
 * @param poolId the pool
 * @param hostCount its hosts
 * @param failuresTolerated the largest k such that its k largest hosts (most memory, then most
 *     processors, then most VMs, then by id) can fail together with each of their VMs placed on a
 *     compatible host that stays up, with room; 0 when the largest alone cannot fail
 * @param firstFailingHostId the (k+1)-th largest host, whose failure leaves a VM unplaced; null
 *     when every host of the pool can fail
 * @param firstUnplacedVmId then the smallest id of the VMs left unplaced; null when none
 * @param reason why that VM is unplaced; null when none
 */
public record PoolHeadroom(
    int poolId,
    long hostCount,
    int failuresTolerated,
    String firstFailingHostId,
    String firstUnplacedVmId,
    DrainReason reason) {}
