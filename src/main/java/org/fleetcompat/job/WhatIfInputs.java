package org.fleetcompat.job;

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
      throw JobErrors.assumeStoppedNeedsCatalog();
    }
    boolean states =
        inputs.optional(SnapshotTable.VMS).map(t -> t.hasColumn("enabled_state")).orElse(false);
    if (!states) {
      throw JobErrors.assumeStoppedNeedsStates(inputs.snapshot());
    }
  }
}
