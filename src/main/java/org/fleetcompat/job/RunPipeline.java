package org.fleetcompat.job;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.fleetcompat.core.FitMatrix;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.spark.AttributeTableLoader;
import org.fleetcompat.spark.BlockerStage;
import org.fleetcompat.spark.ColdMigration;
import org.fleetcompat.spark.Feasibility;
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
  private final List<Dataset<Row>> cached = new ArrayList<>();
  private final List<Feasibility> feasibilities = new ArrayList<>();
  private final VectorCatalog catalog;
  private MatrixStage stage;

  RunPipeline(SparkSession spark, SnapshotInputs inputs, VectorCatalog catalog, PhaseTimer timer) {
    this.spark = spark;
    this.catalog = catalog;
    this.inputs = inputs;
    this.timer = timer;
  }

  /**
   * Validates the snapshot and computes the class matrix and the pools: everything the result
   * tables and {@code explain --vm} are read from. Call once.
   */
  FleetAnalysis analyze(RunOptions options) {
    if (options.assumeStopped()) {
      requireWhatIfInputs();
    }
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
    Dataset<Row> asReported = vectors.get(1).accepted();
    Dataset<Row> evaluated =
        options.assumeStopped()
            ? cache(ColdMigration.asStopped(asReported, acceptedOrNull(SnapshotTable.VMS), catalog))
            : asReported;
    ConcurrentJobs.Both<HostSide, SystemClasses> sides =
        timer.time(
            "classes",
            () ->
                ConcurrentJobs.both(
                    () -> HostSide.of(vectors.get(0).accepted()),
                    () -> SystemClasses.of(evaluated.select("system_id", "vectors"))));
    HostSide hosts = sides.first();
    SystemClasses vmClasses = sides.second();
    classes.add(vmClasses);
    stage = new MatrixStage(spark, hosts);
    FitMatrix fits = timer.time("matrix", () -> stage.fitMatrix(vmClasses.classes()));
    PoolTables pools =
        timer.time("pools", () -> new PoolTables(spark, hosts, clusterOfHost(), fits, catalog));
    return new FleetAnalysis(asReported, evaluated, vmClasses, hosts, stage, fits, pools);
  }

  /**
   * Computes and writes every result table under {@code dir}; returns the manifest to write. Every
   * Spark job of the run carries one job tag: on a failure the jobs still running (background
   * writes above all) are cancelled before the caller abandons {@code dir}.
   */
  Manifest writeInto(String dir, RunOptions options) {
    String runTag = "fleetcompat-run-" + UUID.randomUUID();
    spark.sparkContext().addJobTag(runTag);
    List<BackgroundWrites> background = new ArrayList<>();
    try {
      FleetAnalysis analysis = analyze(options);
      ResultWriter writer = new ResultWriter(dir);
      Map<String, Long> fleet = RunCounts.fleet(analysis.fits());
      // The kernel's and the blockers' tables need only the classes, the pools and the broadcast
      // host side: they are written from now on, beside the driver-side summaries that leave
      // cores idle.
      background.add(
          new BackgroundWrites(
              spark.sparkContext(),
              "fleetcompat-kernel",
              toWrites(writer, kernelTables(analysis.vmClasses(), options, fleet))));
      background.add(startBlockerWrites(writer, analysis));
      return writeSummariesInto(writer, options, analysis, fleet, background);
    } catch (Throwable t) {
      spark.sparkContext().cancelJobsWithTag(runTag);
      background.forEach(w -> w.cancel(t));
      throw t;
    } finally {
      spark.sparkContext().removeJobTag(runTag);
    }
  }

  /**
   * {@code class_matrix} and, with {@code --pairs}, {@code compatible_pairs}: straight from the
   * kernel, in tasks.
   */
  private Map<String, Supplier<Dataset<Row>>> kernelTables(
      SystemClasses vmClasses, RunOptions options, Map<String, Long> fleet) {
    Map<String, Supplier<Dataset<Row>>> tables = new LinkedHashMap<>();
    // Lazy on purpose: for an all-distinct fleet the class matrix is as large as the pairs, and
    // running the kernel again is cheaper than caching it.
    tables.put(ResultTables.CLASS_MATRIX, () -> stage.classMatrix(vmClasses.classes()));
    if (options.writePairs()) {
      int partitions = pairPartitions(fleet.get("compatible_pairs"));
      tables.put(
          ResultTables.COMPATIBLE_PAIRS,
          () -> stage.compatiblePairs(vmClasses.classes(), partitions));
    }
    return tables;
  }

  /**
   * {@code value} computed by the first caller; every later one waits for it and shares it, or the
   * failure it ended with.
   */
  private static <T> Supplier<T> memoize(Supplier<T> value) {
    return new Supplier<>() {
      private T result;
      private RuntimeException failure;

      @Override
      public synchronized T get() {
        if (result == null && failure == null) {
          try {
            result = value.get();
          } catch (RuntimeException e) {
            failure = e;
          }
        }
        if (failure != null) {
          throw failure;
        }
        return result;
      }
    };
  }

  private static Map<String, Supplier<Long>> toWrites(
      ResultWriter writer, Map<String, Supplier<Dataset<Row>>> tables) {
    Map<String, Supplier<Long>> writes = new LinkedHashMap<>();
    tables.forEach((name, table) -> writes.put(name, () -> writer.write(name, table.get())));
    return writes;
  }

  /**
   * {@code blockers} and {@code blockers_by_pool}, started: the tally is one more pass of the
   * kernel in tasks, and runs beside the summaries.
   */
  private BackgroundWrites startBlockerWrites(ResultWriter writer, FleetAnalysis analysis) {
    int[] poolOfHostClass = analysis.pools().pools().poolOfHostClass();
    Supplier<BlockerTables> blockers =
        memoize(
            () ->
                timer.time(
                    "blockers",
                    () ->
                        new BlockerTables(
                            spark,
                            BlockerStage.tally(
                                stage, analysis.vmClasses().classes(), poolOfHostClass),
                            catalog)));
    Map<String, Supplier<Dataset<Row>>> tables = new LinkedHashMap<>();
    tables.put(ResultTables.BLOCKERS, () -> blockers.get().fleetWide().coalesce(1));
    tables.put(ResultTables.BLOCKERS_BY_POOL, () -> blockers.get().byPool().coalesce(1));
    return new BackgroundWrites(
        spark.sparkContext(), "fleetcompat-blockers", toWrites(writer, tables));
  }

  /**
   * Computes the per-VM and per-host summaries and writes them with every table not written in the
   * {@code background} (classes, pools, rejected rows); returns the manifest once every write, the
   * background's included, is done.
   */
  private Manifest writeSummariesInto(
      ResultWriter writer,
      RunOptions options,
      FleetAnalysis analysis,
      Map<String, Long> fleet,
      List<BackgroundWrites> background) {
    Dataset<Row> vmAttributes = acceptedOrNull(SnapshotTable.VMS);
    Dataset<Row> asReported = analysis.asReported();
    Dataset<Row> evaluated = analysis.evaluated();
    SystemClasses vmClasses = analysis.vmClasses();
    HostSide hosts = analysis.hosts();
    FitMatrix fits = analysis.fits();
    PoolTables pools = analysis.pools();
    int[] poolOfHostClass = pools.pools().poolOfHostClass();
    Map<String, Integer> hostClassOfHost = hostClassOfHost(hosts);
    Dataset<Row> hostTable = cache(pools.hostClasses());
    Dataset<Row> vmTable = cache(vmClassesTable(vmClasses, vmAttributes));
    Dataset<Row> unevaluated = cache(unevaluatedVmsOnHosts(vmTable));
    Dataset<Row> summary = feasibility(fits, poolOfHostClass, hostClassOfHost).vmSummary(vmTable);
    Dataset<Row> evacuation = Feasibility.hostEvacuation(summary, hostTable, unevaluated);
    Map<String, Long> whatIf = new LinkedHashMap<>();
    if (options.assumeStopped()) {
      SystemClasses reported = SystemClasses.of(asReported);
      classes.add(reported);
      FitMatrix reportedFits = timer.time("matrix", () -> stage.fitMatrix(reported.classes()));
      Dataset<Row> reportedSummary =
          feasibility(reportedFits, poolOfHostClass, hostClassOfHost)
              .vmSummary(vmClassesTable(reported, vmAttributes));
      summary = ColdMigration.withAsReportedSummary(summary, reportedSummary);
      evacuation =
          ColdMigration.withAsReportedEvacuation(
              evacuation, Feasibility.hostEvacuation(reportedSummary, hostTable, unevaluated));
    }
    Dataset<Row> vmSummary = cache(summary);
    Dataset<Row> hostEvacuation = cache(evacuation);
    Map<String, Long> feasibility =
        timer.time(
            "summarize",
            () -> {
              if (options.assumeStopped()) {
                whatIf.putAll(ColdMigration.gains(evaluated, vmSummary, hostEvacuation));
              }
              return RunCounts.feasibility(pools.pools(), vmSummary, hostEvacuation);
            });
    Map<String, Supplier<Dataset<Row>>> tables = new LinkedHashMap<>();
    long vms = fleet.get("vms");
    tables.put(ResultTables.VM_CLASSES, () -> ResultWriter.sortForWriting(vmTable, vms, "vm_id"));
    tables.put(ResultTables.HOST_CLASSES, () -> hostTable.coalesce(1));
    // Tables made on the driver are small: one ordered file each reads back in order.
    tables.put(ResultTables.POOLS, () -> pools.poolsTable().coalesce(1));
    tables.put(ResultTables.POOL_EDGES, () -> pools.edges().coalesce(1));
    tables.put(ResultTables.VM_SUMMARY, () -> ResultWriter.sortForWriting(vmSummary, vms, "vm_id"));
    tables.put(
        ResultTables.HOST_EVACUATION,
        () -> ResultWriter.sortForWriting(hostEvacuation, fleet.get("hosts"), "host_id"));
    tables.put(ResultTables.REJECTED, this::rejected);
    Map<String, Supplier<Long>> writes = toWrites(writer, tables);
    List<String> names = List.copyOf(writes.keySet());
    List<Long> rowCounts =
        timer.time("write", () -> ConcurrentJobs.run(names.stream().map(writes::get).toList()));
    Map<String, Long> written = new HashMap<>();
    for (BackgroundWrites w : background) {
      written.putAll(timer.time("write", w::await));
    }
    for (int i = 0; i < names.size(); i++) {
      written.put(names.get(i), rowCounts.get(i));
    }
    Map<String, Long> outputs = new LinkedHashMap<>();
    ResultTables.ALL.stream()
        .filter(written::containsKey)
        .forEach(name -> outputs.put(name, written.get(name)));
    if (outputs.size() != written.size()) {
      throw new IllegalStateException(
          "Tables written but not listed in ResultTables.ALL: " + written.keySet());
    }
    return manifest(options, outputs, fleet, feasibility, whatIf);
  }

  @Override
  public void close() {
    validated.values().forEach(ValidatedTable::release);
    classes.forEach(SystemClasses::release);
    cached.forEach(Dataset::unpersist);
    feasibilities.forEach(Feasibility::release);
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

  private Dataset<Row> acceptedOrNull(SnapshotTable table) {
    ValidatedTable t = validated.get(table);
    return t == null ? null : t.accepted();
  }

  private Dataset<Row> cache(Dataset<Row> d) {
    Dataset<Row> c = d.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(c);
    return c;
  }

  private Feasibility feasibility(
      FitMatrix fits, int[] poolOfHostClass, Map<String, Integer> hostClassOfHost) {
    Feasibility f = new Feasibility(spark, fits, poolOfHostClass, hostClassOfHost);
    feasibilities.add(f);
    return f;
  }

  /** {@code vm_id, vm_class, enabled_state, current_host_id}, one row per evaluated VM; lazy. */
  private static Dataset<Row> vmClassesTable(SystemClasses vmClasses, Dataset<Row> attributes) {
    Dataset<Row> members = vmClasses.membership();
    Dataset<Row> withAttributes =
        attributes == null
            ? members.selectExpr(
                "system_id",
                "class",
                "CAST(NULL AS INT) AS enabled_state",
                "CAST(NULL AS STRING) AS current_host_id")
            : members.join(attributes, new String[] {"system_id"}, "left");
    return withAttributes.select(
        col("system_id").as("vm_id"),
        col("class").as("vm_class"),
        col("enabled_state"),
        col("current_host_id"));
  }

  /**
   * {@code vm_id, current_host_id} of the VMs the raw {@code vms} rows place on a host that the run
   * does not count there: quarantined, without vector rows, or with conflicting {@code vms} rows. A
   * host running one cannot be called drainable.
   *
   * @param evaluated {@code vm_summary}: the VMs counted, with the host they are counted on
   */
  private Dataset<Row> unevaluatedVmsOnHosts(Dataset<Row> evaluated) {
    return inputs
        .optional(SnapshotTable.VMS)
        .filter(t -> t.hasColumn("current_host_id"))
        .map(
            t ->
                spark
                    .read()
                    .parquet(t.files().toArray(String[]::new))
                    .selectExpr(
                        "try_cast(vm_id AS STRING) AS vm_id",
                        "try_cast(current_host_id AS STRING) AS current_host_id")
                    .filter("vm_id IS NOT NULL AND current_host_id IS NOT NULL")
                    .distinct()
                    .join(
                        evaluated.select("vm_id", "current_host_id"),
                        new String[] {"vm_id", "current_host_id"},
                        "left_anti"))
        .orElse(spark.emptyDataFrame().selectExpr("'' AS vm_id", "'' AS current_host_id"));
  }

  /**
   * The cold-migration what-if needs to know which VMs run and which vectors apply only while they
   * do; without either it would silently report no gain.
   */
  private void requireWhatIfInputs() {
    if (catalog.entries().isEmpty()) {
      throw new FleetcompatException(
          ReturnCode.INVALID_PARAMETER,
          "--assume-stopped needs a vector catalog that marks running-only vectors; pass --catalog"
              + " FILE (jobs/fleetcompat passes conf/vector-catalog.json)");
    }
    boolean states =
        inputs.optional(SnapshotTable.VMS).map(t -> t.hasColumn("enabled_state")).orElse(false);
    if (!states) {
      throw new FleetcompatException(
          ReturnCode.INVALID_PARAMETER,
          "--assume-stopped needs the vms table with enabled_state in "
              + inputs.snapshot()
              + ", to know which VMs are running");
    }
  }

  /** Each accepted host's cluster, where the {@code hosts} table names one. */
  private Map<String, String> clusterOfHost() {
    Dataset<Row> hosts = acceptedOrNull(SnapshotTable.HOSTS);
    Map<String, String> clusters = new HashMap<>();
    if (hosts != null) {
      for (Row r :
          hosts.filter("cluster IS NOT NULL").select("system_id", "cluster").collectAsList()) {
        clusters.put(r.getString(0), r.getString(1));
      }
    }
    return clusters;
  }

  private static Map<String, Integer> hostClassOfHost(HostSide hosts) {
    Map<String, Integer> classOf = new HashMap<>();
    for (int c = 0; c < hosts.memberIds().size(); c++) {
      for (String id : hosts.memberIds().get(c)) {
        classOf.put(id, c);
      }
    }
    return classOf;
  }

  private Dataset<Row> rejected() {
    long rows = validated.values().stream().mapToLong(v -> v.accounting().rowsRejected()).sum();
    return ResultWriter.sortForWriting(
        validated.values().stream()
            .map(ValidatedTable::rejected)
            .reduce(Dataset::unionByName)
            .orElseThrow(),
        rows,
        "table",
        "system_id",
        "file",
        "row");
  }

  private Manifest manifest(
      RunOptions options,
      Map<String, Long> outputs,
      Map<String, Long> fleet,
      Map<String, Long> feasibility,
      Map<String, Long> whatIf) {
    Map<String, Manifest.InputTable> inputTables = new LinkedHashMap<>();
    validated.forEach(
        (table, v) ->
            inputTables.put(
                table.tableName(),
                Manifest.InputTable.of(inputs.required(table).files(), v.accounting())));
    Map<String, Object> optionMap = new LinkedHashMap<>();
    optionMap.put("pairs", options.writePairs());
    optionMap.put("assume_stopped", options.assumeStopped());
    optionMap.put("catalog_entries", catalog.entries().size());
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
        feasibility,
        whatIf,
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
}
