package org.fleetcompat.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fleetcompat.core.BlobMember;
import org.fleetcompat.core.CheckResult;
import org.fleetcompat.core.CompatibilityCheck;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.SystemBlob;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.Storage;
import org.fleetcompat.pipeline.SystemLookup;

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
  public static SystemBlob info(Storage storage, String snapshot, String systemId) {
    return infos(storage, snapshot, List.of(systemId)).get(systemId);
  }

  /**
   * The blob of each of {@code systemIds}, exactly as {@link #info} makes it, with a few Spark jobs
   * in all instead of a few per id: for tools (and tests) that take the blobs of a whole fleet.
   *
   * @return the blobs by id, in the order given
   * @throws FleetcompatException as {@link #info}, for the first id (in the order given) that has
   *     no blob
   */
  public static Map<String, SystemBlob> infos(
      Storage storage, String snapshot, Collection<String> systemIds) {
    SystemLookup lookup = ExplainJob.lookup(storage, snapshot);
    SystemLookup.Found vms = lookup.find(SnapshotTable.VM_VECTORS, systemIds);
    SystemLookup.Found hosts = lookup.find(SnapshotTable.HOST_VECTORS, systemIds);
    List<String> vmIds = systemIds.stream().filter(vms::exists).toList();
    List<String> hostIds = systemIds.stream().filter(id -> !vms.exists(id)).toList();
    Map<String, Integer> states = lookup.enabledStates(vmIds);
    Map<String, Map<String, Integer>> onHosts =
        hostIds.stream().anyMatch(hosts::exists) ? lookup.vmsOnHosts(hostIds) : Map.of();
    Set<String> memberIds = new TreeSet<>();
    onHosts.values().forEach(m -> memberIds.addAll(m.keySet()));
    SystemLookup.Found members = lookup.find(SnapshotTable.VM_VECTORS, memberIds);
    Set<String> conflicting = lookup.vmsWithConflictingRows(memberIds);
    Map<String, SystemBlob> blobs = new LinkedHashMap<>();
    for (String id : systemIds) {
      if (vms.exists(id) && hosts.exists(id)) {
        throw JobErrors.ambiguousSystem(id, snapshot);
      }
      if (!vms.exists(id) && !hosts.exists(id)) {
        throw JobErrors.unknownSystem(id, snapshot);
      }
      if (vms.exists(id)) {
        blobs.put(id, SystemBlob.vm(id, states.get(id), vms.require(id)));
      } else {
        hosts.require(id);
        blobs.put(id, hostBlob(id, onHosts.getOrDefault(id, Map.of()), members, conflicting));
      }
    }
    return blobs;
  }

  /**
   * The blob of a host: every VM the {@code vms} rows place on it. A VM the run would not count on
   * the host (quarantined, without vector rows, or with conflicting {@code vms} rows) makes the
   * blob impossible, as it makes {@code host_evacuation}'s answer unknown: leaving it out would
   * make the host look drainable when it may not be.
   */
  private static SystemBlob hostBlob(
      String hostId,
      Map<String, Integer> onHost,
      SystemLookup.Found found,
      Set<String> conflicting) {
    List<BlobMember> members = new ArrayList<>();
    for (Map.Entry<String, Integer> vm : onHost.entrySet()) {
      String vmId = vm.getKey();
      String problem =
          found.isQuarantined(vmId)
              ? null
              : !found.exists(vmId)
                  ? "has no rows in vm_vectors"
                  : conflicting.contains(vmId) ? "has conflicting rows in vms" : null;
      if (problem != null) {
        throw JobErrors.unknownMember(hostId, vmId, problem);
      }
      members.add(new BlobMember(vmId, vm.getValue(), found.require(vmId)));
    }
    return SystemBlob.host(hostId, members);
  }

  /** Checks a decoded blob against {@code hostId} of the snapshot. */
  public static CheckResult check(
      Storage storage, String snapshot, SystemBlob blob, String hostId) {
    VectorSet host =
        ExplainJob.lookup(storage, snapshot)
            .vectors(SnapshotTable.HOST_VECTORS, List.of(hostId))
            .get(hostId);
    return CompatibilityCheck.check(blob, host);
  }
}
