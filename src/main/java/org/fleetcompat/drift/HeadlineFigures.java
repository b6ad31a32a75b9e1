package org.fleetcompat.drift;

import org.fleetcompat.core.FleetcompatException;

/**
 * The figures a planner reads first, counted from a result's tables (not copied from its manifest,
 * so the report and the drift agree with the tables by construction). Immutable.
 *
 * @param vms evaluated VMs
 * @param hosts evaluated hosts
 * @param pools compatibility pools
 * @param compatiblePairs compatible VM-host pairs
 * @param stranded VMs with no compatible host other than their current one
 * @param vmsWithNoHost VMs that fit no host at all
 * @param drainableHosts hosts running VMs that can all go elsewhere
 * @param hostsRunningVms hosts with at least one VM placed on them
 * @param undrainableHosts hosts where some VM blocks the drain ({@code evacuable = false})
 * @param rejectedRows quarantined input rows
 */
public record HeadlineFigures(
    long vms,
    long hosts,
    long pools,
    long compatiblePairs,
    long stranded,
    long vmsWithNoHost,
    long drainableHosts,
    long hostsRunningVms,
    long undrainableHosts,
    long rejectedRows) {

  /**
   * Counts the figures of {@code result}; reads vm_summary, host_classes, pools, host_evacuation
   * and rejected.
   *
   * @throws FleetcompatException as {@link ResultDirectory} does
   */
  public static HeadlineFigures of(ResultDirectory result) {
    long pairs = 0;
    long stranded = 0;
    long none = 0;
    for (ResultRows.Vm v : result.vms()) {
      pairs += v.compatibleHosts();
      stranded += v.stranded() ? 1 : 0;
      none += v.compatibleHosts() == 0 ? 1 : 0;
    }
    long drainable = 0;
    long running = 0;
    long undrainable = 0;
    for (ResultRows.Evacuation e : result.evacuation()) {
      boolean runs = e.vmCount() + e.unevaluatedVmCount() > 0;
      running += runs ? 1 : 0;
      drainable += runs && Boolean.TRUE.equals(e.evacuable()) ? 1 : 0;
      undrainable += Boolean.FALSE.equals(e.evacuable()) ? 1 : 0;
    }
    return new HeadlineFigures(
        result.vms().size(),
        result.hosts().size(),
        result.pools().size(),
        pairs,
        stranded,
        none,
        drainable,
        running,
        undrainable,
        result.rejected().size());
  }

  /** All VM-host pairs: VMs times hosts. */
  public long allPairs() {
    return vms * hosts;
  }

  /** Compatible pairs as a share of all pairs, 0..1; 0 for an empty fleet. */
  public double compatibleShare() {
    return allPairs() == 0 ? 0.0 : (double) compatiblePairs / allPairs();
  }
}
