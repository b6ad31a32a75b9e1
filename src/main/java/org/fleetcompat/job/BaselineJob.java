package org.fleetcompat.job;

import java.util.List;
import org.fleetcompat.core.Baseline;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.Storage;
import org.fleetcompat.pipeline.SystemLookup;

/**
 * {@code baseline} (SPEC section 6): the least constraining VM vectors that pass on every host of a
 * set, for hosts named by id or by cluster.
 */
public final class BaselineJob {
  private BaselineJob() {}

  /**
   * The baseline of the named hosts; every one must exist and be valid.
   *
   * @throws FleetcompatException 32773 for no ids, an unknown or a quarantined host
   */
  public static HostsBaseline ofHosts(Storage storage, String snapshot, List<String> hostIds) {
    if (hostIds.isEmpty()) {
      throw JobErrors.noHostIds();
    }
    return baseline(ExplainJob.lookup(storage, snapshot), hostIds);
  }

  /**
   * The baseline of every host the {@code hosts} table puts in {@code cluster}.
   *
   * @throws FleetcompatException 32773 when the cluster has no hosts, or one is quarantined
   */
  public static HostsBaseline ofCluster(Storage storage, String snapshot, String cluster) {
    SystemLookup lookup = ExplainJob.lookup(storage, snapshot);
    List<String> ids = lookup.hostsOfCluster(cluster);
    if (ids.isEmpty()) {
      throw JobErrors.emptyCluster(cluster, snapshot);
    }
    return baseline(lookup, ids);
  }

  private static HostsBaseline baseline(SystemLookup lookup, List<String> hostIds) {
    List<String> ids = hostIds.stream().distinct().sorted().toList();
    return new HostsBaseline(
        ids, Baseline.of(lookup.vectors(SnapshotTable.HOST_VECTORS, ids).values()));
  }

  /**
   * A baseline with the hosts it was computed for.
   *
   * @param hostIds the hosts, sorted
   * @param baseline their baseline
   */
  public record HostsBaseline(List<String> hostIds, Baseline baseline) {}
}
