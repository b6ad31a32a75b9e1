package org.fleetcompat.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotInspector;

/**
 * {@code fleetcompat bench}: in one JVM, on one synthetic fleet, times the engine ({@code run}),
 * the naive Spark SQL join-and-compare writing the same pairs, and the I/O floor (Spark reading the
 * same inputs and writing as many pairs), and reports wall time, pairs per second, peak heap and
 * the ratios. Fleets are generated once under the work directory and reused.
 */
public final class BenchJob {
  private BenchJob() {}

  /**
   * What to measure.
   *
   * @param shape the fleet
   * @param workDir where fleets and outputs go (fleets are kept and reused)
   * @param writePairs whether the engine writes {@code compatible_pairs} (the I/O floor writes as
   *     many rows only then)
   * @param runNaive whether to run the naive plan (it can take very long on large fleets)
   */
  public record Options(BenchShape shape, Path workDir, boolean writePairs, boolean runNaive) {}

  /**
   * Runs the benchmark: first every contender once on a fleet 50 times smaller, so JIT compilation
   * and Spark's code generation are paid before any clock starts, then each measured once on the
   * fleet.
   */
  public static BenchReport run(SparkSession spark, Options o) {
    BenchShape s = o.shape();
    BenchShape small =
        new BenchShape(
            Math.max(100, s.vms() / 50),
            Math.max(20, s.hosts() / 50),
            s.vectors(),
            Math.min(s.vmClasses(), Math.max(100, s.vms() / 50)),
            Math.min(s.hostClasses(), Math.max(20, s.hosts() / 50)));
    measureAll(spark, new Options(small, o.workDir(), o.writePairs(), true));
    return measureAll(spark, o);
  }

  private static BenchReport measureAll(SparkSession spark, Options o) {
    Path fleet = o.workDir().resolve("fleet-" + o.shape().label());
    Path done = fleet.resolve("_GENERATED");
    if (!Files.exists(done)) {
      BenchFleetWriter.write(spark, o.shape(), fleet.toString());
      touch(done);
    }
    Path outs = o.workDir().resolve("out-" + o.shape().label());
    deleteTree(outs);
    SnapshotInputs inputs =
        SnapshotInspector.inspect(fleet.toString(), spark.sparkContext().hadoopConfiguration());

    List<BenchReport.Result> results = new ArrayList<>();
    RunResult[] engine = new RunResult[1];
    results.add(
        measure(
            "engine",
            () ->
                engine[0] =
                    RunJob.run(
                        spark,
                        new RunOptions(
                            fleet.toString(), outs.resolve("engine").toString(), o.writePairs()))));
    long pairs = engine[0].manifest().fleet().get("compatible_pairs");
    if (o.runNaive()) {
      results.add(
          measure(
              "naive-sql",
              () -> {
                NaiveSqlMatrix.compatiblePairs(spark, inputs)
                    .write()
                    .parquet(outs.resolve("naive").toString());
                return null;
              }));
    }
    results.add(
        measure(
            "io-floor",
            () -> {
              IoFloor.run(spark, inputs, o.writePairs() ? pairs : 0, outs.resolve("io").toString());
              return null;
            }));
    deleteTree(outs);
    return new BenchReport(o.shape(), pairs, results, engine[0].manifest().timingsMillis());
  }

  private static BenchReport.Result measure(String name, Supplier<?> work) {
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    work.get();
    long elapsed = System.nanoTime() - start;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new BenchReport.Result(name, elapsed, peak);
  }

  private static void touch(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
