package org.fleetcompat.drift;

/**
 * How one VM changed between two results: one row of {@code drift_vms}. Only VMs with a change are
 * listed. Immutable.
 *
 * @param vmId the VM
 * @param change the main change, by the priority of {@link Change}
 * @param reconfigured whether its vectors or state differ
 * @param moved whether its current host differs
 * @param oldEnabledState its old state; null when absent or unknown
 * @param newEnabledState its new state; null when absent or unknown
 * @param oldCurrentHostId its old current host; null when absent or unknown
 * @param newCurrentHostId its new current host; null when absent or unknown
 * @param oldCompatibleHosts hosts it fitted; null when it was not evaluated
 * @param newCompatibleHosts hosts it fits; null when it is not evaluated
 * @param hostsLost hosts it fitted and no longer fits (hosts retired included)
 * @param hostsGained hosts it fits and did not fit (hosts added included)
 * @param oldStranded whether it was stranded; null when it was not evaluated
 * @param newStranded whether it is stranded; null when it is not evaluated
 * @param cause the cause of most of its lost (else gained) hosts, a {@link DriftCause.Kind} name,
 *     or what happened to the VM itself; null when its hosts did not change
 * @param causeDetail the causes in words, with their host counts
 */
public record VmDrift(
    String vmId,
    Change change,
    boolean reconfigured,
    boolean moved,
    Integer oldEnabledState,
    Integer newEnabledState,
    String oldCurrentHostId,
    String newCurrentHostId,
    Long oldCompatibleHosts,
    Long newCompatibleHosts,
    long hostsLost,
    long hostsGained,
    Boolean oldStranded,
    Boolean newStranded,
    String cause,
    String causeDetail) {

  /** The main change of a VM, highest priority first. */
  public enum Change {
    /** New tonight. */
    APPEARED,
    /** Gone tonight (not quarantined). */
    VANISHED,
    /** Evaluated last night, quarantined tonight (its rows are in {@code rejected}). */
    QUARANTINED,
    /** Quarantined last night, evaluated tonight. */
    RELEASED,
    /** Its vectors or state changed. */
    RECONFIGURED,
    /** Same vectors, but it lost or gained hosts (the hosts changed). */
    HOSTS_CHANGED,
    /** Only its current host changed. */
    MOVED
  }

  /** Whether it is stranded tonight and was not last night. */
  public boolean becameStranded() {
    return Boolean.TRUE.equals(newStranded) && Boolean.FALSE.equals(oldStranded);
  }

  /** Whether it was stranded last night and is not tonight. */
  public boolean noLongerStranded() {
    return Boolean.TRUE.equals(oldStranded) && Boolean.FALSE.equals(newStranded);
  }
}
