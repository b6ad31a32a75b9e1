package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fleetcompat.drift.HeadlineFigures;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleetcompat report}: the self-contained HTML report of a result directory. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write the self-contained HTML report of a result: headline figures, cluster-to-cluster"
          + " feasibility, the pools and their order, blockers, stranded VMs, hosts that cannot be"
          + " drained, and with --previous what changed since then and why. One file, no network."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  jobs/fleetcompat report --result target/night2 --previous target/night1 --out"
          + " target/morning.html"
    })
final class ReportCommand implements Callable<Integer> {
  @Option(
      names = "--result",
      required = true,
      paramLabel = "DIR",
      description = "The result directory (the --out of a run).")
  String result;

  @Option(
      names = "--previous",
      paramLabel = "DIR",
      description = "An earlier result of the same fleet: adds what changed since then.")
  String previous;

  @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "The page.")
  String out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ResultDirectory r = ResultDirectory.open(result);
    ResultDirectory p = previous == null ? null : ResultDirectory.open(previous);
    long bytes = ReportWriter.write(ResultDirectory.storageFor(out), r, p, out);
    HeadlineFigures f = HeadlineFigures.of(r);
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        Locale.ROOT,
        "fleetcompat report: %s -> %s (%,d KB)%n  %,d VMs, %,d hosts, %,d pools; %.1f%% of pairs"
            + " compatible; %,d stranded; %,d of %,d hosts drainable%s%n",
        result,
        out,
        (bytes + 1023) / 1024,
        f.vms(),
        f.hosts(),
        f.pools(),
        f.compatibleShare() * 100,
        f.stranded(),
        f.drainableHosts(),
        f.hostsRunningVms(),
        p == null ? "" : "; with what changed since " + previous);
    w.flush();
    return ExitCodes.OK;
  }
}
