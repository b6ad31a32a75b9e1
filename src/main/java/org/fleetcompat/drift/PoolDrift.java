package org.fleetcompat.drift;

import java.util.List;

/**
 * Where the hosts of an old pool went, matched by host ids (pool numbers may differ between
 * nights): one row of {@code drift_pools} per pair of an old and a new pool that share hosts, plus
 * one per pool that has no counterpart. Immutable.
 *
 * @param change what happened, see {@link Change}
 * @param oldPoolId the old pool; null when the new one appeared
 * @param newPoolId the new pool; null when the old one vanished
 * @param oldFirstHostId the old pool's smallest host id; null with {@code oldPoolId}
 * @param newFirstHostId the new pool's smallest host id; null with {@code newPoolId}
 * @param oldHostCount hosts of the old pool; 0 when none
 * @param newHostCount hosts of the new pool; 0 when none
 * @param sharedHosts hosts in both
 * @param oldVmCountAccepted VMs the old pool accepted; 0 when none
 * @param newVmCountAccepted VMs the new pool accepts; 0 when none
 * @param oldClusters the old pool's clusters
 * @param newClusters the new pool's clusters
 */
public record PoolDrift(
    Change change,
    Integer oldPoolId,
    Integer newPoolId,
    String oldFirstHostId,
    String newFirstHostId,
    long oldHostCount,
    long newHostCount,
    long sharedHosts,
    long oldVmCountAccepted,
    long newVmCountAccepted,
    List<String> oldClusters,
    List<String> newClusters) {

  /** Copies the lists. */
  public PoolDrift {
    oldClusters = List.copyOf(oldClusters);
    newClusters = List.copyOf(newClusters);
  }

  /** How an old pool relates to a new one. */
  public enum Change {
    /** The same hosts, one to one. */
    UNCHANGED,
    /** One to one, but hosts were added or removed. */
    RESIZED,
    /** The old pool's hosts went to several new pools; this row is one of the parts. */
    SPLIT,
    /** The new pool holds hosts of several old pools; this row is one of them. */
    MERGED,
    /** Both: the old pool split and this part merged with hosts of other pools. */
    REGROUPED,
    /** A new pool none of whose hosts were in an old pool. */
    APPEARED,
    /** An old pool none of whose hosts are in a new pool. */
    VANISHED
  }
}
