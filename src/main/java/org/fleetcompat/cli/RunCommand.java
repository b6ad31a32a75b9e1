package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fleetcompat.io.ResultFormat;
import org.fleetcompat.job.RunJob;
import org.fleetcompat.job.RunOptions;
import org.fleetcompat.job.RunResult;
import org.fleetcompat.pipeline.PhaseTimer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleetcompat run}: the whole nightly pipeline, then a short human summary. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Validate a snapshot, compute the VM x host compatibility matrix and publish the result"
          + " tables atomically under --out. Prints a summary; with --json, the manifest instead"
          + " ({\"out_dir\", \"wall_millis\", \"manifest\": {...}}). At a terminal, progress goes to"
          + " standard error (phases, counts, elapsed time, a bar while pairs are written)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  jobs/fleetcompat run --snapshot data-samples/cpu-fleet --out target/cpu-fleet-result --pairs",
      "  jobs/fleetcompat run --snapshot data-samples/cpu-fleet --out target/r --format both",
      "  jobs/fleetcompat run --snapshot hdfs:///snap/today --out hdfs:///results/today \\",
      "      --master spark://master:7077 --json | jq .manifest.fleet"
    })
final class RunCommand implements Callable<Integer> {
  @Option(
      names = "--snapshot",
      required = true,
      paramLabel = "DIR",
      description = "Snapshot directory (a local path or any Hadoop URI).")
  String snapshot;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Result directory, published atomically.")
  String out;

  @Option(
      names = "--pairs",
      description = "Also write compatible_pairs (one row per compatible VM-host pair).")
  boolean pairs;

  @Option(
      names = "--assume-stopped",
      description =
          "Cold-migration what-if: evaluate running VMs without the vectors the catalog says apply"
              + " only while running, and report what that gains.")
  boolean assumeStopped;

  @Option(
      names = "--format",
      paramLabel = "parquet|arrow|both",
      defaultValue = "parquet",
      description =
          "Table file formats: parquet (the default); arrow or both also write an Arrow IPC"
              + " (Feather v2) copy of every part file under OUT/arrow/TABLE/ (Parquet is always"
              + " written: the report, diff and notebooks read it).")
  String format;

  @Option(names = "--quiet", description = "No progress on standard error, even at a terminal.")
  boolean quiet;

  @Option(
      names = "--json",
      description = "Print the result directory and its manifest as JSON instead of the summary.")
  boolean json;

  @Mixin CatalogOption catalog;

  @Mixin EngineOptions engine;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    RunOptions options =
        new RunOptions(LocalPaths.absolute(snapshot), LocalPaths.absolute(out), pairs)
            .withCatalog(catalog.catalog())
            .withFormat(ResultFormat.named(format));
    try (EngineOptions.OpenRunner open = engine.open()) {
      long start = System.nanoTime();
      PhaseTimer timer = new PhaseTimer(Progress.of(quiet, spec.commandLine().getErr()));
      RunResult result =
          RunJob.run(open.runner(), assumeStopped ? options.assumingStopped() : options, timer);
      PrintWriter w = spec.commandLine().getOut();
      long wallMillis = (System.nanoTime() - start) / 1_000_000;
      if (json) {
        JsonOutput.print(JsonOutput.Run.of(result, wallMillis), w);
      } else {
        RunSummary.print(result, wallMillis, w);
      }
      w.flush();
      return ExitCodes.OK;
    }
  }
}
