package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fleetcompat.job.MaintenanceJob;
import org.fleetcompat.plan.MaintenanceStep;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleetcompat maintenance}: a rolling maintenance order for the hosts of a cluster. */
@Command(
    name = "maintenance",
    mixinStandardHelpOptions = true,
    description = {
      "A rolling maintenance order for the hosts of a cluster: one host down at a time, its VMs"
          + " moved onto the cluster's other hosts (compatible, with room where the snapshot has"
          + " capacity columns), or the host where it gets stuck and the VM that blocks it. Exits"
          + " 0 when every host can be drained, 5 when the order gets stuck. --json prints"
          + " {cluster, source, complete, order, steps: [{cluster, step, host_id, drained,"
          + " vm_count, first_unplaced_vm_id, reason}]}."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  jobs/fleetcompat maintenance --cluster cl-icelake-a --result target/cpu-fleet-result",
      "  jobs/fleetcompat maintenance --cluster cl-icelake-a --snapshot data-samples/cpu-fleet"
          + " --json"
    })
final class MaintenanceCommand implements Callable<Integer> {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Where the fleet comes from. */
  static final class Source {
    @Option(
        names = "--result",
        paramLabel = "DIR",
        description = "A result directory (the --out of a run).")
    String result;

    @Option(
        names = "--snapshot",
        paramLabel = "DIR",
        description = "A snapshot directory: the pipeline runs first, into a temporary directory.")
    String snapshot;
  }

  @Option(names = "--cluster", required = true, paramLabel = "NAME", description = "The cluster.")
  String cluster;

  @Mixin EngineOptions engine;

  @Option(
      names = "--json",
      description = "Print the answer as one JSON document (snake_case keys).")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    MaintenanceJob.Plan plan;
    if (source.result != null) {
      plan = MaintenanceJob.ofResult(LocalPaths.absolute(source.result), cluster);
    } else {
      try (EngineOptions.OpenRunner open = engine.open()) {
        plan =
            MaintenanceJob.ofSnapshot(open.runner(), LocalPaths.absolute(source.snapshot), cluster);
      }
    }
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(new JsonOutput.Maintenance(plan), w);
    } else {
      print(plan, w);
    }
    w.flush();
    return plan.complete() ? ExitCodes.OK : ExitCodes.NOT_COMPATIBLE;
  }

  private static void print(MaintenanceJob.Plan plan, PrintWriter w) {
    long drained = plan.steps().stream().filter(MaintenanceStep::drained).count();
    w.printf(
        Locale.ROOT,
        "fleetcompat maintenance: cluster %s (%s): %s%n",
        plan.cluster(),
        plan.source(),
        plan.complete()
            ? "all " + drained + " hosts can be drained one at a time, in this order"
            : drained
                + " of "
                + plan.steps().size()
                + " hosts can be drained one at a time; then it gets stuck");
    for (MaintenanceStep s : plan.steps()) {
      if (s.drained()) {
        w.printf(Locale.ROOT, "  %3d  %-12s %3d VMs moved%n", s.step(), s.hostId(), s.vmCount());
      } else {
        w.printf(
            Locale.ROOT,
            "  stuck %-12s %3d VMs; %s cannot move: %s%n",
            s.hostId(),
            s.vmCount(),
            s.firstUnplacedVmId(),
            s.reason());
      }
    }
  }
}
