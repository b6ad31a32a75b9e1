package org.fleetcompat.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.io.LocalStorage;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotInspector;
import org.fleetcompat.job.RunJob;
import org.fleetcompat.job.RunOptions;
import org.fleetcompat.job.RunResult;
import org.fleetcompat.local.LocalRunner;

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
   * @param repeat how often the engine and the I/O floor are measured, taking turns (the naive
   *     plan, long, once); each is reported by its median
   */
  public record Options(
      BenchShape shape, Path workDir, boolean writePairs, boolean runNaive, int repeat) {}

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
    measureAll(spark, new Options(small, o.workDir(), o.writePairs(), true, 1));
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
    SnapshotInputs inputs = SnapshotInspector.inspect(LocalStorage.INSTANCE, fleet.toString());

    List<Run> engine = new ArrayList<>();
    List<RunResult> engineResults = new ArrayList<>();
    List<Run> naive = new ArrayList<>();
    List<Run> floor = new ArrayList<>();
    long pairs = -1;
    for (int i = 0; i < o.repeat(); i++) {
      String out = outs.resolve("engine-" + i).toString();
      engine.add(
          measure(
              () ->
                  engineResults.add(
                      RunJob.run(
                          new LocalRunner(),
                          new RunOptions(fleet.toString(), out, o.writePairs())))));
      pairs = engineResults.get(i).manifest().fleet().compatiblePairs();
      if (o.runNaive() && i == 0) {
        naive.add(
            measure(
                () ->
                    NaiveSqlMatrix.compatiblePairs(spark, inputs)
                        .write()
                        .parquet(outs.resolve("naive").toString())));
      }
      long floorPairs = o.writePairs() ? pairs : 0;
      String floorOut = outs.resolve("io-" + i).toString();
      floor.add(measure(() -> IoFloor.run(spark, inputs, floorPairs, floorOut)));
    }
    deleteTree(outs);
    List<BenchReport.Result> results = new ArrayList<>();
    results.add(result("engine", engine));
    if (!naive.isEmpty()) {
      results.add(result("naive-sql", naive));
    }
    results.add(result("io-floor", floor));
    RunResult median = engineResults.get(engine.indexOf(median(engine)));
    return new BenchReport(o.shape(), pairs, results, median.manifest().timingsMillis());
  }

  /** One measured run: wall time and peak heap. */
  private record Run(long elapsedNanos, long peakHeapBytes) {}

  /** The run of median wall time (the lower middle one of an even count). */
  private static Run median(List<Run> runs) {
    List<Run> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingLong(Run::elapsedNanos));
    return sorted.get((sorted.size() - 1) / 2);
  }

  private static BenchReport.Result result(String name, List<Run> runs) {
    return new BenchReport.Result(
        name,
        median(runs).elapsedNanos(),
        runs.stream().mapToLong(Run::peakHeapBytes).max().orElseThrow(),
        runs.stream().map(Run::elapsedNanos).toList());
  }

  private static Run measure(Runnable work) {
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    work.run();
    long elapsed = System.nanoTime() - start;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new Run(elapsed, peak);
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
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
