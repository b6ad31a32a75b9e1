/**
 * The in-process runner ({@link org.fleetcompat.local.LocalRunner}): the pipeline's stages on the
 * threads of one JVM, every core, Parquet read and written directly, no Spark session. The default
 * of every command: a run of the sample fleet takes about a second, and a notebook can evaluate
 * what-ifs in a loop.
 *
 * <p>Depends on {@code pipeline}, {@code io} and {@code core}; no Spark.
 *
 * <pre>{@code
 * try (LocalRunner runner = new LocalRunner()) {
 *   RunJob.run(runner, new RunOptions("data-samples/cpu-fleet", "/tmp/result", true));
 * }
 * }</pre>
 */
package org.fleetcompat.local;
