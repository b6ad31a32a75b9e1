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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code fleetcompat bench}: on one fleet, times the engine's {@code run} against the DuckDB peer
 * ({@link DuckDbPeer}) and, where asked, the I/O floor, the Spark runner and the naive Spark SQL
 * plan, in one report:
 *
 * <ul>
 *   <li><b>in process</b> ({@link InProcessBench}): in this JVM, after a warm-up of every contender
 *       on a fleet 50 times smaller, {@code repeat} turns of engine, peer, floor and Spark runner;
 *       the naive plan once. The engine runs through its command line ({@link EngineCommandLine}),
 *       exactly as {@code jobs/fleetcompat run}; on Spark, on a session made here first, whose jobs
 *       are counted.
 *   <li><b>whole process</b> ({@link WholeProcessBench}): {@code processRepeat} rounds of {@code
 *       jobs/fleetcompat run}, the peer's own JVM (and the Spark runner), timed from the outside
 *       with their peak RSS ({@link ChildProcess}).
 * </ul>
 *
 * Then it checks that the engine and the peer wrote the same rows ({@link OutputCheck}). Synthetic
 * fleets are written once under the work directory and reused; outputs are deleted after use.
 * Single-threaded; progress goes to the given writer.
 */
public final class BenchJob {
  /** What the fleet marker file holds: a fleet written by another model is written again. */
  private static final String FLEET_MARKER = "BenchFleetWriter 3 (vector parts, hosts, vms) ";

  // A fleet of the writer before hosts and vms: its vector tables are the same, so it only gains
  // those two tables (the 1M-VM fleet's vectors take minutes to write).
  private static final String VECTORS_ONLY_MARKER =
      "BenchFleetWriter 2 (SnapshotTableWriter parts) ";

  private static final int WARM_UP_FACTOR = 50;

  private BenchJob() {}

  /** The optional contenders. */
  public enum Extra {
    /** The naive Spark SQL join-and-compare (very slow on large fleets: measured once). */
    NAIVE_SQL,
    /** DuckDB reading the inputs and writing as many rows as the engine. */
    IO_FLOOR,
    /**
     * The Spark runner as a second engine contender, {@code engine-spark}: {@code run --engine
     * spark} on {@code local[2]} (or the given master), with its Spark job count.
     */
    SPARK_RUNNER
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
   * @param master {@code --master} for {@code run} (for the Spark runner contender only when that
   *     runs), or empty
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

    /**
     * Whether the engine runs on a Spark session (so one is made for it in process): with {@code
     * --engine spark}, or a master URL that is not the Spark runner contender's.
     */
    boolean engineOnSpark() {
      return engine.map("spark"::equals).orElse(false)
          || (master.isPresent() && !extras.contains(Extra.SPARK_RUNNER));
    }

    /** The options passed to the engine's {@code run} beyond snapshot, out and pairs. */
    List<String> runFlags() {
      List<String> flags = new ArrayList<>();
      engine.ifPresent(e -> flags.addAll(List.of("--engine", e)));
      if (!extras.contains(Extra.SPARK_RUNNER)) {
        master.ifPresent(m -> flags.addAll(List.of("--master", m)));
      }
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
    // Absolute: the engine's and the peer's processes run in the project directory.
    Path outs = o.workDir().toAbsolutePath().resolve("out-" + fleet.getFileName());
    BenchFiles.deleteTree(outs);
    InProcessBench.Result in = null;
    if (o.repeat() > 0) {
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
      in = InProcessBench.measure(o, cli, fleet, warm, outs, progress);
    }
    List<BenchReport.Timing> whole = List.of();
    if (o.processRepeat() > 0) {
      whole = WholeProcessBench.measure(o, fleet, outs, in == null, progress);
    }
    Path engineOut = outs.resolve(in == null ? "process-engine-0" : "engine-0");
    Path peerOut = outs.resolve(in == null ? "process-peer-0" : "peer-0");
    long pairs;
    String check;
    long vms;
    long hosts;
    try (Connection db = DuckDbPeer.connect(o.peerThreads())) {
      pairs = OutputCheck.compatiblePairs(db, engineOut, o.pairs());
      check = OutputCheck.compare(db, engineOut, peerOut, o.pairs()).describe();
      if (in != null) {
        vms = in.vms();
        hosts = in.hosts();
      } else {
        DuckDbPeer.Result r =
            DuckDbPeer.run(
                db, fleet, outs.resolve("counts"), DuckDbPeer.Output.VM_COMPATIBLE_HOSTS);
        vms = r.vms();
        hosts = r.hosts();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot compare the outputs: " + firstLine(e), e);
    }
    BenchFiles.deleteTree(outs);
    String description =
        o.fleet()
            .shape()
            .map(BenchJob::describe)
            .orElse(
                String.format(
                    Locale.ROOT,
                    "snapshot %s (%,d VMs x %,d hosts with vector rows, bad rows included)",
                    fleet,
                    vms,
                    hosts));
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
        in == null ? List.of() : in.timings(),
        whole,
        in == null ? Map.of() : in.enginePhasesMillis(),
        in == null ? Map.of() : in.peerStepNanos(),
        in == null ? Map.of() : in.sparkJobs(),
        ChildProcess.rssMethod());
  }

  /**
   * The snapshot directory of {@code o}'s fleet, writing a synthetic fleet there first unless it is
   * already (or only adding its hosts and vms tables to a fleet written before they existed); times
   * nothing. Progress lines go to {@code progress}.
   *
   * @throws UncheckedIOException if the fleet cannot be written
   * @throws IllegalArgumentException if a given snapshot directory does not exist
   */
  public static Path fleetDirectory(Options o, PrintWriter progress) {
    return prepare(o, o.fleet(), progress);
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
      if (Files.isRegularFile(marker)
          && Files.readString(marker, StandardCharsets.UTF_8)
              .equals(VECTORS_ONLY_MARKER + shape.label())) {
        progress.println("bench: adding hosts and vms to fleet " + shape.label() + " in " + dir);
        progress.flush();
        BenchFleetWriter.writeCapacity(shape, dir);
        Files.writeString(marker, expected, StandardCharsets.UTF_8);
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

  static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
