package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fleetcompat.bench.BenchJob;
import org.fleetcompat.bench.BenchReport;
import org.fleetcompat.bench.BenchShape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fleetcompat bench}: the engine against the naive plan and the I/O floor, one JVM. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a synthetic fleet (once) and time, in one JVM: run, the naive Spark SQL"
          + " join-and-compare, and the I/O floor. Prints wall time, pairs/s, peak heap, ratios."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  jobs/fleetcompat bench --vms 20000 --hosts 2000",
      "  jobs/fleetcompat bench --all-distinct --vms 5000 --hosts 500 --skip-naive"
    })
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--vms", defaultValue = "20000", description = "VMs (default: ${DEFAULT-VALUE}).")
  int vms;

  @Option(
      names = "--hosts",
      defaultValue = "2000",
      description = "Hosts (default: ${DEFAULT-VALUE}).")
  int hosts;

  @Option(
      names = "--vectors",
      defaultValue = "24",
      description = "Vectors per system (default: ${DEFAULT-VALUE}).")
  int vectors;

  @Option(
      names = "--vm-classes",
      defaultValue = "500",
      description = "Distinct VMs (default: ${DEFAULT-VALUE}).")
  int vmClasses;

  @Option(
      names = "--host-classes",
      defaultValue = "20",
      description = "Distinct hosts (default: ${DEFAULT-VALUE}).")
  int hostClasses;

  @Option(
      names = "--all-distinct",
      description = "Every VM and every host distinct (ignores the class counts).")
  boolean allDistinct;

  @Option(
      names = "--no-pairs",
      description = "Run without --pairs (the I/O floor then writes nothing).")
  boolean noPairs;

  @Option(
      names = "--skip-naive",
      description = "Do not run the naive plan (for fleets where it would take hours).")
  boolean skipNaive;

  @Option(
      names = "--repeat",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Measure the engine and the I/O floor N times each, taking turns, and report medians"
              + " (the naive plan runs once; default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(
      names = "--work-dir",
      defaultValue = "target/bench",
      paramLabel = "DIR",
      description = "Fleets (kept, reused) and scratch outputs (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Mixin EngineOptions engine;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    BenchShape shape;
    try {
      shape =
          allDistinct
              ? BenchShape.allDistinct(vms, hosts, vectors)
              : new BenchShape(vms, hosts, vectors, vmClasses, hostClasses);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (repeat < 1) {
      throw new ParameterException(
          spec.commandLine(), "--repeat must be at least 1, not " + repeat);
    }
    org.apache.spark.sql.SparkSession session =
        org.fleetcompat.spark.SparkSessions.create(engine.master, engine.conf);
    try {
      BenchReport report =
          BenchJob.run(session, new BenchJob.Options(shape, workDir, !noPairs, !skipNaive, repeat));
      PrintWriter w = spec.commandLine().getOut();
      report.lines().forEach(w::println);
      w.flush();
      return ExitCodes.OK;
    } finally {
      session.stop();
    }
  }
}
