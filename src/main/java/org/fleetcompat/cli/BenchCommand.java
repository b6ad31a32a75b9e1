package org.fleetcompat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fleetcompat.bench.BenchJob;
import org.fleetcompat.bench.BenchPreset;
import org.fleetcompat.bench.BenchReport;
import org.fleetcompat.bench.BenchShape;
import org.fleetcompat.bench.DuckDbPeer;
import org.fleetcompat.core.ReturnCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fleetcompat bench}: the engine's {@code run} against the classes-first DuckDB peer (and,
 * where asked, the naive Spark SQL plan and the I/O floor), in one warm JVM and as whole processes,
 * on a preset fleet, an explicit shape or an existing snapshot (docs/BENCHMARKS.md).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Time run against a classes-first SQL peer in DuckDB on one fleet: in process (one warm JVM;"
          + " with --naive and --floor also the naive Spark SQL plan and the I/O floor) and as"
          + " whole processes (JVM start included, peak RSS). Prints medians and the ratios"
          + " peer / engine. Synthetic fleets are written once under --work-dir.",
      "Fleets: --preset NAME, or --vms/--hosts/--vectors/--vm-classes/--host-classes"
          + " (or --all-distinct), or --snapshot DIR. Without any: --preset classes."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  jobs/fleetcompat bench --preset classes",
      "  jobs/fleetcompat bench --vms 20000 --hosts 2000 --naive --floor"
    })
final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      description =
          "A target fleet: classes (20k x 2k x 24, 500/20 classes, --pairs), distinct (20k x 5k x"
              + " 24, all distinct, --pairs), million (1M x 20k x 32, 2000/50 classes, no pairs),"
              + " sample (data-samples/cpu-fleet, --pairs).")
  String preset;

  @Option(names = "--vms", paramLabel = "N", description = "VMs of a synthetic fleet.")
  Integer vms;

  @Option(names = "--hosts", paramLabel = "N", description = "Hosts of a synthetic fleet.")
  Integer hosts;

  @Option(
      names = "--vectors",
      paramLabel = "N",
      description = "Vectors per system (at least 6; default 24).")
  Integer vectors;

  @Option(
      names = "--vm-classes",
      paramLabel = "N",
      description = "Distinct VM vector sets (default: VMs / 40).")
  Integer vmClasses;

  @Option(
      names = "--host-classes",
      paramLabel = "N",
      description = "Distinct host vector sets (default: hosts / 100).")
  Integer hostClasses;

  @Option(names = "--all-distinct", description = "Every VM and every host distinct.")
  boolean allDistinct;

  @Option(
      names = "--snapshot",
      paramLabel = "DIR",
      description = "Benchmark an existing local snapshot instead of a synthetic fleet.")
  Path snapshot;

  @Option(
      names = "--pairs",
      negatable = true,
      description =
          "Run with --pairs (the peer writes compatible_pairs) or, with --no-pairs, without (the"
              + " peer writes per-VM host counts). Default: the preset's; --pairs otherwise.")
  Boolean pairs;

  @Option(
      names = "--engine",
      paramLabel = "local|spark",
      description = "Pass --engine to run (only when given); spark runs on a session made first.")
  String engine;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Pass --master to run (with --spark-runner: to the Spark runner only); in process the"
              + " engine's session uses it.")
  String master;

  @Option(names = "--naive", description = "Also time the naive Spark SQL plan, once (slow).")
  boolean naive;

  @Option(names = "--floor", description = "Also time the I/O floor in process.")
  boolean floor;

  @Option(
      names = "--spark-runner",
      description =
          "Also time the Spark runner (run --engine spark, on local[2] unless --master) as a second"
              + " engine, engine-spark, in process (with its Spark job count) and as processes.")
  boolean sparkRunner;

  @Option(
      names = "--repeat",
      defaultValue = "3",
      paramLabel = "N",
      description = "In-process turns of each contender; 0 skips them (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(
      names = "--process-repeat",
      defaultValue = "3",
      paramLabel = "N",
      description =
          "Whole-process runs of the engine and the peer, alternating; 0 skips them (default:"
              + " ${DEFAULT-VALUE}).")
  int processRepeat;

  @Option(
      names = "--threads",
      defaultValue = "0",
      paramLabel = "N",
      description = "DuckDB threads for the peer; 0 means every core (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--process-java-opts",
      paramLabel = "OPTS",
      description =
          "FLEETCOMPAT_JAVA_OPTS for the engine's processes (default: the launcher's own, -Xmx4g).")
  String processJavaOpts;

  @Option(
      names = "--work-dir",
      defaultValue = "target/bench",
      paramLabel = "DIR",
      description = "Fleets (kept, reused) and scratch outputs (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description = "Also append the headline figures to this CSV file (header when new).")
  Path csv;

  @Option(
      names = "--fleet-only",
      description =
          "Only write (or complete) the fleet, print its snapshot directory and exit; times"
              + " nothing (jobs/bench-advisors uses it).")
  boolean fleetOnly;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    BenchJob.Options options;
    try {
      options = options();
    } catch (IllegalArgumentException e) {
      // A wrong command line: one line and exit 2, as every command's (ExitCodes.UsageHandler).
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try {
      if (fleetOnly) {
        PrintWriter w = spec.commandLine().getOut();
        w.println(BenchJob.fleetDirectory(options, err));
        w.flush();
        return ExitCodes.OK;
      }
      BenchReport report = BenchJob.run(options, FleetcompatCommand::execute, err);
      PrintWriter w = spec.commandLine().getOut();
      report.lines().forEach(w::println);
      w.flush();
      if (csv != null) {
        appendCsv(report);
      }
      return ExitCodes.OK;
    } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage();
      err.println(
          "fleetcompat: error " + ReturnCode.FAILED + ": " + m.lines().findFirst().orElse(m));
      err.flush();
      return ExitCodes.FAILED;
    }
  }

  private BenchJob.Options options() {
    check(repeat >= 0, "--repeat must be 0 or more, not %d", repeat);
    check(processRepeat >= 0, "--process-repeat must be 0 or more, not %d", processRepeat);
    check(repeat + processRepeat > 0, "--repeat and --process-repeat are both 0: nothing to time");
    check(threads >= 0, "--threads must be 0 (every core) or more, not %d", threads);
    check(
        engine == null || engine.equals("local") || engine.equals("spark"),
        "--engine must be local or spark, not %s",
        engine);
    check(
        !(naive && repeat == 0), "--naive is measured in process: give --repeat 1 or more with it");
    check(
        !(floor && repeat == 0), "--floor is measured in process: give --repeat 1 or more with it");
    check(
        !(sparkRunner && "spark".equals(engine)),
        "--spark-runner already times run --engine spark beside the default engine: drop one");
    boolean shapeGiven =
        vms != null
            || hosts != null
            || vectors != null
            || vmClasses != null
            || hostClasses != null
            || allDistinct;
    int sources = (preset != null ? 1 : 0) + (shapeGiven ? 1 : 0) + (snapshot != null ? 1 : 0);
    check(
        sources <= 1,
        "give one fleet: --preset NAME, shape options (--vms ...) or --snapshot DIR, not several");
    BenchJob.Fleet fleet;
    boolean defaultPairs = true;
    if (snapshot != null) {
      fleet =
          new BenchJob.Fleet(
              snapshot.getFileName().toString(), Optional.empty(), Optional.of(snapshot));
    } else if (shapeGiven) {
      BenchShape shape = shape();
      fleet = new BenchJob.Fleet(shape.label(), Optional.of(shape), Optional.empty());
    } else {
      String name = preset == null ? "classes" : preset;
      BenchPreset p =
          BenchPreset.named(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown --preset " + name + ": expected one of " + BenchPreset.names()));
      fleet = new BenchJob.Fleet(p.label(), p.shape(), p.snapshot().map(Path::of));
      defaultPairs = p.writesPairs();
    }
    boolean withPairs = pairs == null ? defaultPairs : pairs;
    EnumSet<BenchJob.Extra> extras = EnumSet.noneOf(BenchJob.Extra.class);
    if (naive) {
      extras.add(BenchJob.Extra.NAIVE_SQL);
    }
    if (floor) {
      extras.add(BenchJob.Extra.IO_FLOOR);
    }
    if (sparkRunner) {
      extras.add(BenchJob.Extra.SPARK_RUNNER);
    }
    return new BenchJob.Options(
        fleet,
        withPairs ? DuckDbPeer.Output.COMPATIBLE_PAIRS : DuckDbPeer.Output.VM_COMPATIBLE_HOSTS,
        Optional.ofNullable(engine),
        Optional.ofNullable(master),
        extras,
        repeat,
        processRepeat,
        threads,
        Optional.ofNullable(processJavaOpts),
        workDir,
        BenchJob.projectDir());
  }

  private BenchShape shape() {
    check(vms != null && hosts != null, "a synthetic fleet needs --vms N and --hosts N");
    check(vms >= 1, "--vms must be at least 1, not %d", vms);
    check(hosts >= 1, "--hosts must be at least 1, not %d", hosts);
    int v = vectors == null ? 24 : vectors;
    check(v >= 6, "--vectors must be at least 6 (one of each kind of vector), not %d", v);
    if (allDistinct) {
      check(
          vmClasses == null && hostClasses == null,
          "--all-distinct makes every system its own class: drop --vm-classes and --host-classes");
      return BenchShape.allDistinct(vms, hosts, v);
    }
    int vc = vmClasses == null ? Math.max(1, vms / 40) : vmClasses;
    int hc = hostClasses == null ? Math.max(1, hosts / 100) : hostClasses;
    check(vc >= 1 && vc <= vms, "--vm-classes must be between 1 and --vms (%d), not %d", vms, vc);
    check(
        hc >= 1 && hc <= hosts,
        "--host-classes must be between 1 and --hosts (%d), not %d",
        hosts,
        hc);
    return new BenchShape(vms, hosts, v, vc, hc);
  }

  private void appendCsv(BenchReport report) {
    try {
      if (csv.getParent() != null) {
        Files.createDirectories(csv.getParent());
      }
      boolean fresh = !Files.exists(csv) || Files.size(csv) == 0;
      String text = (fresh ? BenchReport.CSV_HEADER + "\n" : "") + report.csvRow() + "\n";
      Files.writeString(
          csv, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to " + csv + ": " + e.getMessage(), e);
    }
  }

  private static void check(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }
}
