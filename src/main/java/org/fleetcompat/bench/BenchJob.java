package org.fleetcompat.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code fleetcompat bench}: on one fleet, times the engine's {@code run} against the DuckDB peer
 * ({@link DuckDbPeer}) and, where asked, the naive Spark SQL plan and the I/O floor, in one report:
 *
 * <ul>
 *   <li><b>in process</b>: in this JVM, after a warm-up of every contender on a fleet 50 times
 *       smaller, {@code repeat} turns of engine, peer (and floor); the naive plan once. The engine
 *       runs through its command line ({@link EngineCommandLine}), exactly as {@code
 *       jobs/fleetcompat run}; with {@code --engine spark} or a master URL, on a Spark session made
 *       here first, whose jobs are counted.
 *   <li><b>whole process</b>: {@code processRepeat} alternating runs of {@code jobs/fleetcompat
 *       run} and of the peer's own JVM ({@code java -cp ... DuckDbPeer}), timed from the outside
 *       with their peak RSS ({@link ChildProcess}).
 * </ul>
 *
 * Then it checks that the engine and the peer wrote the same rows ({@link OutputCheck}). Synthetic
 * fleets are written once under the work directory and reused; outputs are deleted after each run.
 * Single-threaded; progress goes to the given writer.
 */
public final class BenchJob {
  /** What the fleet marker file holds: a fleet written by another model is written again. */
  private static final String FLEET_MARKER = "BenchFleetWriter 2 (SnapshotTableWriter parts) ";

  private static final int WARM_UP_FACTOR = 50;

  private BenchJob() {}

  /** The optional contenders. */
  public enum Extra {
    /** The naive Spark SQL join-and-compare (very slow on large fleets: measured once). */
    NAIVE_SQL,
    /** DuckDB reading the inputs and writing as many rows as the engine. */
    IO_FLOOR
  }

  /**
   * Where the fleet comes from: a synthetic shape or an existing snapshot.
   *
   * @param name the preset name or label shown in the report
   * @param shape the synthetic fleet, or empty
   * @param snapshot an existing local snapshot directory, or empty
   */
  public record Fleet(String name, Optional<BenchShape> shape, Optional<Path> snapshot) {
    /** Exactly one source. */
    public Fleet {
      if (shape.isPresent() == snapshot.isPresent()) {
        throw new IllegalArgumentException("A bench fleet is either a shape or a snapshot");
      }
    }
  }

  /**
   * What to measure.
   *
   * @param fleet the fleet
   * @param output what engine and peer write: pairs ({@code --pairs}) or per-VM host counts
   * @param engine {@code --engine} for {@code run} ({@code local} or {@code spark}), or empty to
   *     pass none
   * @param master {@code --master} for {@code run}, or empty
   * @param extras the optional contenders to run in process
   * @param repeat in-process turns (0: skip the in-process figures)
   * @param processRepeat whole-process runs of each (0: skip them)
   * @param peerThreads DuckDB threads for the peer, 0 for DuckDB's default (every core)
   * @param processJavaOpts {@code FLEETCOMPAT_JAVA_OPTS} for the engine's processes, or empty for
   *     the launcher's default
   * @param workDir fleets (kept) and scratch outputs (deleted)
   * @param projectDir the directory holding {@code jobs/fleetcompat} and {@code data-samples/}
   */
  public record Options(
      Fleet fleet,
      DuckDbPeer.Output output,
      Optional<String> engine,
      Optional<String> master,
      Set<Extra> extras,
      int repeat,
      int processRepeat,
      int peerThreads,
      Optional<String> processJavaOpts,
      Path workDir,
      Path projectDir) {

    /** Copies {@code extras}. */
    public Options {
      extras = extras.isEmpty() ? EnumSet.noneOf(Extra.class) : EnumSet.copyOf(extras);
    }

    boolean pairs() {
      return output == DuckDbPeer.Output.COMPATIBLE_PAIRS;
    }

    /** Whether the engine runs on a Spark session (so one is made for it in process). */
    boolean engineOnSpark() {
      return engine.map("spark"::equals).orElse(false) || master.isPresent();
    }

    /** The options passed to {@code run} beyond snapshot, out and pairs. */
    List<String> runFlags() {
      List<String> flags = new ArrayList<>();
      engine.ifPresent(e -> flags.addAll(List.of("--engine", e)));
      master.ifPresent(m -> flags.addAll(List.of("--master", m)));
      return flags;
    }
  }

  /**
   * The project directory of the running code: the parent of {@code target/classes} when the
   * classes come from there (as with {@code jobs/fleetcompat}), else the working directory.
   */
  public static Path projectDir() {
    try {
      Path classes =
          Path.of(BenchJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path home = classes.getParent() == null ? null : classes.getParent().getParent();
      if (home != null && Files.isRegularFile(home.resolve("jobs/fleetcompat"))) {
        return home;
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall back to the working directory
    }
    return Path.of("").toAbsolutePath();
  }

  /**
   * Runs the benchmark and returns its report.
   *
   * @param cli the engine's command line, run in this JVM
   * @param progress one line per step, as it goes
   * @throws IllegalStateException with a one-line reason if a contender fails
   */
  public static BenchReport run(Options o, EngineCommandLine cli, PrintWriter progress) {
    Path fleet = prepare(o, o.fleet(), progress);
    Path outs = o.workDir().resolve("out-" + fleet.getFileName());
    BenchFiles.deleteTree(outs);
    String description = o.fleet().shape().map(BenchJob::describe).orElse("snapshot " + fleet);
    BenchSpark spark = null;
    try {
      InProcess in = new InProcess();
      if (o.repeat() > 0) {
        if (o.engineOnSpark() || o.extras().contains(Extra.NAIVE_SQL)) {
          String master = o.master().orElse("local[*]");
          progress.println("bench: starting a Spark session on " + master);
          progress.flush();
          spark = new BenchSpark(master);
        }
        in = measureInProcess(o, cli, spark, fleet, outs, progress);
      }
      List<BenchReport.Timing> whole = new ArrayList<>();
      Path engineOut = outs.resolve("engine-0");
      Path peerOut = outs.resolve("peer-0");
      if (o.processRepeat() > 0) {
        whole = measureWholeProcess(o, fleet, outs, o.repeat() == 0, progress);
        if (o.repeat() == 0) {
          engineOut = outs.resolve("process-engine-0");
          peerOut = outs.resolve("process-peer-0");
        }
      }
      long pairs;
      String check;
      long vms;
      long hosts;
      try (Connection db = DuckDbPeer.connect(o.peerThreads())) {
        pairs = OutputCheck.compatiblePairs(db, engineOut, o.pairs());
        check = OutputCheck.compare(db, engineOut, peerOut, o.pairs()).describe();
        long[] counts = in.peerCounts.orElse(null);
        if (counts == null) {
          DuckDbPeer.Result r =
              DuckDbPeer.run(
                  db, fleet, outs.resolve("counts"), DuckDbPeer.Output.VM_COMPATIBLE_HOSTS);
          counts = new long[] {r.vms(), r.hosts()};
        }
        vms = counts[0];
        hosts = counts[1];
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot compare the outputs: " + firstLine(e), e);
      }
      BenchFiles.deleteTree(outs);
      if (o.fleet().snapshot().isPresent()) {
        description =
            String.format(
                Locale.ROOT,
                "snapshot %s (%,d VMs x %,d hosts with vector rows, bad rows included)",
                fleet,
                vms,
                hosts);
      }
      return new BenchReport(
          o.fleet().name(),
          o.fleet().shape().map(BenchShape::label).orElse(fleet.getFileName().toString()),
          vms,
          hosts,
          description,
          o.pairs(),
          String.join(" ", o.runFlags()),
          pairs,
          check,
          in.timings,
          whole,
          in.enginePhasesMillis,
          in.peerStepNanos,
          in.sparkJobs,
          ChildProcess.rssMethod());
    } finally {
      if (spark != null) {
        spark.close();
      }
    }
  }

  /** What the in-process part measured. */
  private static final class InProcess {
    List<BenchReport.Timing> timings = List.of();
    Map<String, Long> enginePhasesMillis = Map.of();
    Map<String, Long> peerStepNanos = Map.of();
    OptionalInt sparkJobs = OptionalInt.empty();
    Optional<long[]> peerCounts = Optional.empty();
  }

  private static InProcess measureInProcess(
      Options o,
      EngineCommandLine cli,
      BenchSpark spark,
      Path fleet,
      Path outs,
      PrintWriter progress) {
    EngineRunner engine = new EngineRunner(cli, o, spark);
    Path warm =
        o.fleet().shape().isPresent()
            ? prepare(
                o,
                new Fleet(
                    "warm-up",
                    Optional.of(o.fleet().shape().get().shrunk(WARM_UP_FACTOR)),
                    Optional.empty()),
                progress)
            : fleet;
    progress.println("bench: warming up every contender in process on " + warm);
    progress.flush();
    long warmPairs = engine.run(warm, outs.resolve("warm-engine")).compatiblePairs();
    peer(o, warm, outs.resolve("warm-peer"));
    if (o.extras().contains(Extra.IO_FLOOR)) {
      floor(o, warm, warmPairs, outs.resolve("warm-floor"));
    }
    BenchFiles.deleteTree(outs);

    List<Long> engineNanos = new ArrayList<>();
    List<Long> peerNanos = new ArrayList<>();
    List<Long> floorNanos = new ArrayList<>();
    long enginePeak = -1;
    long peerPeak = -1;
    long floorPeak = -1;
    List<EngineRunner.Run> engineRuns = new ArrayList<>();
    List<DuckDbPeer.Result> peerRuns = new ArrayList<>();
    for (int i = 0; i < o.repeat(); i++) {
      Path engineOut = outs.resolve("engine-" + i);
      HeapPeak heap = HeapPeak.start();
      EngineRunner.Run e = engine.run(fleet, engineOut);
      enginePeak = Math.max(enginePeak, heap.peakBytes());
      engineRuns.add(e);
      engineNanos.add(e.elapsedNanos());

      Path peerOut = outs.resolve("peer-" + i);
      heap = HeapPeak.start();
      long start = System.nanoTime();
      DuckDbPeer.Result p = peer(o, fleet, peerOut);
      peerNanos.add(System.nanoTime() - start);
      peerPeak = Math.max(peerPeak, heap.peakBytes());
      peerRuns.add(p);

      String line =
          String.format(
              Locale.ROOT,
              "bench: in process %d/%d: engine %.2f s, duckdb-peer %.2f s",
              i + 1,
              o.repeat(),
              engineNanos.get(i) / 1e9,
              peerNanos.get(i) / 1e9);
      if (o.extras().contains(Extra.IO_FLOOR)) {
        long rows = o.pairs() ? p.compatiblePairs() : p.vms();
        heap = HeapPeak.start();
        start = System.nanoTime();
        floor(o, fleet, rows, outs.resolve("floor-" + i));
        floorNanos.add(System.nanoTime() - start);
        floorPeak = Math.max(floorPeak, heap.peakBytes());
        BenchFiles.deleteTree(outs.resolve("floor-" + i));
        line += String.format(Locale.ROOT, ", io-floor %.2f s", floorNanos.get(i) / 1e9);
      }
      progress.println(line);
      progress.flush();
      if (i > 0) {
        BenchFiles.deleteTree(engineOut);
        BenchFiles.deleteTree(peerOut);
      }
    }
    InProcess in = new InProcess();
    List<BenchReport.Timing> timings = new ArrayList<>();
    timings.add(new BenchReport.Timing("engine", engineNanos, enginePeak));
    timings.add(new BenchReport.Timing("duckdb-peer", peerNanos, peerPeak));
    if (!floorNanos.isEmpty()) {
      timings.add(new BenchReport.Timing("io-floor", floorNanos, floorPeak));
    }
    if (o.extras().contains(Extra.NAIVE_SQL)) {
      progress.println("bench: naive Spark SQL plan, once (VMs x hosts x vectors rows)");
      progress.flush();
      Path naiveOut = outs.resolve("naive");
      HeapPeak heap = HeapPeak.start();
      long start = System.nanoTime();
      NaiveSqlMatrix.write(spark.session(), fleet, naiveOut, o.pairs());
      long naive = System.nanoTime() - start;
      timings.add(new BenchReport.Timing("naive-sql", List.of(naive), heap.peakBytes()));
      BenchFiles.deleteTree(naiveOut);
    }
    in.timings = timings;
    int median = medianIndex(engineNanos);
    in.enginePhasesMillis = engineRuns.get(median).phasesMillis();
    in.peerStepNanos = peerRuns.get(medianIndex(peerNanos)).stepNanos();
    if (spark != null && o.engineOnSpark()) {
      in.sparkJobs = OptionalInt.of(engineRuns.get(median).sparkJobs());
    }
    DuckDbPeer.Result first = peerRuns.get(0);
    in.peerCounts = Optional.of(new long[] {first.vms(), first.hosts()});
    return in;
  }

  private static List<BenchReport.Timing> measureWholeProcess(
      Options o, Path fleet, Path outs, boolean keepFirst, PrintWriter progress) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String peerClasspath = peerClasspath();
    Map<String, String> engineEnv = new HashMap<>();
    engineEnv.put("FLEETCOMPAT_JAVA_OPTS", o.processJavaOpts().orElse(null));
    List<Long> engineNanos = new ArrayList<>();
    List<Long> peerNanos = new ArrayList<>();
    long enginePeak = -1;
    long peerPeak = -1;
    for (int i = 0; i < o.processRepeat(); i++) {
      Path engineOut = outs.resolve("process-engine-" + i);
      List<String> engine = new ArrayList<>();
      engine.add(o.projectDir().resolve("jobs/fleetcompat").toString());
      engine.addAll(List.of("run", "--snapshot", fleet.toString(), "--out", engineOut.toString()));
      if (o.pairs()) {
        engine.add("--pairs");
      }
      engine.addAll(o.runFlags());
      ChildProcess.Run e =
          ChildProcess.run(engine, engineEnv, o.projectDir(), outs.resolve("logs/engine-" + i));
      if (e.exitCode() != 0) {
        throw new IllegalStateException(
            "jobs/fleetcompat run failed with exit code "
                + e.exitCode()
                + ": "
                + e.lastErrorLine()
                + " (command: "
                + String.join(" ", engine.subList(1, engine.size()))
                + ")");
      }
      engineNanos.add(e.elapsedNanos());
      enginePeak = Math.max(enginePeak, e.peakRssBytes());

      Path peerOut = outs.resolve("process-peer-" + i);
      List<String> peer = new ArrayList<>();
      peer.addAll(
          List.of(
              java.toString(),
              "-cp",
              peerClasspath,
              DuckDbPeer.class.getName(),
              "--snapshot",
              fleet.toString(),
              "--out",
              peerOut.toString()));
      if (o.pairs()) {
        peer.add("--pairs");
      }
      if (o.peerThreads() > 0) {
        peer.addAll(List.of("--threads", Integer.toString(o.peerThreads())));
      }
      ChildProcess.Run p =
          ChildProcess.run(peer, Map.of(), o.projectDir(), outs.resolve("logs/peer-" + i));
      if (p.exitCode() != 0) {
        throw new IllegalStateException(
            "The DuckDB peer's process failed with exit code "
                + p.exitCode()
                + ": "
                + p.lastErrorLine());
      }
      peerNanos.add(p.elapsedNanos());
      peerPeak = Math.max(peerPeak, p.peakRssBytes());
      progress.println(
          String.format(
              Locale.ROOT,
              "bench: whole process %d/%d: engine %.2f s (peak RSS %s MiB), duckdb-peer %.2f s"
                  + " (peak RSS %s MiB)",
              i + 1,
              o.processRepeat(),
              e.elapsedNanos() / 1e9,
              e.peakRssBytes() < 0 ? "?" : Long.toString(e.peakRssBytes() >> 20),
              p.elapsedNanos() / 1e9,
              p.peakRssBytes() < 0 ? "?" : Long.toString(p.peakRssBytes() >> 20)));
      progress.flush();
      if (!(keepFirst && i == 0)) {
        BenchFiles.deleteTree(engineOut);
        BenchFiles.deleteTree(peerOut);
      }
    }
    return List.of(
        new BenchReport.Timing("engine", engineNanos, enginePeak),
        new BenchReport.Timing("duckdb-peer", peerNanos, peerPeak));
  }

  /**
   * The class path of the peer's own JVM: this code's classes and DuckDB's JDBC driver, nothing
   * else (no Spark), so its start costs what a small JDBC program's does.
   */
  private static String peerClasspath() {
    try {
      Class<?> driver = Class.forName("org.duckdb.DuckDBDriver");
      return Path.of(DuckDbPeer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          + java.io.File.pathSeparator
          + Path.of(driver.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "DuckDB's JDBC driver is not on the class path: run `mvn -B -q package -DskipTests`"
              + " (it writes target/bench-classpath.txt) and start the benchmark with"
              + " jobs/fleetcompat bench",
          e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the peer's classes: " + e.getMessage(), e);
    }
  }

  private static DuckDbPeer.Result peer(Options o, Path snapshot, Path out) {
    try (Connection db = DuckDbPeer.connect(o.peerThreads())) {
      return DuckDbPeer.run(db, snapshot, out, o.output());
    } catch (SQLException e) {
      throw new IllegalStateException("The DuckDB peer failed: " + firstLine(e), e);
    }
  }

  private static void floor(Options o, Path snapshot, long rows, Path out) {
    try (Connection db = DuckDbPeer.connect(0)) {
      IoFloor.run(db, snapshot, rows, o.pairs(), out);
    } catch (SQLException e) {
      throw new IllegalStateException("The I/O floor failed: " + firstLine(e), e);
    }
  }

  /** The fleet's snapshot directory: a synthetic fleet is written there first unless it is. */
  private static Path prepare(Options o, Fleet f, PrintWriter progress) {
    if (f.snapshot().isPresent()) {
      Path s = f.snapshot().get();
      Path resolved = s.isAbsolute() || Files.isDirectory(s) ? s : o.projectDir().resolve(s);
      if (!Files.isDirectory(resolved)) {
        throw new IllegalArgumentException(
            "Cannot find snapshot " + s + ": no such directory (nor under " + o.projectDir() + ")");
      }
      return resolved.toAbsolutePath();
    }
    BenchShape shape = f.shape().get();
    Path dir = o.workDir().resolve("fleet-" + shape.label()).toAbsolutePath();
    Path marker = dir.resolve("_GENERATED");
    String expected = FLEET_MARKER + shape.label();
    try {
      if (Files.isRegularFile(marker)
          && Files.readString(marker, StandardCharsets.UTF_8).equals(expected)) {
        return dir;
      }
      progress.println("bench: writing fleet " + shape.label() + " to " + dir + " (once)");
      progress.flush();
      long start = System.nanoTime();
      BenchFiles.deleteTree(dir);
      BenchFleetWriter.write(shape, dir);
      Files.writeString(marker, expected, StandardCharsets.UTF_8);
      progress.println(
          String.format(
              Locale.ROOT, "bench: fleet written in %.1f s", (System.nanoTime() - start) / 1e9));
      progress.flush();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write fleet " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String describe(BenchShape s) {
    return String.format(
        Locale.ROOT,
        "%,d VMs x %,d hosts x %d vectors, %s",
        s.vms(),
        s.hosts(),
        s.vectors(),
        s.isAllDistinct()
            ? "all distinct"
            : String.format(
                Locale.ROOT, "%,d VM classes, %,d host classes", s.vmClasses(), s.hostClasses()));
  }

  private static int medianIndex(List<Long> nanos) {
    List<Long> sorted = nanos.stream().sorted().toList();
    return nanos.indexOf(sorted.get((sorted.size() - 1) / 2));
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
