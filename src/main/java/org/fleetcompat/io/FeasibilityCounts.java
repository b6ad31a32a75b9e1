package org.fleetcompat.io;

import java.io.Serializable;

/**
 * The manifest's feasibility counts (SPEC section 6), summed over buckets; typed, so that the
 * manifest, the summary and the tests name the same fields. Immutable.
 *
 * @param pools how many pools
 * @param strandedVms VMs with no compatible host other than their current one
 * @param vmsOnAnIncompatibleHost VMs whose current host does not accept them
 * @param vmsWithNoEvaluatedCurrentHost VMs whose current host is unknown or was not evaluated
 * @param evacuableHosts hosts whose every VM has another compatible host
 * @param hostsRunningVms hosts with at least one evaluated VM
 * @param evacuableHostsRunningVms hosts running VMs that can all go elsewhere
 * @param hostsWithUnevaluatedVms hosts whose drain is unknown: a VM placed on them was not
 *     evaluated and none blocks
 */
public record FeasibilityCounts(
    long pools,
    long strandedVms,
    long vmsOnAnIncompatibleHost,
    long vmsWithNoEvaluatedCurrentHost,
    long evacuableHosts,
    long hostsRunningVms,
    long evacuableHostsRunningVms,
    long hostsWithUnevaluatedVms)
    implements Serializable {

  /** All zero. */
  public static final FeasibilityCounts ZERO = new FeasibilityCounts(0, 0, 0, 0, 0, 0, 0, 0);

  /** The field-wise sum. */
  public FeasibilityCounts plus(FeasibilityCounts o) {
    return new FeasibilityCounts(
        pools + o.pools,
        strandedVms + o.strandedVms,
        vmsOnAnIncompatibleHost + o.vmsOnAnIncompatibleHost,
        vmsWithNoEvaluatedCurrentHost + o.vmsWithNoEvaluatedCurrentHost,
        evacuableHosts + o.evacuableHosts,
        hostsRunningVms + o.hostsRunningVms,
        evacuableHostsRunningVms + o.evacuableHostsRunningVms,
        hostsWithUnevaluatedVms + o.hostsWithUnevaluatedVms);
  }
}
