package org.fleetcompat.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.spark.AttributeTableLoader;
import org.fleetcompat.spark.HostSide;
import org.fleetcompat.spark.MatrixStage;
import org.fleetcompat.spark.SystemClasses;
import org.fleetcompat.spark.ValidatedTable;
import org.fleetcompat.spark.VectorTableLoader;
import org.fleetcompat.spark.VectorValidation;

/**
 * One run's Spark work, from validated inputs to written tables; frees every cached dataset and
 * broadcast on {@link #close()} so a long-lived session (a notebook) is left as it was.
 */
final class RunPipeline implements AutoCloseable {
  /** Pairs one task of the {@code compatible_pairs} write aims at: a few hundred MB of rows. */
  private static final long PAIRS_PER_TASK = 4_000_000L;

  private final SparkSession spark;
  private final SnapshotInputs inputs;
  private final PhaseTimer timer;
  private final String startedAt = Instant.now().toString();

  /** Filled from several threads; iterates in table order, so the manifest is stable. */
  private final Map<SnapshotTable, ValidatedTable> validated =
      Collections.synchronizedMap(new EnumMap<>(SnapshotTable.class));

  private final List<SystemClasses> classes = new ArrayList<>();
  private MatrixStage stage;
  private Dataset<Row> matrix;

  RunPipeline(SparkSession spark, SnapshotInputs inputs, PhaseTimer timer) {
    this.spark = spark;
    this.inputs = inputs;
    this.timer = timer;
  }

  /** Computes and writes every result table under {@code dir}; returns the manifest to write. */
  Manifest writeInto(String dir, RunOptions options) {
    List<ValidatedTable> vectors =
        timer.time(
            "validate",
            () -> {
              List<ValidatedTable> v =
                  ConcurrentJobs.run(
                      List.of(
                          () -> validateVectors(SnapshotTable.HOST_VECTORS),
                          () -> validateVectors(SnapshotTable.VM_VECTORS)));
              ConcurrentJobs.run(
                  List.of(
                      () -> validateAttributes(SnapshotTable.HOSTS, v.get(0)),
                      () -> validateAttributes(SnapshotTable.VMS, v.get(1))));
              return v;
            });
    List<SystemClasses> sides =
        timer.time(
            "classes",
            () ->
                ConcurrentJobs.run(
                    List.of(
                        () -> SystemClasses.of(vectors.get(0).accepted()),
                        () -> SystemClasses.of(vectors.get(1).accepted()))));
    classes.addAll(sides);
    SystemClasses hostClasses = sides.get(0);
    SystemClasses vmClasses = sides.get(1);
    HostSide hosts = timer.time("classes", () -> HostSide.collect(hostClasses));
    stage = new MatrixStage(spark, hosts);
    // Lazy on purpose: for an all-distinct fleet the class matrix is as large as the pairs, and
    // running the kernel twice (summary, then write) is cheaper than caching it.
    matrix = stage.classMatrix(vmClasses.classes());
    Map<String, Long> fleet = timer.time("summarize", () -> fleetCounts(vmClasses, hostClasses));
    Map<String, Long> outputs = new LinkedHashMap<>();
    ResultWriter writer = new ResultWriter(dir);
    Map<String, Supplier<Dataset<Row>>> tables = new LinkedHashMap<>();
    tables.put(ResultTables.VM_CLASSES, () -> vmClassesTable(vmClasses));
    tables.put(ResultTables.HOST_CLASSES, () -> hostClassesTable(hostClasses));
    tables.put(ResultTables.CLASS_MATRIX, () -> matrix);
    if (options.writePairs()) {
      int partitions = pairPartitions(fleet.get("compatible_pairs"));
      tables.put(
          ResultTables.COMPATIBLE_PAIRS,
          () -> stage.compatiblePairs(vmClasses.classes(), partitions));
    }
    tables.put(ResultTables.REJECTED, this::rejected);
    List<String> names = List.copyOf(tables.keySet());
    List<Long> rowCounts =
        timer.time(
            "write",
            () ->
                ConcurrentJobs.run(
                    names.stream()
                        .<Supplier<Long>>map(n -> () -> writer.write(n, tables.get(n).get()))
                        .toList()));
    for (int i = 0; i < names.size(); i++) {
      outputs.put(names.get(i), rowCounts.get(i));
    }
    return manifest(options, outputs, fleet);
  }

  @Override
  public void close() {
    validated.values().forEach(ValidatedTable::release);
    classes.forEach(SystemClasses::release);
    if (stage != null) {
      stage.release();
    }
  }

  private ValidatedTable validateVectors(SnapshotTable table) {
    ValidatedTable v =
        VectorValidation.validate(
            spark, VectorTableLoader.load(spark, inputs.required(table)), inputs.required(table));
    validated.put(table, v);
    return v;
  }

  /** Validates an optional attribute table if the snapshot has it; returns it or null. */
  private ValidatedTable validateAttributes(SnapshotTable table, ValidatedTable vectors) {
    return inputs
        .optional(table)
        .map(
            t -> {
              ValidatedTable v = AttributeTableLoader.load(spark, t, vectors);
              validated.put(table, v);
              return v;
            })
        .orElse(null);
  }

  private Dataset<Row> vmClassesTable(SystemClasses vmClasses) {
    ValidatedTable vms = validated.get(SnapshotTable.VMS);
    Dataset<Row> members = vmClasses.membership();
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

  private Dataset<Row> hostClassesTable(SystemClasses hostClasses) {
    ValidatedTable hosts = validated.get(SnapshotTable.HOSTS);
    Dataset<Row> members = hostClasses.membership();
    Dataset<Row> withAttributes =
        hosts == null
            ? members.selectExpr("system_id", "class", "CAST(NULL AS STRING) AS cluster")
            : members.join(hosts.accepted(), new String[] {"system_id"}, "left");
    return withAttributes
        .select(col("system_id").as("host_id"), col("class").as("host_class"), col("cluster"))
        .orderBy("host_id");
  }

  private Dataset<Row> rejected() {
    return validated.values().stream()
        .map(ValidatedTable::rejected)
        .reduce(Dataset::unionByName)
        .orElseThrow()
        .orderBy("table", "system_id", "file", "row");
  }

  /** Headline counts, from class sizes: no pair-sized work, three small jobs. */
  private Map<String, Long> fleetCounts(SystemClasses vmClasses, SystemClasses hostClasses) {
    Dataset<Row> vmSizes = vmClasses.sizes().toDF("vm_class", "vm_members");
    Dataset<Row> hostSizes = hostClasses.sizes().toDF("host_class", "host_members");
    Row vms = vmSizes.agg(sum("vm_members"), count(lit(1))).first();
    Row hosts = hostSizes.agg(sum("host_members"), count(lit(1))).first();
    // Per VM class: how many hosts it fits; then pairs and VMs that fit somewhere.
    Row fits =
        matrix
            .join(hostSizes, "host_class")
            .groupBy("vm_class")
            .agg(sum("host_members").as("hosts"))
            .join(vmSizes, "vm_class")
            .agg(sum(col("vm_members").multiply(col("hosts"))), sum("vm_members"))
            .first();
    Map<String, Long> fleet = new LinkedHashMap<>();
    fleet.put("vms", longOrZero(vms, 0));
    fleet.put("hosts", longOrZero(hosts, 0));
    fleet.put("vm_classes", vms.getLong(1));
    fleet.put("host_classes", hosts.getLong(1));
    fleet.put("compatible_pairs", longOrZero(fits, 0));
    fleet.put("vms_with_a_compatible_host", longOrZero(fits, 1));
    return fleet;
  }

  private Manifest manifest(
      RunOptions options, Map<String, Long> outputs, Map<String, Long> fleet) {
    Map<String, Manifest.InputTable> inputTables = new LinkedHashMap<>();
    validated.forEach(
        (table, v) ->
            inputTables.put(
                table.tableName(),
                Manifest.InputTable.of(inputs.required(table).files(), v.accounting())));
    Map<String, Object> optionMap = new LinkedHashMap<>();
    optionMap.put("pairs", options.writePairs());
    optionMap.put("master", spark.sparkContext().master());
    return new Manifest(
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
  }

  /**
   * Enough tasks to keep every core writing, and no task writing more than {@link #PAIRS_PER_TASK}
   * pairs where classes allow (one VM class is never split).
   */
  private int pairPartitions(long pairs) {
    long wanted = (pairs + PAIRS_PER_TASK - 1) / PAIRS_PER_TASK;
    return (int) Math.max(spark.sparkContext().defaultParallelism(), Math.min(wanted, 10_000));
  }

  private static long longOrZero(Row r, int field) {
    return r.isNullAt(field) ? 0 : r.getLong(field);
  }
}
