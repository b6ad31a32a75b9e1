/**
 * The report: a self-contained HTML page of a result directory (SPEC section 5, {@code
 * report.html}) that a capacity planner reads every morning: the headline figures and the run's
 * status, cluster-to-cluster migration feasibility as a heatmap, the pools and their partial order
 * (the Hasse diagram of {@code pool_edges}), the top blockers, the stranded VMs and the hosts that
 * cannot be drained, and, given the previous result, what changed and why (from {@code drift}).
 *
 * <p>One file: inline CSS ({@code ReportStyle}), inline SVG charts ({@code HeatmapSvg}, {@code
 * PoolDiagramSvg}, {@code BlockerChartSvg}), a few lines of inline script for sorting and filtering
 * ({@code ReportScript}); nothing is fetched, so it opens offline, and it prints. The page holds
 * aggregates and top-N lists only ({@link org.fleetcompat.report.ReportModel}), so it stays small
 * for a million VMs.
 *
 * <p>Depends on {@code drift} (the result reader and the drift), {@code io} and {@code core}; never
 * on Spark, {@code job} or {@code cli}. Public surface: {@link org.fleetcompat.report.ReportWriter}
 * (what {@code run} and {@code fleetcompat report} call), {@link
 * org.fleetcompat.report.ReportModelBuilder}, {@link org.fleetcompat.report.ReportModel} and {@link
 * org.fleetcompat.report.ReportPage} for notebooks; the rest is plumbing.
 *
 * <pre>{@code
 * Storage storage = LocalStorage.INSTANCE;
 * ReportWriter.write(storage, "/data/tonight", "/data/last-night", "/data/morning.html");
 * ReportWriter.writeNightly(storage, stagingDir, outDirOrNull, stagingDir + "/report.html");
 * // or, step by step:
 * ResultDirectory r = ResultDirectory.open(storage, dir);
 * String html = ReportPage.render(ReportModelBuilder.build(r, null));
 * }</pre>
 */
package org.fleetcompat.report;
