package org.fleetcompat.advise;

import java.util.List;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;

/**
 * Every user-facing error of the advisors, built in one place: each names the cluster, pool or host
 * at fault, where it was looked for, and what to pass instead. All status 32773.
 */
final class AdviseErrors {
  private AdviseErrors() {}

  static FleetcompatException emptyCluster(String cluster, String where) {
    return invalid(
        "Cluster '"
            + cluster
            + "' has no evaluated hosts in "
            + where
            + "; pass a cluster of the result's host_classes table");
  }

  static FleetcompatException emptyPool(int pool, String where) {
    return invalid(
        "Pool "
            + pool
            + " has no hosts in "
            + where
            + "; pass a pool_id of the result's pools table");
  }

  static FleetcompatException noHostIds() {
    return invalid("No host ids given; pass --hosts ID,ID,...");
  }

  static FleetcompatException unknownHosts(List<String> unknown, String where) {
    return invalid(
        "Host "
            + String.join(", ", unknown)
            + " is not an evaluated host of "
            + where
            + " (unknown or quarantined); pass host ids of its host_classes table");
  }

  private static FleetcompatException invalid(String message) {
    return new FleetcompatException(ReturnCode.INVALID_PARAMETER, message);
  }
}
