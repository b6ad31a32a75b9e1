package org.fleetcompat.cli;

import java.io.PrintWriter;
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
    description = "Write the cpu-fleet sample snapshot from real processor data (deterministic).")
final class GenerateSamplesCommand implements Callable<Integer> {
  @Option(
      names = "--cpus",
      paramLabel = "DIR",
      defaultValue = "data-samples/source/cpus",
      description =
          "The CPU data: hosts.csv, models.csv, features.csv (default: ${DEFAULT-VALUE}).")
  Path cpus;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "data-samples/cpu-fleet",
      description = "Snapshot directory to write (default: ${DEFAULT-VALUE}).")
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
    SampleSnapshotGenerator.GeneratedSnapshot g = SampleSnapshotGenerator.generate(cpus, out, s);
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        "fleetcompat generate-samples: %s (seed %d): %d hosts, %d VMs, %d host and %d VM vector rows,"
            + " %d bad rows injected%n",
        out, s, g.hosts(), g.vms(), g.hostVectorRows(), g.vmVectorRows(), g.badRowsInjected());
    w.flush();
    return ExitCodes.OK;
  }
}
