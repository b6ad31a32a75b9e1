/**
 * The jobs users run, each a small pipeline over {@code spark}, {@code io} and {@code core}: {@link
 * org.fleetcompat.job.RunJob} (the nightly matrix, pools, feasibility and blockers), {@link
 * org.fleetcompat.job.ExplainJob}, {@link org.fleetcompat.job.SystemBlobJob} (info and check),
 * {@link org.fleetcompat.job.BaselineJob}, the benchmark and the sample snapshot generator.
 *
 * <p>Depends on {@code spark}, {@code io} and {@code core}; never on {@code cli}.
 *
 * <pre>{@code
 * SparkSession spark = SparkSessions.create(null, Map.of());
 * RunResult result = RunJob.run(spark,
 *     new RunOptions("data-samples/cpu-fleet", "/tmp/result", true));
 * long pairs = result.manifest().fleet().get("compatible_pairs");
 * }</pre>
 */
package org.fleetcompat.job;
