package org.fleetcompat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.ResultTable;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.VectorRow;
import org.fleetcompat.io.WriteOptions;
import org.fleetcompat.pipeline.Runner;
import org.fleetcompat.reference.NestedLoopReference;
import org.fleetcompat.reference.RandomFleet;
import org.fleetcompat.reference.SnapshotRows;
import org.fleetcompat.spark.SparkRunner;
import org.fleetcompat.spark.SparkSessions;
import org.fleetcompat.spark.SparkTestSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RunJob} on a real multi-process Spark cluster gives exactly what the in-process runner
 * gives.
 *
 * <p>What it proves: the job does not depend on sharing the driver's JVM. On the {@value #MASTER}
 * master the driver starts a standalone master and two workers in-process, and each worker launches
 * its executor as a separate JVM (1 core, 1024 MB) from {@code $SPARK_HOME/jars} plus our classes
 * on {@code spark.executor.extraClassPath}. So every closure, the broadcast {@code HostClassIndex}
 * (with its BitSets) and every partition of the matrix are serialized, shipped and run elsewhere;
 * the shuffles between the two executors go over the network, and so do the results coming back to
 * the driver. A static field set on the driver that the executors would need, a closure that does
 * not serialize, a class the executors cannot load, or a result that depends on task placement
 * would fail here and not in the local-mode tests. The test also checks that the two executors are
 * JVMs other than the driver (their process ids) and that both ran tasks of the job.
 *
 * <p>It compares every result table (compatible_pairs, class_matrix, vm_classes, host_classes,
 * rejected, row for row, class numbers included) and the manifest's fleet counts, output counts and
 * per-table row accounting, on {@code data-samples/cpu-fleet} (which has rejected rows) and on a
 * seeded {@link RandomFleet} split into many part files, with exact duplicates and bad rows.
 *
 * <p>The reference is the in-process runner's result, computed first with no session (the shared
 * {@link SparkTestSession} is stopped: only one SparkContext may run per JVM); the two results must
 * be the same files byte for byte ({@link SameResults}). The cluster session is stopped after the
 * class, so later test classes get a fresh local one. Needs {@code SPARK_HOME}, {@code
 * SPARK_SCALA_VERSION} and {@code fleetcompat.test.executorJavaOptions}, which the pom sets for
 * surefire: run it with {@code mvn test -Dtest=ClusterModeTest}. If the cluster cannot start, the
 * test fails (at the first executor relaunch, or after a minute) and prints the executors' output.
 */
class ClusterModeTest {
  private static final String MASTER = "local-cluster[2,1,1024]";
  private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  private static final String CPU_FLEET = "cpu-fleet";
  private static final String RANDOM_FLEET = "random-sparse-seed-21";
  private static final List<String> TABLES =
      List.of(
          ResultTable.COMPATIBLE_PAIRS.tableName(),
          ResultTable.CLASS_MATRIX.tableName(),
          ResultTable.VM_CLASSES.tableName(),
          ResultTable.HOST_CLASSES.tableName(),
          ResultTable.POOLS.tableName(),
          ResultTable.POOL_EDGES.tableName(),
          ResultTable.VM_SUMMARY.tableName(),
          ResultTable.HOST_EVACUATION.tableName(),
          ResultTable.BLOCKERS.tableName(),
          ResultTable.BLOCKERS_BY_POOL.tableName(),
          ResultTable.REJECTED.tableName());
  private static final long EXECUTOR_START_TIMEOUT_MILLIS = 60_000;
  private static final int DIFFERENCES_SHOWN = 10;

  /**
   * Short-lived executors on a 2-core machine: C1 only and the serial collector spare the CPU that
   * two more JVMs would spend on C2 compiles and GC threads (a third of the test's time).
   */
  private static final String EXECUTOR_JVM_TUNING =
      "-Duser.timezone=UTC -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  @TempDir static Path tmp;

  private static final Map<String, Outcome> LOCAL = new LinkedHashMap<>();
  private static final Map<String, Outcome> CLUSTER = new LinkedHashMap<>();
  private static final Map<String, String> LOCAL_DIRS = new LinkedHashMap<>();
  private static final Map<String, String> CLUSTER_DIRS = new LinkedHashMap<>();
  private static final Set<String> EXECUTORS_WITH_TASKS = ConcurrentHashMap.newKeySet();
  private static Set<Long> executorPids = Set.of();

  /** What one run produced: its manifest and every result table as sorted row strings. */
  private record Outcome(Manifest manifest, Map<String, List<String>> tables) {}

  static List<String> snapshots() {
    return List.of(CPU_FLEET, RANDOM_FLEET);
  }

  @BeforeAll
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  static void runEverySnapshotLocallyThenOnTheCluster() {
    Map<String, Path> snapshots = new LinkedHashMap<>();
    snapshots.put(CPU_FLEET, ROOT.resolve("data-samples/cpu-fleet"));
    snapshots.put(RANDOM_FLEET, writeRandomFleet(tmp.resolve(RANDOM_FLEET)));

    // The reference result: the in-process runner, which needs no session at all.
    stopEverySession();
    Map<String, RunResult> inProcess = new LinkedHashMap<>();
    snapshots.forEach(
        (name, dir) ->
            inProcess.put(
                name,
                RunnerKind.LOCAL.run(
                    new RunOptions(
                        dir.toString(), tmp.resolve("local-" + name).toString(), true))));

    SparkSession cluster = startCluster();
    cluster
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
                EXECUTORS_WITH_TASKS.add(taskEnd.taskInfo().executorId());
              }
            });
    executorPids = executorPids(cluster);
    snapshots.forEach(
        (name, dir) -> {
          RunResult onCluster;
          try (Runner runner = new SparkRunner(cluster)) {
            onCluster =
                RunJob.run(
                    runner,
                    new RunOptions(
                        dir.toString(), tmp.resolve("cluster-" + name).toString(), true));
          }
          CLUSTER_DIRS.put(name, onCluster.outDir());
          CLUSTER.put(name, outcome(cluster, onCluster));
          LOCAL_DIRS.put(name, inProcess.get(name).outDir());
          LOCAL.put(name, outcome(cluster, inProcess.get(name)));
        });
  }

  @AfterAll
  static void stopTheCluster() {
    stopEverySession();
  }

  @Test
  void executorsAreTwoJvmsOtherThanTheDriver() {
    assertThat(executorPids)
        .as("process ids of the JVMs that ran 8 tasks on " + MASTER)
        .hasSize(2)
        .doesNotContain(ProcessHandle.current().pid());
  }

  @Test
  void bothExecutorsRanTasksOfTheJob() throws InterruptedException {
    // Task-end events reach the listener asynchronously; the jobs have all ended by now.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!EXECUTORS_WITH_TASKS.containsAll(Set.of("0", "1")) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(EXECUTORS_WITH_TASKS).as("executors that ran tasks").contains("0", "1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("snapshots")
  void theClusterWritesTheInProcessResultByteForByte(String snapshot) {
    SameResults.assertSame(
        snapshot + ": in-process vs " + MASTER,
        LOCAL_DIRS.get(snapshot),
        CLUSTER_DIRS.get(snapshot));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("snapshots")
  void everyResultTableIsTheSameRowForRow(String snapshot) {
    Outcome local = LOCAL.get(snapshot);
    Outcome cluster = CLUSTER.get(snapshot);
    for (String table : TABLES) {
      assertSameRows(
          snapshot + " " + table, local.tables().get(table), cluster.tables().get(table));
    }
    assertThat(local.tables().get(ResultTable.COMPATIBLE_PAIRS.tableName()))
        .as("pairs")
        .isNotEmpty();
    assertThat(local.tables().get(ResultTable.REJECTED.tableName()))
        .as("rejected rows")
        .isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("snapshots")
  void manifestCountsAndAccountingAreTheSame(String snapshot) {
    Manifest local = LOCAL.get(snapshot).manifest();
    Manifest cluster = CLUSTER.get(snapshot).manifest();
    assertThat(cluster.statusCode()).as(snapshot + " status").isZero();
    assertThat(cluster.fleet()).as(snapshot + " fleet counts").isEqualTo(local.fleet());
    assertThat(cluster.feasibility())
        .as(snapshot + " feasibility counts")
        .isEqualTo(local.feasibility());
    assertThat(cluster.outputs()).as(snapshot + " output row counts").isEqualTo(local.outputs());
    assertThat(cluster.inputs()).as(snapshot + " inputs and accounting").isEqualTo(local.inputs());
    assertThat(cluster.inputs().values()).allMatch(Manifest.InputTable::balanced);
  }

  private static Outcome outcome(SparkSession spark, RunResult result) {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String table : TABLES) {
      tables.put(
          table,
          spark.read().parquet(result.outDir() + "/" + table).collectAsList().stream()
              .map(Row::toString)
              .sorted()
              .toList());
    }
    return new Outcome(result.manifest(), tables);
  }

  private static void assertSameRows(String what, List<String> local, List<String> cluster) {
    if (local.equals(cluster)) {
      return;
    }
    Set<String> onlyLocal = new TreeSet<>(local);
    onlyLocal.removeAll(cluster);
    Set<String> onlyCluster = new TreeSet<>(cluster);
    onlyCluster.removeAll(local);
    fail(
        "%s: local has %d rows, cluster %d; only local (first %d): %s; only cluster: %s",
        what,
        local.size(),
        cluster.size(),
        DIFFERENCES_SHOWN,
        onlyLocal.stream().limit(DIFFERENCES_SHOWN).toList(),
        onlyCluster.stream().limit(DIFFERENCES_SHOWN).toList());
  }

  /**
   * Starts the cluster and waits until both executors have registered; fails (with the executors'
   * standard error) if they do not.
   */
  private static SparkSession startCluster() {
    String sparkHome = System.getenv("SPARK_HOME");
    String javaOptions = System.getProperty("fleetcompat.test.executorJavaOptions");
    assertThat(sparkHome)
        .as("SPARK_HOME (set by the pom for surefire: run with mvn test -Dtest=ClusterModeTest)")
        .isNotBlank();
    assertThat(Path.of(sparkHome, "jars"))
        .as("$SPARK_HOME/jars")
        .isDirectoryContaining("glob:**.jar");
    assertThat(System.getenv("SPARK_SCALA_VERSION")).as("SPARK_SCALA_VERSION").isNotBlank();
    assertThat(javaOptions).as("fleetcompat.test.executorJavaOptions").isNotBlank();

    String classPath =
        Stream.of("target/classes", "target/test-classes")
            .map(p -> ROOT.resolve(p).toString())
            .collect(Collectors.joining(File.pathSeparator));
    SparkSession spark =
        SparkSessions.create(
            MASTER,
            Map.of(
                "spark.executor.extraClassPath",
                classPath,
                "spark.executor.extraJavaOptions",
                javaOptions + " " + EXECUTOR_JVM_TUNING,
                "spark.sql.shuffle.partitions",
                "2",
                "spark.sql.warehouse.dir",
                "target/spark-warehouse",
                "spark.local.dir",
                ROOT.resolve("target/spark-local").toString()));
    assertThat(spark.sparkContext().master()).isEqualTo(MASTER);
    Path work = Path.of(sparkHome, "work", spark.sparkContext().applicationId());
    long deadline = System.currentTimeMillis() + EXECUTOR_START_TIMEOUT_MILLIS;
    // The driver counts as an executor in the status tracker: 3 = driver + 2 executors.
    while (spark.sparkContext().statusTracker().getExecutorInfos().length < 3) {
      // A worker relaunches an executor that died at once, again and again: stop at the first.
      boolean relaunched = executorsLaunched(work) > 2;
      if (relaunched || System.currentTimeMillis() > deadline) {
        String logs = executorLogs(work);
        stopEverySession();
        fail(
            "The %s cluster did not start: %s. The first executors' output:%n%s",
            MASTER,
            relaunched
                ? "its executor JVMs exited and were launched again"
                : "2 executors did not register within "
                    + EXECUTOR_START_TIMEOUT_MILLIS / 1000
                    + " s",
            logs);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted waiting for executors", e);
      }
    }
    return spark;
  }

  /** The process ids of the JVMs that run 8 one-row tasks. */
  private static Set<Long> executorPids(SparkSession spark) {
    MapPartitionsFunction<Long, Long> pid =
        rows -> List.of(ProcessHandle.current().pid()).iterator();
    return new TreeSet<>(
        spark
            .range(0, 8, 1, 8)
            .as(Encoders.LONG())
            .mapPartitions(pid, Encoders.LONG())
            .collectAsList());
  }

  /** Stops the active and the default session (at most one SparkContext runs per JVM). */
  private static void stopEverySession() {
    SparkSession.getActiveSession().foreach(s -> stop(s));
    SparkSession.getDefaultSession().foreach(s -> stop(s));
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  private static Object stop(SparkSession session) {
    session.stop();
    return null;
  }

  /** How many executors the workers have launched for the application (one directory each). */
  private static long executorsLaunched(Path work) {
    if (!Files.isDirectory(work)) {
      return 0;
    }
    try (Stream<Path> dirs = Files.list(work)) {
      return dirs.filter(Files::isDirectory).count();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list executor directories in " + work, e);
    }
  }

  /** The tails of the stdout and stderr of executors 0 and 1 of the application. */
  private static String executorLogs(Path work) {
    StringBuilder s = new StringBuilder();
    for (String executor : List.of("0", "1")) {
      for (String stream : List.of("stdout", "stderr")) {
        Path f = work.resolve(executor).resolve(stream);
        s.append("== ").append(f).append('\n');
        if (!Files.isRegularFile(f)) {
          s.append("(none: the worker did not launch this executor)\n");
          continue;
        }
        try {
          List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
          lines
              .subList(Math.max(0, lines.size() - 30), lines.size())
              .forEach(l -> s.append(l).append('\n'));
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read executor log " + f, e);
        }
      }
    }
    return s.toString();
  }

  /**
   * A seeded SPARSE fleet in 300-row part files: exact duplicates on the VM side, one VM with an
   * unknown operation and one host with a conflicting duplicate (both quarantined).
   */
  private static Path writeRandomFleet(Path dir) {
    RandomFleet fleet = RandomFleet.generate(21L, RandomFleet.Shape.SPARSE, 600, 80);
    List<VectorRow> vms = SnapshotRows.of(fleet.vms(), true);
    vms.add(VectorRow.of("vm0003", 0x1234, 12, 1)); // unknown operation
    List<VectorRow> hosts = SnapshotRows.of(fleet.hosts(), false);
    VectorRow first = hosts.get(0);
    BigInteger other = first.value().add(BigInteger.ONE).mod(NestedLoopReference.TWO_TO_64);
    hosts.add(new VectorRow(first.systemId(), first.vectorId(), first.compareOperation(), other));
    WriteOptions options = WriteOptions.defaults().withRowsPerFile(300);
    SnapshotTableWriter.writeVectors(dir, SnapshotTable.VM_VECTORS, vms, options);
    SnapshotTableWriter.writeVectors(dir, SnapshotTable.HOST_VECTORS, hosts, options);
    return dir;
  }
}
