package org.fleetcompat.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.fleetcompat.core.Utf8Order;
import org.fleetcompat.io.ColumnContract;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.TableInput;
import org.fleetcompat.pipeline.FleetAnalysis;
import org.fleetcompat.pipeline.HostDirectory;
import org.fleetcompat.pipeline.HostLoads;
import org.fleetcompat.plan.Capacity;
import org.fleetcompat.plan.DrainMove;
import org.fleetcompat.plan.DrainPlanner;
import org.fleetcompat.plan.MaintenanceStep;
import org.fleetcompat.plan.PlanFleet;
import org.fleetcompat.plan.PoolHeadroom;

/**
 * The rows of {@code drain_plans} and {@code pool_headroom}, planned on the driver from the
 * analysis and the VMs' loads, which both runners merge identically (so the tables are the same on
 * either). Rows are {@code Object[]} in the declared column order of {@link
 * org.fleetcompat.io.ResultTable}, sorted by its sort key.
 */
public final class PlanTables {
  private final FleetAnalysis analysis;
  private final PlanFleet fleet;

  /**
   * The plan tables of one run.
   *
   * @param loads the VMs' loads, merged and sorted
   * @param capacity the dimensions the snapshot's columns allow ({@link #capacityOf})
   */
  public PlanTables(FleetAnalysis analysis, HostLoads loads, Capacity capacity) {
    this.analysis = analysis;
    this.fleet = fleet(analysis, loads, capacity);
  }

  /** The fleet as the planner sees it. */
  public PlanFleet fleet() {
    return fleet;
  }

  /**
   * Which capacity dimensions count: those whose capacity column is in {@code hosts} and whose
   * demand column is in {@code vms}.
   */
  public static Capacity capacityOf(SnapshotInputs inputs) {
    boolean hostCpu = has(inputs, SnapshotTable.HOSTS, ColumnContract.LOGICAL_PROCESSORS);
    boolean hostMemory = has(inputs, SnapshotTable.HOSTS, ColumnContract.MEMORY_MB);
    boolean vmCpu = has(inputs, SnapshotTable.VMS, ColumnContract.VIRTUAL_PROCESSORS);
    boolean vmMemory = has(inputs, SnapshotTable.VMS, ColumnContract.MEMORY_MB);
    return Capacity.of(hostCpu && vmCpu, hostMemory && vmMemory);
  }

  private static boolean has(SnapshotInputs inputs, SnapshotTable table, String column) {
    return inputs.optional(table).map((TableInput t) -> t.hasColumn(column)).orElse(false);
  }

  /** The planner's fleet: every accepted host, the evaluated VMs on each, the unevaluated ones. */
  static PlanFleet fleet(FleetAnalysis analysis, HostLoads loads, Capacity capacity) {
    HostDirectory hosts = analysis.hosts();
    PlanFleet.Builder b = PlanFleet.builder(analysis.fits()::fits, capacity);
    for (int h = 0; h < hosts.size(); h++) {
      b.host(
          hosts.id(h),
          hosts.classOf(h),
          hosts.clusterOf(h),
          hosts.processorsOf(h),
          hosts.memoryMbOf(h));
      HostLoads.Load load = loads.get(hosts.id(h));
      if (load == null) {
        continue;
      }
      for (HostLoads.Resident r : load.residents()) {
        b.vm(r.vmId(), r.vmClass(), hosts.id(h), r.processors(), r.memoryMb());
      }
      for (String vm : load.unevaluated()) {
        b.unevaluated(vm, hosts.id(h));
      }
    }
    return b.build();
  }

  /** {@code drain_plans}: by host id, then VM id. */
  public List<Object[]> drainPlans() {
    List<Object[]> rows = new ArrayList<>();
    for (DrainMove m : new DrainPlanner(fleet).drainAll()) {
      rows.add(
          new Object[] {
            m.hostId(),
            m.vmId(),
            m.targetHostId(),
            m.reason() == null ? null : m.reason().name(),
            m.solver().name()
          });
    }
    return rows;
  }

  /** {@code maintenance_order}: every cluster's order, by cluster, step and host id. */
  public List<Object[]> maintenanceOrder() {
    TreeSet<String> clusters = new TreeSet<>(Utf8Order.COMPARATOR);
    for (int h = 0; h < fleet.hostCount(); h++) {
      if (fleet.clusterOf(h) != null) {
        clusters.add(fleet.clusterOf(h));
      }
    }
    DrainPlanner planner = new DrainPlanner(fleet);
    List<Object[]> rows = new ArrayList<>();
    for (String cluster : clusters) {
      List<MaintenanceStep> steps = new ArrayList<>(planner.maintenance(cluster));
      steps.sort(
          Comparator.comparingInt(MaintenanceStep::step)
              .thenComparing(MaintenanceStep::hostId, Utf8Order.COMPARATOR));
      for (MaintenanceStep m : steps) {
        rows.add(
            new Object[] {
              m.cluster(),
              m.step(),
              m.hostId(),
              m.drained(),
              m.vmCount(),
              m.firstUnplacedVmId(),
              m.reason() == null ? null : m.reason().name()
            });
      }
    }
    return rows;
  }

  /** {@code pool_headroom}: by pool id. */
  public List<Object[]> poolHeadroom() {
    DrainPlanner planner = new DrainPlanner(fleet);
    List<List<Integer>> hostsOfPool = new ArrayList<>();
    for (int p = 0; p < analysis.pools().poolCount(); p++) {
      hostsOfPool.add(new ArrayList<>());
    }
    for (int h = 0; h < fleet.hostCount(); h++) {
      hostsOfPool.get(analysis.pools().poolOf(fleet.hostClass(h))).add(h);
    }
    List<Object[]> rows = new ArrayList<>();
    for (int p = 0; p < hostsOfPool.size(); p++) {
      int[] members = hostsOfPool.get(p).stream().mapToInt(Integer::intValue).toArray();
      PoolHeadroom r = planner.headroom(p, members);
      rows.add(
          new Object[] {
            r.poolId(),
            r.hostCount(),
            r.failuresTolerated(),
            r.firstFailingHostId(),
            r.firstUnplacedVmId(),
            r.reason() == null ? null : r.reason().name()
          });
    }
    return rows;
  }
}
