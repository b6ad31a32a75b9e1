/**
 * The commands' jobs, each written once against the pipeline's stages and run by whichever {@link
 * org.fleetcompat.pipeline.Runner} it is given: {@link org.fleetcompat.job.RunJob} (the nightly
 * matrix, pools, feasibility and blockers), {@link org.fleetcompat.job.NightlyJob} (one night of a
 * scheduled job: a run into a dated directory, {@code latest}, retention), {@link
 * org.fleetcompat.job.ExplainJob}, {@link org.fleetcompat.job.SystemBlobJob} (info and check),
 * {@link org.fleetcompat.job.BaselineJob} and {@link org.fleetcompat.job.HostAdmissionJob} (the
 * host-admission what-if: validate and class through the stages, evaluate with {@code advise});
 * {@link org.fleetcompat.job.PlanTables} plans {@code drain_plans}, {@code pool_headroom} and
 * {@code maintenance_order} with {@code plan} on the driver, and {@link
 * org.fleetcompat.job.MaintenanceJob} reads one cluster's order.
 *
 * <p>Depends on {@code pipeline}, {@code io}, {@code plan}, {@code advise}, {@code drift} (to read
 * results), {@code report} and {@code core}; never on a runner or on {@code cli}.
 *
 * <pre>{@code
 * try (Runner runner = new LocalRunner()) {
 *   RunResult result = RunJob.run(runner,
 *       new RunOptions("data-samples/cpu-fleet", "/tmp/result", true));
 *   long pairs = result.manifest().fleet().compatiblePairs();
 * }
 * }</pre>
 */
package org.fleetcompat.job;
