package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fleetcompat.job.RunJob;
import org.fleetcompat.job.RunOptions;
import org.fleetcompat.job.RunResult;
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
          + " tables atomically under --out."
    })
final class RunCommand implements Callable<Integer> {
  @Option(
      names = "--snapshot",
      required = true,
      paramLabel = "DIR",
      description = "Snapshot directory (any Hadoop URI).")
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

  @Mixin CatalogOption catalog;

  @Mixin SparkOptions spark;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (SparkOptions.OpenSession session = spark.open()) {
      RunOptions options = new RunOptions(snapshot, out, pairs).withCatalog(catalog.catalog());
      RunResult result =
          RunJob.run(session.spark(), assumeStopped ? options.assumingStopped() : options);
      PrintWriter w = spec.commandLine().getOut();
      RunSummary.print(result, w);
      w.flush();
      return ExitCodes.OK;
    }
  }
}
