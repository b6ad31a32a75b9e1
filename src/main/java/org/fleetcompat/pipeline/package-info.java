/**
 * The pipeline of stages every job runs, in plain Java over columnar batches of primitive arrays,
 * and the {@link org.fleetcompat.pipeline.Runner} interface that runs them: read and validate
 * ({@link org.fleetcompat.pipeline.BucketValidation} over io's readers, bucket by bucket of
 * systems), group systems into classes, analyze at class level once on the driver ({@link
 * org.fleetcompat.pipeline.FleetAnalysis}: the kernel, pools, baselines, blockers), and expand the
 * per-system tables and {@code compatible_pairs} bucket by bucket ({@link
 * org.fleetcompat.pipeline.VmExpansion}, {@link org.fleetcompat.pipeline.HostExpansion}). Every
 * decision about the data is made here, once: the runners ({@code local}, {@code spark}) only move
 * rows and run these functions, so they give identical tables.
 *
 * <p>Depends on {@code core} and {@code io}; no Spark. Public surface: {@code Runner}, {@code
 * ValidatedSnapshot}, {@code FleetAnalysis}, {@code SystemLookup}; the rest is plumbing the jobs
 * and runners share.
 *
 * <pre>{@code
 * try (ValidatedSnapshot s = ValidatedSnapshot.validate(runner, storage, inputs, catalog, false)) {
 *   FleetAnalysis a = s.analyze();
 *   long pairs = a.fits().compatiblePairs();
 * }
 * }</pre>
 */
package org.fleetcompat.pipeline;
