package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.fleetcompat.core.BaselineVector;
import org.fleetcompat.core.Hex;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.job.BaselineJob;
import org.fleetcompat.pipeline.Runner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetcompat baseline}: the VM vectors that pass on every host of a set (SPEC 6). */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = {
      "The baseline of a set of hosts: per vector_id, the least constraining VM value that passes"
          + " on every host of the set, or why there is none. --json prints {host_ids, cluster,"
          + " vectors_with_a_value, vectors: [{vector_id, name, operation, value, value_hex,"
          + " status}]}."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  jobs/fleetcompat baseline --snapshot data-samples/cpu-fleet --cluster cl-icelake-a",
      "  jobs/fleetcompat baseline --snapshot data-samples/cpu-fleet --hosts h-0001,h-0042 --json"
    })
final class BaselineCommand extends SnapshotCommand {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Hosts hosts;

  /** Exactly one way of naming the hosts. */
  static final class Hosts {
    @Option(
        names = "--hosts",
        split = ",",
        paramLabel = "ID",
        description = "Host ids, comma separated.")
    List<String> ids;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Every host of a cluster.")
    String cluster;
  }

  @Override
  int answer(Runner runner, PrintWriter w) {
    BaselineJob.HostsBaseline b =
        hosts.cluster != null
            ? BaselineJob.ofCluster(runner.storage(snapshot.dir()), snapshot.dir(), hosts.cluster)
            : BaselineJob.ofHosts(runner.storage(snapshot.dir()), snapshot.dir(), hosts.ids);
    VectorCatalog names = catalog.catalog();
    if (json) {
      JsonOutput.print(JsonOutput.Baseline.of(b, hosts.cluster, names), w);
      return ExitCodes.OK;
    }
    w.printf(
        Locale.ROOT,
        "baseline of %d host%s%s: %d vectors, %d with a value%n",
        b.hostIds().size(),
        b.hostIds().size() == 1 ? "" : "s",
        hosts.cluster != null ? " of cluster " + hosts.cluster : "",
        b.baseline().vectors().size(),
        b.baseline().vmVectors().size());
    w.printf(
        Locale.ROOT,
        "%-10s  %-26s  %-18s  %-18s  %s%n",
        "vector_id",
        "name",
        "operation",
        "value",
        "status");
    for (BaselineVector v : b.baseline().vectors()) {
      w.printf(
          Locale.ROOT,
          "%-10s  %-26s  %-18s  %-18s  %s%n",
          Hex.vectorId(v.vectorId()),
          names.name(v.vectorId()),
          v.operation() == null ? "-" : v.operation().displayName(),
          v.hasValue() ? Hex.value(v.value()) : "-",
          v.status());
    }
    return ExitCodes.OK;
  }
}
