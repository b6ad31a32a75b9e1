package org.fleetcompat.advise;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * The host set an advisor works on, named by cluster, pool or host ids, resolved against a {@link
 * ClassFleet}. Errors are one line with status 32773 (SPEC section 2), naming what was asked for,
 * where it was looked for, and what to pass instead. Stateless.
 */
public final class HostSelection {
  private HostSelection() {}

  /** Every host of {@code cluster}. */
  public static BitSet cluster(ClassFleet fleet, String cluster, String where) {
    BitSet hosts = new BitSet();
    for (int h = 0; h < fleet.hostCount(); h++) {
      if (Objects.equals(fleet.clusterOf(h), cluster)) {
        hosts.set(h);
      }
    }
    if (hosts.isEmpty()) {
      throw AdviseErrors.emptyCluster(cluster, where);
    }
    return hosts;
  }

  /** Every host of pool {@code pool}. */
  public static BitSet pool(ClassFleet fleet, int pool, String where) {
    BitSet hosts = new BitSet();
    for (int h = 0; h < fleet.hostCount(); h++) {
      if (fleet.poolOf(h) == pool) {
        hosts.set(h);
      }
    }
    if (hosts.isEmpty()) {
      throw AdviseErrors.emptyPool(pool, where);
    }
    return hosts;
  }

  /** The hosts {@code ids}; every one must be an evaluated host. */
  public static BitSet hosts(ClassFleet fleet, List<String> ids, String where) {
    if (ids.isEmpty()) {
      throw AdviseErrors.noHostIds();
    }
    List<String> unknown = new ArrayList<>();
    BitSet hosts = fleet.hostsOf(ids, unknown);
    if (!unknown.isEmpty()) {
      throw AdviseErrors.unknownHosts(unknown, where);
    }
    return hosts;
  }
}
