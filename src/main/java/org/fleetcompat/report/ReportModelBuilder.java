package org.fleetcompat.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fleetcompat.drift.Drift;
import org.fleetcompat.drift.DriftCalculator;
import org.fleetcompat.drift.HeadlineFigures;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.drift.ResultRows;

/**
 * Assembles a {@link ReportModel} from a result directory and, optionally, the previous one. Reads
 * vm_summary, host_classes, class_matrix, pools, pool_edges, blockers, host_evacuation, rejected
 * and the plan tables (and, for the drift, the class vector tables of both). Every table is read
 * and checked before anything is drawn, so a damaged result fails here and never gives half a
 * report. Stateless.
 */
public final class ReportModelBuilder {
  private ReportModelBuilder() {}

  /** {@code model} noting that the previous result {@code previousDir} gave no drift, and why. */
  public static ReportModel withoutDrift(ReportModel model, String previousDir, String why) {
    return new ReportModel(
        model.resultDir(),
        model.statusCode(),
        model.status(),
        model.snapshot(),
        model.startedAt(),
        model.engineVersion(),
        model.whatIf(),
        model.figures(),
        model.feasibility(),
        model.pools(),
        model.topBlockers(),
        model.blockerCount(),
        model.stranded(),
        model.undrainable(),
        model.plans(),
        previousDir,
        null,
        why);
  }

  /**
   * The model of {@code result}, with the drift from {@code previous} when it is not null.
   *
   * @throws org.fleetcompat.core.FleetcompatException as {@link ResultDirectory} and {@link
   *     DriftCalculator} do
   */
  public static ReportModel build(ResultDirectory result, ResultDirectory previous) {
    HeadlineFigures figures = HeadlineFigures.of(result);
    Map<String, String> clusterOf = new HashMap<>();
    result.hosts().forEach(h -> clusterOf.put(h.hostId(), h.cluster()));

    List<ResultRows.Vm> stranded = new ArrayList<>();
    for (ResultRows.Vm v : result.vms()) {
      if (v.stranded()) {
        stranded.add(v);
      }
    }
    stranded.sort(
        Comparator.comparingLong(ResultRows.Vm::compatibleHosts)
            .thenComparing(ResultRows.Vm::vmId));
    List<ReportModel.StrandedVm> strandedRows = new ArrayList<>();
    for (ResultRows.Vm v : stranded.subList(0, Math.min(ReportModel.MAX_ROWS, stranded.size()))) {
      strandedRows.add(
          new ReportModel.StrandedVm(
              v.vmId(),
              v.enabledState(),
              v.currentHostId(),
              v.currentHostId() == null ? null : clusterOf.get(v.currentHostId()),
              v.compatibleHosts(),
              v.currentHostOk()));
    }

    List<ResultRows.Evacuation> undrainable = new ArrayList<>();
    for (ResultRows.Evacuation e : result.evacuation()) {
      if (Boolean.FALSE.equals(e.evacuable())) {
        undrainable.add(e);
      }
    }
    undrainable.sort(
        Comparator.comparingInt(ResultRows.Evacuation::blockingVmCount)
            .reversed()
            .thenComparing(ResultRows.Evacuation::hostId));

    List<ResultRows.Blocker> blockers = new ArrayList<>(result.blockers());
    blockers.sort(
        Comparator.comparingLong(ResultRows.Blocker::blockedPairs)
            .reversed()
            .thenComparingLong(ResultRows.Blocker::vectorId)
            .thenComparing(ResultRows.Blocker::reason));

    ClusterFeasibility feasibility = ClusterFeasibility.of(result);
    PoolDiagram pools = PoolDiagram.of(result);
    Drift drift = previous == null ? null : DriftCalculator.compute(previous, result);
    return new ReportModel(
        result.dir(),
        result.manifest().statusCode(),
        result.manifest().status(),
        result.manifest().snapshot(),
        result.manifest().startedAt(),
        result.manifest().engineVersion(),
        result.manifest().isWhatIf(),
        figures,
        feasibility,
        pools,
        blockers.subList(0, Math.min(ReportModel.TOP_BLOCKERS, blockers.size())),
        blockers.size(),
        strandedRows,
        undrainable.subList(0, Math.min(ReportModel.MAX_ROWS, undrainable.size())),
        PlanSummary.of(result),
        previous == null ? null : previous.dir(),
        drift,
        null);
  }
}
