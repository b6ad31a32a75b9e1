package org.fleetcompat.api;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.OutputErrors;
import org.fleetcompat.io.ResultTable;

/**
 * A published result, for a notebook: every table of SPEC section 5 as a {@link Dataset} read from
 * its Parquet files, and the manifest. The Datasets read the run's own directory (on a local disk,
 * the run that {@code --out} pointed to when the result was opened), so a later nightly publish to
 * the same {@code --out} does not change what they see while that run's files are kept.
 *
 * <p>Column names and types are {@link ResultTable}'s declarations; the README's table lists them.
 * Immutable; the Datasets are lazy, as Spark's are. Cheap: opening reads only Parquet footers, when
 * a Dataset is first asked for.
 */
public final class FleetcompatResult {
  private final SparkSession spark;
  private final String dir;
  private final Manifest manifest;

  FleetcompatResult(SparkSession spark, String dir, Manifest manifest) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.dir = Objects.requireNonNull(dir, "dir");
    this.manifest = Objects.requireNonNull(manifest, "manifest");
  }

  /** The result directory the Datasets read, as Spark reads it (e.g. {@code file:/...}). */
  public String dir() {
    return dir;
  }

  /** The run's manifest: inputs, row accounting, output row counts, timings, status. */
  public Manifest manifest() {
    return manifest;
  }

  /**
   * One table as a Dataset.
   *
   * @throws org.fleetcompat.core.FleetcompatException 32773 if the run did not write it ({@code
   *     compatible_pairs} without {@code --pairs})
   */
  public Dataset<Row> table(ResultTable table) {
    if (!manifest.outputs().containsKey(table.tableName())) {
      throw OutputErrors.tableNotWritten(dir, table.tableName());
    }
    return spark.read().parquet(dir + "/" + table.tableName());
  }

  /**
   * Registers every table the run wrote as a temporary view of this session, named as the table
   * ({@code vm_classes}, {@code class_matrix}, ...), for {@code spark.sql}. Replaces views of those
   * names; changes no setting of the session.
   */
  public FleetcompatResult registerTempViews() {
    for (ResultTable t : ResultTable.values()) {
      if (manifest.outputs().containsKey(t.tableName())) {
        table(t).createOrReplaceTempView(t.tableName());
      }
    }
    return this;
  }

  /** VMs and their classes: {@code vm_id, vm_class, enabled_state, current_host_id}. */
  public Dataset<Row> vmClasses() {
    return table(ResultTable.VM_CLASSES);
  }

  /** Hosts, classes, pools: {@code host_id, host_class, pool_id, cluster}. */
  public Dataset<Row> hostClasses() {
    return table(ResultTable.HOST_CLASSES);
  }

  /** The matrix at class level: {@code vm_class, host_class} of every compatible class pair. */
  public Dataset<Row> classMatrix() {
    return table(ResultTable.CLASS_MATRIX);
  }

  /** Every compatible VM-host pair (only when the run wrote them: {@code --pairs}). */
  public Dataset<Row> compatiblePairs() {
    return table(ResultTable.COMPATIBLE_PAIRS);
  }

  /** Compatibility pools with their baselines. */
  public Dataset<Row> pools() {
    return table(ResultTable.POOLS);
  }

  /** The partial order of pools. */
  public Dataset<Row> poolEdges() {
    return table(ResultTable.POOL_EDGES);
  }

  /** Per VM: where it can go, whether it is stranded. */
  public Dataset<Row> vmSummary() {
    return table(ResultTable.VM_SUMMARY);
  }

  /** Per host: whether every VM on it could move elsewhere. */
  public Dataset<Row> hostEvacuation() {
    return table(ResultTable.HOST_EVACUATION);
  }

  /** Which vectors block the most VM-host pairs, fleet-wide. */
  public Dataset<Row> blockers() {
    return table(ResultTable.BLOCKERS);
  }

  /** The blockers per pool of the host. */
  public Dataset<Row> blockersByPool() {
    return table(ResultTable.BLOCKERS_BY_POOL);
  }

  /** The vectors of every VM class. */
  public Dataset<Row> vmClassVectors() {
    return table(ResultTable.VM_CLASS_VECTORS);
  }

  /** The vectors of every host class. */
  public Dataset<Row> hostClassVectors() {
    return table(ResultTable.HOST_CLASS_VECTORS);
  }

  /** Quarantined input rows with their reasons. */
  public Dataset<Row> rejected() {
    return table(ResultTable.REJECTED);
  }
}
