package org.fleetcompat.job;

import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotTable;

/**
 * The cold-migration what-if needs to know which VMs run and which vectors apply only while they
 * do; without either it would silently report no gain, so it is refused before any work.
 */
final class WhatIfInputs {
  private WhatIfInputs() {}

  static void require(RunOptions options, SnapshotInputs inputs) {
    if (!options.assumeStopped()) {
      return;
    }
    if (options.catalog().entries().isEmpty()) {
      throw new FleetcompatException(
          ReturnCode.INVALID_PARAMETER,
          "--assume-stopped needs a vector catalog that marks running-only vectors; pass --catalog"
              + " FILE (jobs/fleetcompat passes conf/vector-catalog.json)");
    }
    boolean states =
        inputs.optional(SnapshotTable.VMS).map(t -> t.hasColumn("enabled_state")).orElse(false);
    if (!states) {
      throw new FleetcompatException(
          ReturnCode.INVALID_PARAMETER,
          "--assume-stopped needs the vms table with enabled_state in "
              + inputs.snapshot()
              + ", to know which VMs are running");
    }
  }
}
