package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fleetcompat.drift.DriftJob;
import org.fleetcompat.drift.DriftTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleetcompat diff}: what changed between two results of the same fleet, and why. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "What changed between two results of the same fleet, and why: VMs that lost or gained hosts"
          + " and the cause, hosts whose vectors changed (which vector, which bits), pools that"
          + " split, merged, appeared or vanished, new and vanished blockers. With --out, writes"
          + " the drift_* tables and drift_summary.json."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  jobs/fleetcompat diff --old target/night1 --new target/night2",
      "  jobs/fleetcompat diff --old target/night1 --new target/night2 --out target/drift"
    })
final class DiffCommand implements Callable<Integer> {
  @Option(names = "--old", required = true, paramLabel = "DIR", description = "The older result.")
  String old;

  @Option(names = "--new", required = true, paramLabel = "DIR", description = "The newer result.")
  String neu;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write the drift tables (published atomically, like run's --out).")
  String out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DriftJob.Result r = DriftJob.run(old, neu, out);
    PrintWriter w = spec.commandLine().getOut();
    w.printf("fleetcompat diff: %s -> %s%n", old, neu);
    r.summary().lines(r.drift()).forEach(w::println);
    if (r.outDir() != null) {
      StringBuilder tables = new StringBuilder();
      for (Map.Entry<DriftTable, Long> e : r.rowsWritten().entrySet()) {
        tables
            .append(tables.length() == 0 ? "" : ", ")
            .append(e.getKey())
            .append(' ')
            .append(e.getValue());
      }
      w.printf("  tables   %s, %s%n  out      %s%n", tables, DriftTable.SUMMARY_FILE, r.outDir());
    }
    w.flush();
    return ExitCodes.OK;
  }
}
