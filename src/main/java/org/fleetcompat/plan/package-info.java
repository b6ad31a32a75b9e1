/**
 * Placement planning on class-level compatibility and host capacity: where each VM of a drained or
 * failed host can go ({@link org.fleetcompat.plan.DrainPlanner}), how many of a pool's largest
 * hosts can fail with every VM still placed, and in what order the hosts of a cluster can be
 * drained one at a time for rolling maintenance.
 *
 * <p>Two solvers behind {@link org.fleetcompat.plan.PlacementSolver}: {@link
 * org.fleetcompat.plan.FirstFitDecreasing}, the fast fallback at fleet scale, and {@link
 * org.fleetcompat.plan.CpSatSolver}, exact (OR-Tools CP-SAT) for cluster-sized instances, used only
 * when first fit leaves a VM unplaced that has a compatible host. Both are deterministic, so a plan
 * is the same on every runner and every run.
 *
 * <p>Depends on {@code core} only (and OR-Tools): no Spark, Hadoop, Parquet or Arrow. Public
 * surface: {@link org.fleetcompat.plan.PlanFleet}, {@link org.fleetcompat.plan.DrainPlanner} and
 * its results ({@link org.fleetcompat.plan.DrainMove}, {@link org.fleetcompat.plan.PoolHeadroom},
 * {@link org.fleetcompat.plan.MaintenanceOrder}); the instance and solver types are plumbing.
 *
 * <pre>{@code
 * PlanFleet fleet = PlanFleet.builder(fitMatrix::fits, Capacity.BOTH)
 *     .host("h1", 0, "cl-a", 64, 262144).host("h2", 0, "cl-a", 64, 262144)
 *     .vm("vm-1", 0, "h1", 8, 32768).build();
 * List<DrainMove> plan = new DrainPlanner(fleet).drain(fleet.indexOf("h1")); // vm-1 -> h2
 * }</pre>
 */
package org.fleetcompat.plan;
