package org.fleetcompat.report;

import java.util.List;
import org.fleetcompat.drift.Drift;
import org.fleetcompat.drift.HeadlineFigures;
import org.fleetcompat.drift.ResultRows;

/**
 * Everything the report shows, assembled from a result directory (and the previous one) by {@link
 * ReportModelBuilder}: aggregates and top-N lists only, so the page stays small for a fleet of a
 * million VMs; the full lists stay in the tables. Immutable.
 *
 * @param resultDir the result directory
 * @param statusCode the run's status code (0)
 * @param status its description
 * @param snapshot the snapshot the run read
 * @param startedAt when the run started, ISO-8601 UTC
 * @param engineVersion the engine that wrote the result
 * @param whatIf whether the run was the cold-migration what-if
 * @param figures the headline figures, counted from the tables
 * @param feasibility cluster-to-cluster migration feasibility
 * @param pools the pool diagram
 * @param topBlockers the blockers that block the most pairs, at most {@value #TOP_BLOCKERS}
 * @param blockerCount blockers in all
 * @param stranded stranded VMs, those that fit nowhere first, at most {@value #MAX_ROWS}
 * @param undrainable hosts that cannot be drained, most blocking VMs first, at most {@value
 *     #MAX_ROWS}
 * @param plans the drain plans, pool headroom and maintenance orders; null for a result written
 *     before they existed
 * @param previousDir the previous result directory; null without one
 * @param drift the drift from the previous result; null without one
 * @param driftUnavailable why a previous result was given but no drift could be drawn from it (say
 *     it is of another format); null otherwise
 */
public record ReportModel(
    String resultDir,
    int statusCode,
    String status,
    String snapshot,
    String startedAt,
    String engineVersion,
    boolean whatIf,
    HeadlineFigures figures,
    ClusterFeasibility feasibility,
    PoolDiagram pools,
    List<ResultRows.Blocker> topBlockers,
    int blockerCount,
    List<StrandedVm> stranded,
    List<ResultRows.Evacuation> undrainable,
    PlanSummary plans,
    String previousDir,
    Drift drift,
    String driftUnavailable) {

  /** The most blockers charted. */
  public static final int TOP_BLOCKERS = 12;

  /** The most rows of any table on the page. */
  public static final int MAX_ROWS = 500;

  /** Copies the lists. */
  public ReportModel {
    topBlockers = List.copyOf(topBlockers);
    stranded = List.copyOf(stranded);
    undrainable = List.copyOf(undrainable);
  }

  /**
   * A stranded VM as the report lists it.
   *
   * @param vmId the VM
   * @param enabledState its state; null when unknown
   * @param currentHostId its host; null when unknown
   * @param cluster its host's cluster; null when unknown
   * @param compatibleHosts hosts it fits (0 or 1: its current host)
   * @param currentHostOk whether its host accepts it; null when not evaluated
   */
  public record StrandedVm(
      String vmId,
      Integer enabledState,
      String currentHostId,
      String cluster,
      long compatibleHosts,
      Boolean currentHostOk) {}
}
