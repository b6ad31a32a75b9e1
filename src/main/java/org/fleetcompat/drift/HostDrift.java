package org.fleetcompat.drift;

/**
 * How one host changed between two results: one row of {@code drift_hosts}. Only hosts with a
 * change are listed. Immutable.
 *
 * @param hostId the host
 * @param change the main change, by the priority of {@link Change}
 * @param oldCluster its old cluster; null when absent or none
 * @param newCluster its new cluster; null when absent or none
 * @param oldPoolId its old pool; null when it was not evaluated
 * @param newPoolId its new pool; null when it is not evaluated
 * @param vectorsChanged how many of its vectors differ
 * @param vectorChanges the differing vectors in words, separated by "; "
 * @param oldEvacuable whether it could be drained; null when unknown or not evaluated
 * @param newEvacuable whether it can be drained; null when unknown or not evaluated
 * @param quarantineReason the reject reason when it is quarantined tonight; else null
 */
public record HostDrift(
    String hostId,
    Change change,
    String oldCluster,
    String newCluster,
    Integer oldPoolId,
    Integer newPoolId,
    int vectorsChanged,
    String vectorChanges,
    Boolean oldEvacuable,
    Boolean newEvacuable,
    String quarantineReason) {

  /** The main change of a host, highest priority first. */
  public enum Change {
    /** New tonight. */
    ADDED,
    /** Gone tonight (not quarantined): retired or not reported. */
    RETIRED,
    /** Evaluated last night, quarantined tonight. */
    QUARANTINED,
    /** Quarantined last night, evaluated tonight. */
    RELEASED,
    /** It reports other vectors. */
    VECTORS_CHANGED,
    /** It is in another cluster. */
    CLUSTER_CHANGED,
    /** Only whether it can be drained changed (its VMs or their hosts changed). */
    DRAIN_CHANGED
  }
}
