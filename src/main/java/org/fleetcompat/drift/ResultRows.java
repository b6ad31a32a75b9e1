package org.fleetcompat.drift;

import java.util.List;

/**
 * The rows of a result's tables as the report and drift use them: one record per table, holding the
 * columns they read (SPEC section 5, {@code io.ResultTable} for each column's meaning). Immutable
 * value types; nothing here is validated beyond what {@link ResultDirectory} checks.
 */
public final class ResultRows {
  private ResultRows() {}

  /**
   * A row of {@code host_classes}.
   *
   * @param hostId the host
   * @param hostClass its class
   * @param poolId its pool
   * @param cluster its cluster; null when the snapshot names none
   */
  public record Host(String hostId, int hostClass, int poolId, String cluster) {}

  /**
   * A row of {@code vm_summary}.
   *
   * @param vmId the VM
   * @param vmClass its class
   * @param enabledState 2 running, 3 off, 32769 saved; null when unknown
   * @param currentHostId the host it runs on; null when unknown
   * @param compatibleHosts hosts it fits
   * @param currentHostOk whether its current host accepts it; null when not evaluated
   * @param stranded whether no host other than its current one accepts it
   */
  public record Vm(
      String vmId,
      int vmClass,
      Integer enabledState,
      String currentHostId,
      long compatibleHosts,
      Boolean currentHostOk,
      boolean stranded) {}

  /**
   * A row of {@code pools}.
   *
   * @param poolId the pool
   * @param firstHostId its smallest host id
   * @param hostCount hosts in it
   * @param clusters the clusters of its hosts, sorted
   * @param vmCountAccepted VMs that fit its hosts
   */
  public record Pool(
      int poolId, String firstHostId, long hostCount, List<String> clusters, long vmCountAccepted) {
    /** Copies the clusters. */
    public Pool {
      clusters = List.copyOf(clusters);
    }
  }

  /**
   * A row of {@code pool_edges}.
   *
   * @param superPoolId the pool that accepts more VMs
   * @param subPoolId the pool whose accepted VMs are a strict subset
   * @param covering whether no pool lies in between (an edge of the Hasse diagram)
   */
  public record PoolEdge(int superPoolId, int subPoolId, boolean covering) {}

  /**
   * A row of {@code blockers}.
   *
   * @param vectorId the vector_id, 0..2^32-1
   * @param name its catalog name; empty when unknown
   * @param compareOperation its operation code
   * @param operation its operation's name
   * @param reason the reason code, e.g. COMPARE_FAILED
   * @param blockedPairs VM-host pairs it blocks
   * @param soleBlockerPairs pairs it alone blocks
   */
  public record Blocker(
      long vectorId,
      String name,
      int compareOperation,
      String operation,
      String reason,
      long blockedPairs,
      long soleBlockerPairs) {

    /** The key that identifies the blocker across results: vector, operation and reason. */
    public String key() {
      return vectorId + "/" + compareOperation + "/" + reason;
    }
  }

  /**
   * A row of {@code rejected}.
   *
   * @param sourceTable the input table
   * @param systemId the system; null when the row names none
   * @param reason the reject reason code
   * @param message what is wrong
   */
  public record Rejected(String sourceTable, String systemId, String reason, String message) {

    /** Whether the row is a host's (host_vectors or hosts). */
    public boolean isHost() {
      return sourceTable.startsWith("host");
    }
  }

  /**
   * A row of {@code host_evacuation}.
   *
   * @param hostId the host
   * @param poolId its pool
   * @param cluster its cluster; null when none
   * @param vmCount evaluated VMs on it
   * @param blockingVmCount of those, VMs with no other compatible host
   * @param blockingVmIds those VMs, sorted
   * @param unevaluatedVmCount VMs placed on it that were not evaluated
   * @param evacuable true, false, or null when unknown
   */
  public record Evacuation(
      String hostId,
      int poolId,
      String cluster,
      long vmCount,
      int blockingVmCount,
      List<String> blockingVmIds,
      int unevaluatedVmCount,
      Boolean evacuable) {
    /** Copies the ids. */
    public Evacuation {
      blockingVmIds = List.copyOf(blockingVmIds);
    }
  }

  /**
   * A row of {@code pool_headroom}.
   *
   * @param poolId the pool
   * @param hostCount its hosts
   * @param failuresTolerated how many of its largest hosts can fail together with every VM placed
   * @param firstFailingHostId the next largest host, whose failure too leaves a VM unplaced
   * @param firstUnplacedVmId then the smallest unplaced VM; null when none
   * @param reason why that VM is unplaced; null when none
   */
  public record Headroom(
      int poolId,
      long hostCount,
      int failuresTolerated,
      String firstFailingHostId,
      String firstUnplacedVmId,
      String reason) {}

  /**
   * A row of {@code maintenance_order}.
   *
   * @param cluster the cluster
   * @param step the step, from 1; stuck hosts share the last
   * @param hostId the host
   * @param drained whether it is drained at this step (false: the order is stuck here)
   * @param vmCount VMs on it when its turn comes
   * @param firstUnplacedVmId for a stuck host, the smallest VM that cannot move
   * @param reason why it cannot; null when drained
   */
  public record MaintenanceStep(
      String cluster,
      int step,
      String hostId,
      boolean drained,
      int vmCount,
      String firstUnplacedVmId,
      String reason) {}

  /**
   * A row of {@code drain_plans}, as far as the report reads it.
   *
   * @param hostId the host drained
   * @param vmId a VM on it
   * @param reason null when it moves, else why it cannot
   */
  public record DrainPlan(String hostId, String vmId, String reason) {}
}
