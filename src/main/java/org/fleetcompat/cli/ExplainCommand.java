package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.fleetcompat.core.BlockerCount;
import org.fleetcompat.core.Hex;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorOutcome;
import org.fleetcompat.core.VmState;
import org.fleetcompat.job.ExplainJob;
import org.fleetcompat.job.PairExplanation;
import org.fleetcompat.job.VmExplanation;
import org.fleetcompat.pipeline.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetcompat explain}: why a VM can or cannot move to a host, or to each pool. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "With --host: every vector of the VM against the host (operation, both values in hex,"
          + " pass/fail, reason). Without: the VM against every pool, with the vectors that keep it"
          + " off each (validates the whole snapshot, like a run). --json prints {vm_id, state,"
          + " host_id, compatible, failing_vectors, vectors: [...]} with --host, {vm_id, state,"
          + " pools_fitting, pools: [{pool_id, host_count, compatible_hosts, clusters, blockers}]}"
          + " without."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  jobs/fleetcompat explain --snapshot data-samples/cpu-fleet --vm vm-00001 --host h-0340",
      "  jobs/fleetcompat explain --snapshot data-samples/cpu-fleet --vm vm-00074 --json"
    })
final class ExplainCommand extends SnapshotCommand {
  @Option(names = "--vm", required = true, paramLabel = "ID", description = "The VM.")
  String vm;

  @Option(names = "--host", paramLabel = "ID", description = "The host (optional).")
  String host;

  @Override
  int answer(Runner runner, PrintWriter out) {
    VectorCatalog names = catalog.catalog();
    if (host != null) {
      PairExplanation e =
          ExplainJob.pair(runner.storage(snapshot.dir()), snapshot.dir(), vm, host, names);
      if (json) {
        JsonOutput.print(JsonOutput.Pair.of(e), out);
      } else {
        print(e, out);
      }
    } else {
      VmExplanation e = ExplainJob.vm(runner, snapshot.dir(), vm, names);
      if (json) {
        JsonOutput.print(JsonOutput.Pools.of(e), out);
      } else {
        print(e, out);
      }
    }
    return ExitCodes.OK;
  }

  static void print(PairExplanation e, PrintWriter w) {
    w.printf(
        Locale.ROOT,
        "explain %s (%s) on %s: %s%n",
        e.vmId(),
        VmState.describe(e.enabledState()),
        e.hostId(),
        e.isCompatible()
            ? "COMPATIBLE (all " + e.outcomes().size() + " vectors pass)"
            : "NOT COMPATIBLE ("
                + e.failureCount()
                + " of "
                + e.outcomes().size()
                + " vectors fail)");
    w.printf(
        Locale.ROOT,
        "%-10s  %-26s  %-18s  %-18s  %-18s  %-4s  %s%n",
        "vector_id",
        "name",
        "operation",
        "vm value",
        "host value",
        "",
        "reason");
    for (VectorOutcome o : e.outcomes()) {
      String hostValue =
          !o.isPresentOnHost()
              ? "-"
              : o.hostOperation() == o.operation()
                  ? Hex.value(o.hostValue())
                  : Hex.value(o.hostValue()) + " (" + o.hostOperation().displayName() + ")";
      w.printf(
          Locale.ROOT,
          "%-10s  %-26s  %-18s  %-18s  %-18s  %-4s  %s%n",
          Hex.vectorId(o.vectorId()),
          e.catalog().name(o.vectorId()),
          o.operation().displayName(),
          Hex.value(o.vmValue()),
          hostValue,
          o.reason().passes() ? "pass" : "FAIL",
          o.reason() + bits(o));
    }
  }

  /** The offending bits of a failed mask compare, for the reason column; else empty. */
  static String bits(VectorOutcome o) {
    long bits = o.offendingBits();
    return bits == 0 ? "" : " (bits " + Hex.value(bits) + ")";
  }

  static void print(VmExplanation e, PrintWriter w) {
    long pools = e.pools().stream().filter(p -> p.compatibleHosts() > 0).count();
    long hosts = e.pools().stream().mapToLong(VmExplanation.PoolReach::compatibleHosts).sum();
    long all = e.pools().stream().mapToLong(VmExplanation.PoolReach::hostCount).sum();
    w.printf(
        Locale.ROOT,
        "explain %s (%s): fits %d of %d pools (%,d of %,d hosts)%n",
        e.vmId(),
        VmState.describe(e.enabledState()),
        pools,
        e.pools().size(),
        hosts,
        all);
    for (VmExplanation.PoolReach p : e.pools()) {
      w.printf(
          Locale.ROOT,
          "pool %d  %,d hosts  clusters %s  %s%n",
          p.poolId(),
          p.hostCount(),
          p.clusters().isEmpty() ? "-" : String.join(",", p.clusters()),
          p.compatibleHosts() == p.hostCount()
              ? "accepts it"
              : p.compatibleHosts() == 0
                  ? "rejects it"
                  : String.format(
                      Locale.ROOT,
                      "accepts it on %,d of %,d hosts",
                      p.compatibleHosts(),
                      p.hostCount()));
      for (BlockerCount b : p.blockers()) {
        w.printf(
            Locale.ROOT,
            "    %-10s  %-26s  %-18s  %-16s  fails on %,d hosts, the only failure on %,d%n",
            Hex.vectorId(b.vectorId()),
            e.catalog().name(b.vectorId()),
            b.operation().displayName(),
            b.reason(),
            b.blockedPairs(),
            b.soleBlockerPairs());
      }
    }
  }
}
