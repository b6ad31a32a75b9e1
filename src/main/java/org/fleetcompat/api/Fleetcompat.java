package org.fleetcompat.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.core.BlobCodec;
import org.fleetcompat.core.CheckResult;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.SystemBlob;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.ManifestWriter;
import org.fleetcompat.io.OutputErrors;
import org.fleetcompat.io.Storage;
import org.fleetcompat.job.BaselineJob;
import org.fleetcompat.job.ExplainJob;
import org.fleetcompat.job.PairExplanation;
import org.fleetcompat.job.RunJob;
import org.fleetcompat.job.RunOptions;
import org.fleetcompat.job.RunResult;
import org.fleetcompat.job.SystemBlobJob;
import org.fleetcompat.job.VmExplanation;
import org.fleetcompat.spark.SparkRunner;

/**
 * fleetcompat for notebooks: the nightly run and the point questions on a Spark session the caller
 * owns, whose master and settings are never changed (a notebook's, a {@code spark-submit}'s). The
 * answers are the CLI's: the same jobs ({@link RunJob}, {@link ExplainJob}, {@link BaselineJob},
 * {@link SystemBlobJob}) on a {@link SparkRunner} over the session.
 *
 * <pre>{@code
 * FleetcompatResult r = Fleetcompat.run(spark, "hdfs:///snapshots/today",
 *     new RunOptions("hdfs:///snapshots/today", "hdfs:///results/today", false));
 * r.registerTempViews();
 * spark.sql("SELECT count(*) FROM vm_summary WHERE stranded").show();
 * PairExplanation why = Fleetcompat.explain(spark, snapshot, "vm-00001", "h-0340");
 * }</pre>
 *
 * <p>Thread safe as far as the session is; one run at a time per {@code --out}. Failures are {@link
 * FleetcompatException}s with the status code of SPEC section 2 and a message naming what is wrong.
 */
public final class Fleetcompat {
  private Fleetcompat() {}

  /**
   * Runs the nightly pipeline on {@code spark} and opens the published result.
   *
   * @param snapshot the snapshot to read; it replaces {@code options.snapshot()}, so one set of
   *     options serves every night
   * @param options where to publish and what to write ({@code --out}, pairs, catalog, format)
   */
  public static FleetcompatResult run(SparkSession spark, String snapshot, RunOptions options) {
    try (SparkRunner runner = new SparkRunner(spark)) {
      RunResult r = RunJob.run(runner, options.withSnapshot(snapshot));
      return open(spark, runner.storage(r.outDir()), r.outDir(), r.manifest());
    }
  }

  /** As {@link #run(SparkSession, String, RunOptions)} with {@code options.snapshot()}. */
  public static FleetcompatResult run(SparkSession spark, RunOptions options) {
    return run(spark, options.snapshot(), options);
  }

  /**
   * Opens a result a run published earlier (its {@code --out}).
   *
   * @throws FleetcompatException 32773 if {@code resultDir} holds no readable manifest
   */
  public static FleetcompatResult read(SparkSession spark, String resultDir) {
    Storage storage = new SparkRunner(spark).storage(resultDir);
    Manifest manifest;
    try {
      manifest = ManifestWriter.read(storage, resultDir);
    } catch (IOException e) {
      throw OutputErrors.noResult(resultDir, e);
    }
    return open(spark, storage, resultDir, manifest);
  }

  /** {@code explain --vm ID --host ID}: every vector of the VM against the host. */
  public static PairExplanation explain(
      SparkSession spark, String snapshot, String vmId, String hostId, VectorCatalog catalog) {
    return ExplainJob.pair(storage(spark, snapshot), snapshot, vmId, hostId, catalog);
  }

  /** As {@link #explain(SparkSession, String, String, String, VectorCatalog)}, names unknown. */
  public static PairExplanation explain(
      SparkSession spark, String snapshot, String vmId, String hostId) {
    return explain(spark, snapshot, vmId, hostId, VectorCatalog.empty());
  }

  /**
   * {@code explain --vm ID}: the VM against every pool, with the vectors that keep it off each.
   * Validates the whole snapshot (pools depend on every VM): it costs about a run without writes.
   */
  public static VmExplanation explainAcrossPools(
      SparkSession spark, String snapshot, String vmId, VectorCatalog catalog) {
    try (SparkRunner runner = new SparkRunner(spark)) {
      return ExplainJob.vm(runner, snapshot, vmId, catalog);
    }
  }

  /** {@code baseline --hosts ID,...}: the least constraining VM vectors of those hosts. */
  public static BaselineJob.HostsBaseline baselineOfHosts(
      SparkSession spark, String snapshot, List<String> hostIds) {
    return BaselineJob.ofHosts(storage(spark, snapshot), snapshot, hostIds);
  }

  /** {@code baseline --cluster NAME}: the baseline of every host of a cluster. */
  public static BaselineJob.HostsBaseline baselineOfCluster(
      SparkSession spark, String snapshot, String cluster) {
    return BaselineJob.ofCluster(storage(spark, snapshot), snapshot, cluster);
  }

  /**
   * GetSystemCompatibilityInfo ({@code info}): the blob of a VM, or of a host (standing for every
   * VM it runs), as bytes {@link #check} and {@code fleetcompat check} read.
   */
  public static byte[] info(SparkSession spark, String snapshot, String systemId) {
    SystemBlob blob = SystemBlobJob.info(storage(spark, snapshot), snapshot, systemId);
    return BlobCodec.encode(blob);
  }

  /**
   * CheckSystemCompatibilityInfo ({@code check}): could the system of {@code blob} move to {@code
   * hostId}? A corrupt or truncated blob is an answer too (32773; 32770 for a newer format), not an
   * exception, as in Hyper-V.
   */
  public static CheckResult check(SparkSession spark, String snapshot, byte[] blob, String hostId) {
    SystemBlob decoded;
    try {
      decoded = BlobCodec.decode(blob);
    } catch (FleetcompatException e) {
      return CheckResult.ofError(e);
    }
    return SystemBlobJob.check(storage(spark, snapshot), snapshot, decoded, hostId);
  }

  private static Storage storage(SparkSession spark, String path) {
    return new SparkRunner(spark).storage(path);
  }

  /**
   * On a local disk, the run {@code --out} links to now, as a URI Spark reads on any default FS.
   */
  private static FleetcompatResult open(
      SparkSession spark, Storage storage, String dir, Manifest manifest) {
    String at = dir;
    if (storage.isLocal()) {
      try {
        at = Path.of(storage.qualify(dir)).toRealPath().toUri().toString();
      } catch (IOException e) {
        throw OutputErrors.noResult(dir, e);
      }
      if (at.endsWith("/")) {
        at = at.substring(0, at.length() - 1);
      }
    }
    return new FleetcompatResult(spark, at, manifest);
  }
}
