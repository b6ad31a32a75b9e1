package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fleetcompat.sample.SampleSnapshotGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleetcompat generate-samples}: rebuilds the sample snapshot from the real CPU data. */
@Command(
    name = "generate-samples",
    mixinStandardHelpOptions = true,
    description = "Write the cpu-fleet sample snapshot from real processor data (deterministic).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  jobs/fleetcompat generate-samples",
      "  jobs/fleetcompat generate-samples --out /tmp/cpu-fleet --seed 7"
    })
final class GenerateSamplesCommand implements Callable<Integer> {
  @Option(
      names = "--cpus",
      paramLabel = "DIR",
      description =
          "The CPU data: hosts.csv, models.csv, features.csv (default: the repository's"
              + " data-samples/source/cpus, whatever the working directory).")
  Path cpus;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Snapshot directory to write (default: the repository's data-samples/cpu-fleet).")
  Path out;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Random seed (default: the one data-samples was made with).")
  Long seed;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    long s = seed == null ? SampleSnapshotGenerator.DEFAULT_SEED : seed;
    Path from = cpus == null ? LocalPaths.underHome("data-samples/source/cpus") : cpus;
    Path to = out == null ? LocalPaths.underHome("data-samples/cpu-fleet") : out;
    for (String csv : new String[] {"hosts.csv", "models.csv", "features.csv"}) {
      if (!Files.isRegularFile(from.resolve(csv))) {
        throw CliErrors.noCpuData(from);
      }
    }
    SampleSnapshotGenerator.GeneratedSnapshot g = SampleSnapshotGenerator.generate(from, to, s);
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        "fleetcompat generate-samples: %s (seed %d): %d hosts, %d VMs, %d host and %d VM vector rows,"
            + " %d bad rows injected%n",
        to, s, g.hosts(), g.vms(), g.hostVectorRows(), g.vmVectorRows(), g.badRowsInjected());
    w.flush();
    return ExitCodes.OK;
  }
}
