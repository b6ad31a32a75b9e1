/**
 * The public Java API for notebooks and other programs: <b>this package is fleetcompat's public
 * surface</b>, kept stable across releases; everything else is plumbing that may change.
 *
 * <ul>
 *   <li>{@link org.fleetcompat.api.Fleetcompat}: {@code run} the nightly pipeline on a Spark
 *       session the caller owns (never changing its settings), {@code read} an earlier result, and
 *       the point questions: {@code explain} a VM on a host, {@code explainAcrossPools}, {@code
 *       baselineOfHosts} / {@code baselineOfCluster}, {@code info} and {@code check} a blob;
 *   <li>{@link org.fleetcompat.api.FleetcompatResult}: every result table as a {@code Dataset<Row>}
 *       read from the published Parquet, and the manifest.
 * </ul>
 *
 * The values these return and take are part of the surface too: {@code job.RunOptions}, {@code
 * job.PairExplanation}, {@code job.VmExplanation}, {@code job.BaselineJob.HostsBaseline}, {@code
 * core.CheckResult}, {@code core.VectorCatalog}, {@code io.Manifest}, {@code io.ResultTable} and
 * {@code io.ResultFormat}. Worked examples in Spark SQL, PySpark, DuckDB and polars: {@code
 * docs/notebooks.md}.
 *
 * <p>Depends on {@code job}, {@code pipeline}, {@code spark}, {@code local}, {@code io} and {@code
 * core}.
 *
 * <pre>{@code
 * FleetcompatResult r = Fleetcompat.run(spark, snapshot, new RunOptions(snapshot, out, true));
 * r.registerTempViews();
 * spark.sql("SELECT vm_id FROM vm_summary WHERE stranded ORDER BY vm_id").show();
 * CheckResult c = Fleetcompat.check(spark, snapshot, Fleetcompat.info(spark, snapshot, "h-0044"),
 *     "h-0045");
 * }</pre>
 */
package org.fleetcompat.api;
