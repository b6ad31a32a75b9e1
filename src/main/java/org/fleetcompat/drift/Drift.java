package org.fleetcompat.drift;

import java.util.List;

/**
 * Everything that changed between two results of the same fleet, with its causes (what {@code
 * fleetcompat diff} writes as the {@code drift_*} tables and {@code drift_summary.json}).
 * Immutable.
 *
 * @param oldDir the older result directory
 * @param newDir the newer one
 * @param oldSnapshot the snapshot the older result was computed from
 * @param newSnapshot the snapshot of the newer
 * @param oldFigures the older result's headline figures
 * @param newFigures the newer result's
 * @param vms VMs that changed, by id
 * @param hosts hosts that changed, by id
 * @param causes the changes with their cost, largest cost first
 * @param pools where the hosts of every pool went
 * @param blockers blockers that appeared, vanished or changed count
 */
public record Drift(
    String oldDir,
    String newDir,
    String oldSnapshot,
    String newSnapshot,
    HeadlineFigures oldFigures,
    HeadlineFigures newFigures,
    List<VmDrift> vms,
    List<HostDrift> hosts,
    List<DriftCause> causes,
    List<PoolDrift> pools,
    List<BlockerDrift> blockers) {

  /** Copies the lists. */
  public Drift {
    vms = List.copyOf(vms);
    hosts = List.copyOf(hosts);
    causes = List.copyOf(causes);
    pools = List.copyOf(pools);
    blockers = List.copyOf(blockers);
  }

  /** The counts of what changed. */
  public DriftSummary summary() {
    return DriftSummary.of(this);
  }
}
