/**
 * The benchmark behind {@code fleetcompat bench} and {@code jobs/bench}: synthetic fleets, the
 * engine's runners against the classes-first SQL peer in DuckDB, the naive Spark SQL plan and the
 * I/O floor, measured in the same run (docs/BENCHMARKS.md).
 *
 * <p>Depends on {@code job}, the runners, {@code pipeline}, {@code io} and {@code core}.
 *
 * <pre>{@code
 * BenchShape shape = new BenchShape(20_000, 2_000, 24, 500, 20);
 * }</pre>
 */
package org.fleetcompat.bench;
