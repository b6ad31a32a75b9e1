package org.fleetcompat.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.core.BlobMember;
import org.fleetcompat.core.CheckResult;
import org.fleetcompat.core.CompatibilityCheck;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.core.SystemBlob;
import org.fleetcompat.core.SystemKind;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.spark.SystemLookup;

/**
 * {@code info} and {@code check} (SPEC section 2) over snapshot data: the blob of a VM or of a host
 * (a host's blob holds every VM the {@code vms} table places on it), and the check of a blob
 * against a host of the snapshot.
 */
public final class SystemBlobJob {
  private SystemBlobJob() {}

  /**
   * The blob of {@code systemId}: a VM if {@code vm_vectors} has it, else a host.
   *
   * @throws FleetcompatException 32773 when the id is unknown, names both a VM and a host, is
   *     quarantined, or (for a host) one of its VMs is quarantined: leaving a VM out would make the
   *     host look drainable when it may not be
   */
  public static SystemBlob info(SparkSession spark, String snapshot, String systemId) {
    SystemLookup lookup = ExplainJob.lookup(spark, snapshot);
    SystemLookup.Found vms = lookup.find(SnapshotTable.VM_VECTORS, List.of(systemId));
    SystemLookup.Found hosts = lookup.find(SnapshotTable.HOST_VECTORS, List.of(systemId));
    if (vms.exists(systemId) && hosts.exists(systemId)) {
      throw new FleetcompatException(
          ReturnCode.INVALID_PARAMETER,
          "'" + systemId + "' names both a VM and a host in " + snapshot + "; ids must differ");
    }
    if (vms.exists(systemId)) {
      VectorSet vm = vms.require(systemId);
      return new SystemBlob(
          SystemKind.VM,
          systemId,
          List.of(new BlobMember(systemId, lookup.enabledState(systemId), vm)));
    }
    hosts.require(systemId);
    Map<String, Integer> onHost = lookup.vmsOnHost(systemId);
    SystemLookup.Found found = lookup.find(SnapshotTable.VM_VECTORS, onHost.keySet());
    List<BlobMember> members = new ArrayList<>();
    for (Map.Entry<String, Integer> vm : onHost.entrySet()) {
      if (found.isQuarantined(vm.getKey())) {
        found.require(vm.getKey());
      }
      // A VM the vms table names but with no vector rows does not exist (docs/DESIGN.md).
      if (found.exists(vm.getKey())) {
        members.add(new BlobMember(vm.getKey(), vm.getValue(), found.require(vm.getKey())));
      }
    }
    return new SystemBlob(SystemKind.HOST, systemId, members);
  }

  /** Checks a decoded blob against {@code hostId} of the snapshot. */
  public static CheckResult check(
      SparkSession spark, String snapshot, SystemBlob blob, String hostId) {
    VectorSet host =
        ExplainJob.lookup(spark, snapshot)
            .vectors(SnapshotTable.HOST_VECTORS, List.of(hostId))
            .get(hostId);
    return CompatibilityCheck.check(blob, host);
  }
}
