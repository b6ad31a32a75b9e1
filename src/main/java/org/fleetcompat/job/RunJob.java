package org.fleetcompat.job;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.ManifestWriter;
import org.fleetcompat.io.ResultPublisher;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotInspector;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.spark.AttributeTableLoader;
import org.fleetcompat.spark.MatrixStage;
import org.fleetcompat.spark.SystemClasses;
import org.fleetcompat.spark.ValidatedTable;
import org.fleetcompat.spark.VectorTableLoader;
import org.fleetcompat.spark.VectorValidation;

/**
 * The nightly pipeline behind {@code fleetcompat run} (SPEC sections 4, 5, 8): check the snapshot's
 * schemas, validate and quarantine, group systems into classes, compute the class matrix, write the
 * result tables and the manifest into a staging directory, publish atomically.
 *
 * <p>Schema errors stop the job before any work, with status 32773 or 32776 and nothing published.
 */
public final class RunJob {
  /** Output table names: the contract notebooks rely on. */
  public static final String VM_CLASSES = "vm_classes";

  /** Hosts and their classes. */
  public static final String HOST_CLASSES = "host_classes";

  /** Compatible (vm_class, host_class) pairs. */
  public static final String CLASS_MATRIX = "class_matrix";

  /** Compatible (vm_id, host_id) pairs, with {@code --pairs}. */
  public static final String COMPATIBLE_PAIRS = "compatible_pairs";

  /** Quarantined input rows. */
  public static final String REJECTED = "rejected";

  private RunJob() {}

  /** Runs the pipeline; returns once the result is published. */
  public static RunResult run(SparkSession spark, RunOptions options) {
    PhaseTimer timer = new PhaseTimer();
    String startedAt = Instant.now().toString();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    SnapshotInputs inputs =
        timer.time("inspect", () -> SnapshotInspector.inspect(options.snapshot(), hadoop));
    ResultPublisher publisher = ResultPublisher.prepare(options.out(), hadoop);
    try {
      Manifest manifest = compute(spark, options, inputs, publisher.stagingDir(), timer, startedAt);
      timer.time(
          "publish",
          () -> {
            try {
              publisher.publish();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return null;
          });
      return new RunResult(publisher.outDir(), manifest);
    } catch (RuntimeException e) {
      publisher.abandon();
      throw e;
    }
  }

  private static Manifest compute(
      SparkSession spark,
      RunOptions options,
      SnapshotInputs inputs,
      String staging,
      PhaseTimer timer,
      String startedAt) {
    Dataset<Row> hostRows =
        VectorTableLoader.load(spark, inputs.required(SnapshotTable.HOST_VECTORS));
    Dataset<Row> vmRows = VectorTableLoader.load(spark, inputs.required(SnapshotTable.VM_VECTORS));
    ValidatedTable hostVectors =
        timer.time(
            "validate_host_vectors",
            () -> VectorValidation.validate(hostRows, SnapshotTable.HOST_VECTORS));
    ValidatedTable vmVectors =
        timer.time(
            "validate_vm_vectors",
            () -> VectorValidation.validate(vmRows, SnapshotTable.VM_VECTORS));
    Map<SnapshotTable, ValidatedTable> validated = new LinkedHashMap<>();
    validated.put(SnapshotTable.HOST_VECTORS, hostVectors);
    validated.put(SnapshotTable.VM_VECTORS, vmVectors);
    inputs
        .optional(SnapshotTable.HOSTS)
        .ifPresent(
            t ->
                validated.put(
                    SnapshotTable.HOSTS,
                    timer.time(
                        "validate_hosts",
                        () -> AttributeTableLoader.load(spark, t, hostVectors, hostRows))));
    inputs
        .optional(SnapshotTable.VMS)
        .ifPresent(
            t ->
                validated.put(
                    SnapshotTable.VMS,
                    timer.time(
                        "validate_vms",
                        () -> AttributeTableLoader.load(spark, t, vmVectors, vmRows))));

    SystemClasses hostClasses =
        timer.time("classes", () -> SystemClasses.of(hostVectors.accepted()));
    SystemClasses vmClasses = timer.time("classes", () -> SystemClasses.of(vmVectors.accepted()));
    List<VectorSet> hostClassVectors =
        timer.time("classes", () -> MatrixStage.collectHostClasses(hostClasses.classes()));
    Dataset<Row> matrix =
        timer.time(
            "matrix",
            () -> {
              Dataset<Row> m =
                  MatrixStage.classMatrix(spark, vmClasses.classes(), hostClassVectors)
                      .persist(StorageLevel.MEMORY_AND_DISK());
              m.count();
              return m;
            });

    Map<String, Long> outputs = new LinkedHashMap<>();
    timer.time(
        "write",
        () -> {
          write(
              outputs,
              staging,
              VM_CLASSES,
              vmClassesTable(vmClasses, validated.get(SnapshotTable.VMS)));
          write(
              outputs,
              staging,
              HOST_CLASSES,
              hostClassesTable(hostClasses, validated.get(SnapshotTable.HOSTS)));
          write(outputs, staging, CLASS_MATRIX, matrix.orderBy("vm_class", "host_class"));
          if (options.writePairs()) {
            write(outputs, staging, COMPATIBLE_PAIRS, pairs(matrix, vmClasses, hostClasses));
          }
          Dataset<Row> rejected =
              validated.values().stream()
                  .map(ValidatedTable::rejected)
                  .reduce(Dataset::unionByName)
                  .orElseThrow();
          write(outputs, staging, REJECTED, rejected.orderBy("table", "system_id", "file", "row"));
          return null;
        });

    Map<String, Long> fleet =
        timer.time("summarize", () -> fleetCounts(matrix, vmClasses, hostClasses));
    Map<String, Manifest.InputTable> inputTables = new LinkedHashMap<>();
    validated.forEach(
        (table, v) ->
            inputTables.put(
                table.tableName(),
                Manifest.InputTable.of(inputs.required(table).files(), v.accounting())));
    Map<String, Object> optionMap = new LinkedHashMap<>();
    optionMap.put("pairs", options.writePairs());
    optionMap.put("master", spark.sparkContext().master());
    Manifest manifest =
        new Manifest(
            EngineVersion.current(),
            spark.version(),
            ReturnCode.COMPLETED.code(),
            ReturnCode.COMPLETED.description(),
            inputs.snapshot(),
            startedAt,
            optionMap,
            inputTables,
            outputs,
            fleet,
            timer.millis());
    try {
      ManifestWriter.write(manifest, staging, spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the manifest into " + staging, e);
    }
    return manifest;
  }

  private static Dataset<Row> vmClassesTable(SystemClasses classes, ValidatedTable vms) {
    Dataset<Row> members = classes.membership();
    Dataset<Row> withAttributes =
        vms == null
            ? members.selectExpr(
                "system_id",
                "class",
                "CAST(NULL AS INT) AS enabled_state",
                "CAST(NULL AS STRING) AS current_host_id")
            : members.join(vms.accepted(), new String[] {"system_id"}, "left");
    return withAttributes
        .select(
            col("system_id").as("vm_id"),
            col("class").as("vm_class"),
            col("enabled_state"),
            col("current_host_id"))
        .orderBy("vm_id");
  }

  private static Dataset<Row> hostClassesTable(SystemClasses classes, ValidatedTable hosts) {
    Dataset<Row> members = classes.membership();
    Dataset<Row> withAttributes =
        hosts == null
            ? members.selectExpr("system_id", "class", "CAST(NULL AS STRING) AS cluster")
            : members.join(hosts.accepted(), new String[] {"system_id"}, "left");
    return withAttributes
        .select(col("system_id").as("host_id"), col("class").as("host_class"), col("cluster"))
        .orderBy("host_id");
  }

  private static Dataset<Row> pairs(
      Dataset<Row> matrix, SystemClasses vmClasses, SystemClasses hostClasses) {
    Dataset<Row> vms = vmClasses.membership().toDF("vm_id", "vm_class");
    Dataset<Row> hosts = hostClasses.membership().toDF("host_id", "host_class");
    return matrix
        .join(vms, "vm_class")
        .join(broadcast(hosts), "host_class")
        .select("vm_id", "host_id");
  }

  private static Map<String, Long> fleetCounts(
      Dataset<Row> matrix, SystemClasses vmClasses, SystemClasses hostClasses) {
    Dataset<Row> vmSizes =
        vmClasses.classes().selectExpr("class AS vm_class", "members AS vm_members");
    Dataset<Row> hostSizes =
        hostClasses.classes().selectExpr("class AS host_class", "members AS host_members");
    Row pairs =
        matrix
            .join(vmSizes, "vm_class")
            .join(hostSizes, "host_class")
            .agg(sum(col("vm_members").multiply(col("host_members"))))
            .first();
    Row placeable =
        matrix
            .select("vm_class")
            .distinct()
            .join(vmSizes, "vm_class")
            .agg(sum("vm_members"))
            .first();
    Row vms = vmSizes.agg(sum("vm_members")).first();
    Row hosts = hostSizes.agg(sum("host_members")).first();
    Map<String, Long> fleet = new LinkedHashMap<>();
    fleet.put("vms", longOrZero(vms));
    fleet.put("hosts", longOrZero(hosts));
    fleet.put("vm_classes", vmSizes.count());
    fleet.put("host_classes", hostSizes.count());
    fleet.put("compatible_pairs", longOrZero(pairs));
    fleet.put("vms_with_a_compatible_host", longOrZero(placeable));
    return fleet;
  }

  private static long longOrZero(Row r) {
    return r.isNullAt(0) ? 0 : r.getLong(0);
  }

  private static void write(
      Map<String, Long> outputs, String staging, String name, Dataset<Row> table) {
    String path = staging + "/" + name;
    table.write().parquet(path);
    outputs.put(name, table.sparkSession().read().parquet(path).count());
  }
}
