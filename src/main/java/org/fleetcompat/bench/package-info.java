/**
 * The benchmark of {@code fleetcompat bench} (SPEC section 7, docs/BENCHMARKS.md): synthetic fleets
 * ({@link org.fleetcompat.bench.BenchFleetWriter}), the contenders the engine is measured against
 * in the same run (the classes-first DuckDB peer {@link org.fleetcompat.bench.DuckDbPeer}, the
 * naive Spark SQL join-and-compare, the I/O floor), the harness that times them in one warm JVM and
 * as whole processes ({@link org.fleetcompat.bench.BenchJob}) and its report.
 *
 * <p>Plumbing, not a notebook API. The engine is reached only through its command line (a {@link
 * org.fleetcompat.bench.EngineCommandLine} that {@code cli} hands in), so this package depends on
 * {@code io} (the snapshot writer) and on Spark for the naive plan, never on {@code cli}, {@code
 * job} or the runners. DuckDB is reached through {@code java.sql} only: its JDBC driver is a test
 * and benchmark dependency, on the class path at run time ({@code target/bench-classpath.txt}).
 *
 * <pre>{@code
 * try (Connection db = DuckDbPeer.connect(0)) {
 *   DuckDbPeer.Result r = DuckDbPeer.run(db, Path.of("data-samples/cpu-fleet"),
 *       Path.of("/tmp/peer"), DuckDbPeer.Output.COMPATIBLE_PAIRS);
 *   long pairs = r.compatiblePairs();
 * }
 * }</pre>
 */
package org.fleetcompat.bench;
