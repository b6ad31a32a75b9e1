package org.fleetcompat.drift;

import java.util.List;

/**
 * One change between two results and what it cost or gained: a host vector that changed the same
 * way on a group of hosts of one cluster (say a microcode update that removed a feature), a VM
 * vector that changed on a group of VMs, hosts retired, added, quarantined or released. One row of
 * {@code drift_causes}. Immutable.
 *
 * <p>The cost is counted over VM-host pairs that were compatible last night and are not tonight
 * ({@code pairsLost}), with the VMs they belong to ({@code vmsLost}); gains the other way round. A
 * pair that a change of two vectors blocks counts for both, so costs of several causes may add up
 * to more than the pairs lost.
 *
 * @param kind what kind of change
 * @param cluster the hosts' cluster; null for VM changes and hosts without a cluster
 * @param vectorId the vector that changed; null for hosts retired, added, quarantined or released
 * @param name the vector's catalog name; empty when unknown or not a vector change
 * @param change how the vector changed; null when not a vector change
 * @param bitsLost the mask bits lost; null unless a mask lost bits
 * @param bitsGained the mask bits gained; null unless a mask gained bits
 * @param oldValue the old value when all systems of the group had the same; else null
 * @param newValue the new value when all systems of the group have the same; else null
 * @param systemIds the hosts or VMs, sorted
 * @param vmsLost VMs that lost at least one host through it
 * @param pairsLost VM-host pairs it made incompatible
 * @param vmsGained VMs that gained at least one host through it
 * @param pairsGained VM-host pairs it made compatible
 * @param description the change and its cost in one sentence
 */
public record DriftCause(
    Kind kind,
    String cluster,
    Integer vectorId,
    String name,
    VectorChange.Kind change,
    Long bitsLost,
    Long bitsGained,
    Long oldValue,
    Long newValue,
    List<String> systemIds,
    long vmsLost,
    long pairsLost,
    long vmsGained,
    long pairsGained,
    String description) {

  /** Copies the ids. */
  public DriftCause {
    systemIds = List.copyOf(systemIds);
  }

  /** Kinds of change. */
  public enum Kind {
    /** A vector of a group of hosts changed. */
    HOST_VECTOR_CHANGED,
    /** A vector of a group of VMs changed. */
    VM_VECTOR_CHANGED,
    /** Hosts gone tonight. */
    HOSTS_RETIRED,
    /** Hosts new tonight. */
    HOSTS_ADDED,
    /** Hosts quarantined tonight. */
    HOSTS_QUARANTINED,
    /** Hosts quarantined last night, evaluated tonight. */
    HOSTS_RELEASED
  }

  /** Whether this cause concerns hosts (the others concern VMs). */
  public boolean isHostSide() {
    return kind != Kind.VM_VECTOR_CHANGED;
  }
}
