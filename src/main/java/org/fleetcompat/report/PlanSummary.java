package org.fleetcompat.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.drift.ResultRows;

/**
 * What the report shows of a result's plans ({@code drain_plans}, {@code pool_headroom}, {@code
 * maintenance_order}): aggregates and short lists, the full plans staying in the tables. Immutable.
 *
 * @param hostsWithVms hosts that run at least one VM
 * @param hostsDrainable of those, hosts whose every VM has a planned target when drained alone
 * @param unplacedByReason VMs without a target when their host is drained alone, per reason
 * @param headroom every pool's headroom, the least tolerant first, at most {@value
 *     ReportModel#MAX_ROWS}
 * @param poolCount pools in all
 * @param clusters every cluster's rolling maintenance order, stuck ones first
 */
public record PlanSummary(
    long hostsWithVms,
    long hostsDrainable,
    Map<String, Long> unplacedByReason,
    List<ResultRows.Headroom> headroom,
    int poolCount,
    List<ClusterOrder> clusters) {

  /** Copies the collections. */
  public PlanSummary {
    unplacedByReason = Map.copyOf(new TreeMap<>(unplacedByReason));
    headroom = List.copyOf(headroom);
    clusters = List.copyOf(clusters);
  }

  /**
   * One cluster's rolling maintenance order, summarized.
   *
   * @param cluster the cluster
   * @param hosts its hosts in the order
   * @param drained hosts drained before the order gets stuck (all of them when it does not)
   * @param stuckHostId the first host where it gets stuck; null when it does not
   * @param blockingVmId that host's smallest VM that cannot move; null when not stuck
   * @param reason why it cannot; null when not stuck
   */
  public record ClusterOrder(
      String cluster,
      int hosts,
      int drained,
      String stuckHostId,
      String blockingVmId,
      String reason) {

    /** Whether every host of the cluster can be drained in turn. */
    public boolean complete() {
      return stuckHostId == null;
    }
  }

  /** The plans of {@code result}, or null when it has none (written before plans existed). */
  public static PlanSummary of(ResultDirectory result) {
    if (!result.hasPlans()) {
      return null;
    }
    Map<String, Boolean> hostPlaced = new LinkedHashMap<>();
    Map<String, Long> unplaced = new TreeMap<>();
    for (ResultRows.DrainPlan d : result.drainPlans()) {
      boolean moves = d.reason() == null;
      hostPlaced.merge(d.hostId(), moves, Boolean::logicalAnd);
      if (!moves) {
        unplaced.merge(d.reason(), 1L, Long::sum);
      }
    }
    long drainable = hostPlaced.values().stream().filter(b -> b).count();

    List<ResultRows.Headroom> headroom = new ArrayList<>(result.headroom());
    headroom.sort(
        Comparator.comparingInt(ResultRows.Headroom::failuresTolerated)
            .thenComparingInt(ResultRows.Headroom::poolId));
    int pools = headroom.size();

    Map<String, List<ResultRows.MaintenanceStep>> byCluster = new TreeMap<>();
    for (ResultRows.MaintenanceStep m : result.maintenanceOrder()) {
      byCluster.computeIfAbsent(m.cluster(), k -> new ArrayList<>()).add(m);
    }
    List<ClusterOrder> clusters = new ArrayList<>();
    for (Map.Entry<String, List<ResultRows.MaintenanceStep>> e : byCluster.entrySet()) {
      List<ResultRows.MaintenanceStep> steps = e.getValue();
      steps.sort(
          Comparator.comparingInt(ResultRows.MaintenanceStep::step)
              .thenComparing(ResultRows.MaintenanceStep::hostId));
      int drained = (int) steps.stream().filter(ResultRows.MaintenanceStep::drained).count();
      ResultRows.MaintenanceStep stuck =
          steps.stream().filter(m -> !m.drained()).findFirst().orElse(null);
      clusters.add(
          new ClusterOrder(
              e.getKey(),
              steps.size(),
              drained,
              stuck == null ? null : stuck.hostId(),
              stuck == null ? null : stuck.firstUnplacedVmId(),
              stuck == null ? null : stuck.reason()));
    }
    clusters.sort(
        Comparator.comparing(ClusterOrder::complete).thenComparing(ClusterOrder::cluster));
    return new PlanSummary(
        hostPlaced.size(),
        drainable,
        unplaced,
        headroom.subList(0, Math.min(ReportModel.MAX_ROWS, headroom.size())),
        pools,
        clusters);
  }
}
