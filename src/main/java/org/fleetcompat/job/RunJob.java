package org.fleetcompat.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.ManifestWriter;
import org.fleetcompat.io.ResultPublisher;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotInspector;

/**
 * The nightly pipeline behind {@code fleetcompat run} (SPEC sections 4, 5, 8): check the snapshot's
 * schemas, validate and quarantine, group systems into classes, compute the class matrix, write the
 * result tables and the manifest into a staging directory, publish atomically.
 *
 * <p>Schema errors stop the job before any work, with status 32773 or 32776 and nothing published.
 * Any failure leaves the previous result at {@code --out} as it was.
 */
public final class RunJob {
  private RunJob() {}

  /** Runs the pipeline; returns once the result is published. Not safe to run twice at once. */
  public static RunResult run(SparkSession spark, RunOptions options) {
    PhaseTimer timer = new PhaseTimer();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    SnapshotInputs inputs =
        timer.time("inspect", () -> SnapshotInspector.inspect(options.snapshot(), hadoop));
    ResultPublisher publisher = ResultPublisher.prepare(options.out(), hadoop);
    try (RunPipeline pipeline = new RunPipeline(spark, inputs, options.catalog(), timer)) {
      Manifest manifest = pipeline.writeInto(publisher.stagingDir(), options);
      ManifestWriter.write(manifest, publisher.stagingDir(), hadoop);
      publisher.publish();
      return new RunResult(publisher.outDir(), manifest);
    } catch (IOException e) {
      publisher.abandon();
      throw new UncheckedIOException("Cannot publish to " + options.out(), e);
    } catch (Throwable t) {
      // Throwable: Spark's checked SparkException reaches here undeclared.
      publisher.abandon();
      throw t;
    }
  }
}
