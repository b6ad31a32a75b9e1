package org.fleetcompat.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The in-process half of {@link BenchJob}: in this JVM, every contender once on the warm-up fleet,
 * then {@code repeat} turns of engine, DuckDB peer (and I/O floor, and the Spark runner), then the
 * naive plan once. Heap peaks per contender ({@link HeapPeak}); Spark jobs counted per engine run
 * on a session. The first turn's engine and peer outputs are kept for the check, the rest deleted.
 * Single-threaded.
 */
final class InProcessBench {
  /** The Spark runner's master when none is given: the issue-9 target is stated for local[2]. */
  static final String SPARK_RUNNER_MASTER = "local[2]";

  private InProcessBench() {}

  /**
   * What was measured.
   *
   * @param timings one per contender, the engine first
   * @param enginePhasesMillis the median engine run's manifest timings
   * @param peerStepNanos the median peer run's step times
   * @param sparkJobs Spark jobs per run (median run) of each engine contender that ran on Spark
   * @param vms VMs the peer found
   * @param hosts hosts the peer found
   */
  record Result(
      List<BenchReport.Timing> timings,
      Map<String, Long> enginePhasesMillis,
      Map<String, Long> peerStepNanos,
      Map<String, Integer> sparkJobs,
      long vms,
      long hosts) {}

  /** Runs the in-process part; {@code outs} receives {@code engine-0/} and {@code peer-0/}. */
  static Result measure(
      BenchJob.Options o,
      EngineCommandLine cli,
      Path fleet,
      Path warm,
      Path outs,
      PrintWriter progress) {
    BenchSpark shared = null;
    try {
      if (o.engineOnSpark()) {
        String master = o.master().orElse("local[*]");
        say(progress, "bench: starting a Spark session on " + master + " for the engine");
        shared = new BenchSpark(master);
      }
      EngineRunner engine = new EngineRunner(cli, o.pairs(), o.engine(), shared);
      boolean floor = o.extras().contains(BenchJob.Extra.IO_FLOOR);
      boolean sparkRunner = o.extras().contains(BenchJob.Extra.SPARK_RUNNER);
      String sparkMaster = o.master().orElse(SPARK_RUNNER_MASTER);

      say(progress, "bench: warming up every contender in process on " + warm);
      engine.run(warm, outs.resolve("warm-engine"));
      DuckDbPeer.Result warmPeer = peer(o, warm, outs.resolve("warm-peer"));
      if (floor) {
        floor(o, warm, warmPeer, outs.resolve("warm-floor"));
      }
      if (sparkRunner) {
        try (BenchSpark s = new BenchSpark(sparkMaster)) {
          sparkRunner(cli, o, s).run(warm, outs.resolve("warm-engine-spark"));
        }
      }
      BenchFiles.deleteTree(outs);

      Series engineSeries = new Series("engine");
      Series peerSeries = new Series("duckdb-peer");
      Series floorSeries = new Series("io-floor");
      Series sparkSeries = new Series("engine-spark");
      List<EngineRunner.Run> engineRuns = new ArrayList<>();
      List<EngineRunner.Run> sparkRuns = new ArrayList<>();
      List<DuckDbPeer.Result> peerRuns = new ArrayList<>();
      for (int i = 0; i < o.repeat(); i++) {
        Path engineOut = outs.resolve("engine-" + i);
        HeapPeak heap = HeapPeak.start();
        EngineRunner.Run e = engine.run(fleet, engineOut);
        engineSeries.add(e.elapsedNanos(), heap.peakBytes());
        engineRuns.add(e);

        Path peerOut = outs.resolve("peer-" + i);
        heap = HeapPeak.start();
        long start = System.nanoTime();
        DuckDbPeer.Result p = peer(o, fleet, peerOut);
        peerSeries.add(System.nanoTime() - start, heap.peakBytes());
        peerRuns.add(p);
        StringBuilder line =
            new StringBuilder(
                String.format(
                    Locale.ROOT,
                    "bench: in process %d/%d: engine %.2f s, duckdb-peer %.2f s",
                    i + 1,
                    o.repeat(),
                    e.elapsedNanos() / 1e9,
                    peerSeries.last() / 1e9));

        if (floor) {
          Path floorOut = outs.resolve("floor-" + i);
          heap = HeapPeak.start();
          start = System.nanoTime();
          floor(o, fleet, p, floorOut);
          floorSeries.add(System.nanoTime() - start, heap.peakBytes());
          BenchFiles.deleteTree(floorOut);
          line.append(String.format(Locale.ROOT, ", io-floor %.2f s", floorSeries.last() / 1e9));
        }
        if (sparkRunner) {
          // A session per turn, made before the clock starts, so the local runner's turns run
          // without a live session beside them.
          Path sparkOut = outs.resolve("engine-spark-" + i);
          try (BenchSpark s = new BenchSpark(sparkMaster)) {
            heap = HeapPeak.start();
            EngineRunner.Run r = sparkRunner(cli, o, s).run(fleet, sparkOut);
            sparkSeries.add(r.elapsedNanos(), heap.peakBytes());
            sparkRuns.add(r);
          }
          BenchFiles.deleteTree(sparkOut);
          line.append(
              String.format(
                  Locale.ROOT,
                  ", engine-spark %.2f s (%d Spark jobs)",
                  sparkSeries.last() / 1e9,
                  sparkRuns.get(i).sparkJobs()));
        }
        say(progress, line.toString());
        if (i > 0) {
          BenchFiles.deleteTree(engineOut);
          BenchFiles.deleteTree(peerOut);
        }
      }

      List<BenchReport.Timing> timings = new ArrayList<>();
      timings.add(engineSeries.timing());
      timings.add(peerSeries.timing());
      if (floor) {
        timings.add(floorSeries.timing());
      }
      Map<String, Integer> jobs = new LinkedHashMap<>();
      int median = engineSeries.medianIndex();
      if (shared != null) {
        jobs.put("engine", engineRuns.get(median).sparkJobs());
      }
      if (sparkRunner) {
        timings.add(sparkSeries.timing());
        jobs.put("engine-spark", sparkRuns.get(sparkSeries.medianIndex()).sparkJobs());
      }
      if (o.extras().contains(BenchJob.Extra.NAIVE_SQL)) {
        timings.add(naive(o, fleet, outs, shared, progress));
      }
      DuckDbPeer.Result first = peerRuns.get(0);
      return new Result(
          timings,
          engineRuns.get(median).phasesMillis(),
          peerRuns.get(peerSeries.medianIndex()).stepNanos(),
          jobs,
          first.vms(),
          first.hosts());
    } finally {
      if (shared != null) {
        shared.close();
      }
    }
  }

  /** The wall times and heap peaks of one contender's runs. */
  private static final class Series {
    final String name;
    final List<Long> nanos = new ArrayList<>();
    long peak = -1;

    Series(String name) {
      this.name = name;
    }

    void add(long elapsedNanos, long peakBytes) {
      nanos.add(elapsedNanos);
      peak = Math.max(peak, peakBytes);
    }

    long last() {
      return nanos.get(nanos.size() - 1);
    }

    /** The run of median wall time (the lower middle one of an even count). */
    int medianIndex() {
      List<Long> sorted = nanos.stream().sorted().toList();
      return nanos.indexOf(sorted.get((sorted.size() - 1) / 2));
    }

    BenchReport.Timing timing() {
      return new BenchReport.Timing(name, List.copyOf(nanos), peak);
    }
  }

  private static EngineRunner sparkRunner(
      EngineCommandLine cli, BenchJob.Options o, BenchSpark spark) {
    return new EngineRunner(cli, o.pairs(), java.util.Optional.of("spark"), spark);
  }

  private static BenchReport.Timing naive(
      BenchJob.Options o, Path fleet, Path outs, BenchSpark shared, PrintWriter progress) {
    say(progress, "bench: naive Spark SQL plan, once (VMs x hosts x vectors rows)");
    BenchSpark spark = shared != null ? shared : new BenchSpark(o.master().orElse("local[*]"));
    try {
      Path out = outs.resolve("naive");
      HeapPeak heap = HeapPeak.start();
      long start = System.nanoTime();
      NaiveSqlMatrix.write(spark.session(), fleet, out, o.pairs());
      long elapsed = System.nanoTime() - start;
      BenchFiles.deleteTree(out);
      return new BenchReport.Timing("naive-sql", List.of(elapsed), heap.peakBytes());
    } finally {
      if (spark != shared) {
        spark.close();
      }
    }
  }

  static DuckDbPeer.Result peer(BenchJob.Options o, Path snapshot, Path out) {
    try (Connection db = DuckDbPeer.connect(o.peerThreads())) {
      return DuckDbPeer.run(db, snapshot, out, o.output());
    } catch (SQLException e) {
      throw new IllegalStateException("The DuckDB peer failed: " + BenchJob.firstLine(e), e);
    }
  }

  /** The floor writes as many rows as the peer found: pairs, or one per VM without pairs. */
  private static void floor(BenchJob.Options o, Path snapshot, DuckDbPeer.Result peer, Path out) {
    long rows = o.pairs() ? peer.compatiblePairs() : peer.vms();
    try (Connection db = DuckDbPeer.connect(0)) {
      IoFloor.run(db, snapshot, rows, peer.hosts(), o.pairs(), out);
    } catch (SQLException e) {
      throw new IllegalStateException("The I/O floor failed: " + BenchJob.firstLine(e), e);
    }
  }

  private static void say(PrintWriter progress, String line) {
    progress.println(line);
    progress.flush();
  }
}
