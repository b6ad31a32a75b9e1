/**
 * The Spark runner ({@link org.fleetcompat.spark.SparkRunner}): the pipeline's stages inside Spark
 * tasks on whatever cluster the session runs on, class-level results broadcast, one job per stage;
 * and {@link org.fleetcompat.spark.SparkSessions}, which takes a {@code spark-submit}'s or a
 * notebook's session as it is and starts one otherwise.
 *
 * <p>Depends on {@code pipeline}, {@code io} and {@code core}. Only this package (and the benchmark
 * and CLI around it) may use Spark.
 *
 * <pre>{@code
 * SparkSession spark = SparkSession.builder().getOrCreate();
 * RunJob.run(new SparkRunner(spark), new RunOptions(snapshot, out, false));
 * }</pre>
 */
package org.fleetcompat.spark;
