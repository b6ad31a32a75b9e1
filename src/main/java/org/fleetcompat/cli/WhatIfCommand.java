package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fleetcompat.advise.AdmissionEffect;
import org.fleetcompat.job.HostAdmissionJob;
import org.fleetcompat.pipeline.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code fleetcompat what-if}: host admission, evaluated on classes. */
@Command(
    name = "what-if",
    mixinStandardHelpOptions = true,
    description = {
      "What if I add these hosts (and retire those)? Validates and classes the snapshot through"
          + " the pipeline, then evaluates on classes, without the per-VM expansion or any output:"
          + " hosts and pools before and after, the new pools (their hosts and the VMs they"
          + " accept), the VMs that gain or lose compatible hosts, and stranded VMs before and"
          + " after. --add-hosts FILE adds the hosts of a Parquet file with the columns of"
          + " host_vectors (validated like a snapshot's; any rejected row fails); --like HOST:COUNT adds COUNT hosts with HOST's vectors, named HOST+1,"
          + " HOST+2, ...; --retire removes hosts (their VMs then count every compatible host"
          + " that remains). --json prints {snapshot, hosts_before, hosts_after, pools_before,"
          + " pools_after, new_pools: [{host_count, host_ids, vm_count_accepted}], vanished_pools,"
          + " vms_gaining_hosts, vms_losing_hosts, stranded_before, stranded_after,"
          + " newly_stranded, no_longer_stranded}."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  jobs/fleetcompat what-if --snapshot data-samples/cpu-fleet --like h-0001:4",
      "  jobs/fleetcompat what-if --snapshot data-samples/cpu-fleet --add-hosts new-hosts.parquet",
      "  jobs/fleetcompat what-if --snapshot data-samples/cpu-fleet --like h-0112:2"
          + " --retire h-0113,h-0114 --json"
    })
final class WhatIfCommand extends SnapshotCommand {
  @Option(
      names = "--like",
      split = ",",
      paramLabel = "HOST:COUNT",
      description = "Add COUNT hosts with the vectors of HOST (repeatable, comma separated).")
  List<String> like = new ArrayList<>();

  @Option(
      names = "--add-hosts",
      paramLabel = "FILE.parquet",
      description =
          "Add the hosts of this local Parquet file (the columns of host_vectors), validated as"
              + " a snapshot's.")
  String addHosts;

  @Option(
      names = "--retire",
      split = ",",
      paramLabel = "HOST",
      description = "Remove these hosts, comma separated.")
  List<String> retire = new ArrayList<>();

  @Override
  int answer(Runner runner, PrintWriter w) {
    if (like.isEmpty() && retire.isEmpty() && addHosts == null) {
      throw new ParameterException(
          spec.commandLine(),
          CliErrors.usage(
              "the change",
              "empty",
              "--add-hosts FILE, --like HOST:COUNT and/or --retire HOST,..."));
    }
    List<String[]> copies = new ArrayList<>();
    for (String l : like) {
      int colon = l.lastIndexOf(':');
      if (colon <= 0 || colon == l.length() - 1) {
        throw new ParameterException(
            spec.commandLine(), CliErrors.usage("--like", l, "HOST:COUNT, for example h-0001:4"));
      }
      copies.add(new String[] {l.substring(0, colon), l.substring(colon + 1)});
    }
    AdmissionEffect e =
        HostAdmissionJob.run(runner, snapshot.dir(), catalog.catalog(), addHosts, copies, retire);
    if (json) {
      JsonOutput.print(new Answer(snapshot.dir(), e), w);
      return ExitCodes.OK;
    }
    w.printf(
        Locale.ROOT,
        "what-if on %s: hosts %d -> %d; pools %d -> %d (%d new, %d vanished)%n"
            + "  VMs gaining hosts %d, losing hosts %d%n"
            + "  stranded VMs %d -> %d (%d newly stranded, %d no longer stranded)%n",
        snapshot.dir(),
        e.hostsBefore(),
        e.hostsAfter(),
        e.poolsBefore(),
        e.poolsAfter(),
        e.newPools().size(),
        e.vanishedPools(),
        e.vmsGainingHosts(),
        e.vmsLosingHosts(),
        e.strandedBefore(),
        e.strandedAfter(),
        e.newlyStranded(),
        e.noLongerStranded());
    for (AdmissionEffect.NewPool p : e.newPools()) {
      List<String> ids = p.hostIds();
      w.printf(
          Locale.ROOT,
          "  new pool: %d hosts (%s), accepts %d VMs%n",
          p.hostCount(),
          ids.size() <= 6 ? String.join(",", ids) : String.join(",", ids.subList(0, 5)) + ",...",
          p.vmCountAccepted());
    }
    return ExitCodes.OK;
  }

  /** {@code what-if --json}: the snapshot and the effect's fields. */
  record Answer(
      String snapshot,
      long hostsBefore,
      long hostsAfter,
      int poolsBefore,
      int poolsAfter,
      List<AdmissionEffect.NewPool> newPools,
      int vanishedPools,
      long vmsGainingHosts,
      long vmsLosingHosts,
      long strandedBefore,
      long strandedAfter,
      long newlyStranded,
      long noLongerStranded) {
    Answer(String snapshot, AdmissionEffect e) {
      this(
          snapshot,
          e.hostsBefore(),
          e.hostsAfter(),
          e.poolsBefore(),
          e.poolsAfter(),
          e.newPools(),
          e.vanishedPools(),
          e.vmsGainingHosts(),
          e.vmsLosingHosts(),
          e.strandedBefore(),
          e.strandedAfter(),
          e.newlyStranded(),
          e.noLongerStranded());
    }
  }
}
