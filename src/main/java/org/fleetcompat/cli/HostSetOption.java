package org.fleetcompat.cli;

import java.util.BitSet;
import java.util.List;
import org.fleetcompat.advise.ClassFleet;
import org.fleetcompat.advise.HostSelection;
import picocli.CommandLine.Option;

/** Exactly one way of naming the host set an advisor works on: a cluster, a pool or host ids. */
final class HostSetOption {
  @Option(names = "--cluster", paramLabel = "NAME", description = "Every host of a cluster.")
  String cluster;

  @Option(names = "--pool", paramLabel = "ID", description = "Every host of a pool (pool_id).")
  Integer pool;

  @Option(
      names = "--hosts",
      split = ",",
      paramLabel = "ID",
      description = "Host ids, comma separated.")
  List<String> ids;

  /** The hosts of {@code fleet} the option names; {@code where} names the result in errors. */
  BitSet resolve(ClassFleet fleet, String where) {
    if (cluster != null) {
      return HostSelection.cluster(fleet, cluster, where);
    }
    if (pool != null) {
      return HostSelection.pool(fleet, pool, where);
    }
    return HostSelection.hosts(fleet, ids, where);
  }

  /** For example {@code cluster cl-a}, {@code pool 3} or {@code 2 hosts}. */
  String describe() {
    if (cluster != null) {
      return "cluster " + cluster;
    }
    if (pool != null) {
      return "pool " + pool;
    }
    return ids.size() + " named host" + (ids.size() == 1 ? "" : "s");
  }
}
