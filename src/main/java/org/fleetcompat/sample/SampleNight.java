package org.fleetcompat.sample;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.VectorRow;
import org.fleetcompat.io.VmRow;

/**
 * One night of the sample fleet planned in memory: its clusters, hosts and VMs, and the table rows
 * (bad rows included) that {@link #write} puts into a snapshot directory.
 *
 * @param clusters the clusters, each with the positions of its hosts
 * @param hosts the hosts in id order
 * @param models the CPU models VMs can be configured with
 * @param vms the VMs with vectors as planned, in id order (the VM without vectors is not here)
 * @param victims the VMs made faulty: conflicting duplicate, unknown operation, exact duplicates
 * @param orphanHost the host the VM without vectors is placed on
 * @param misplacedVms VMs whose current host is not compatible with them
 * @param unsupportedModelVms VMs that no host is compatible with
 * @param nullHostRowSource the host row whose copy with a null host_id is injected
 * @param hostRows rows of host_vectors, bad rows included
 * @param vmRows rows of vm_vectors, bad rows included
 * @param vmTable rows of vms, the VM without vectors included
 * @param faults one readable line per injected fault
 * @param badRows rows that are bad or duplicated on purpose
 */
record SampleNight(
    List<SampleCluster> clusters,
    List<SampleHost> hosts,
    List<CpuModel> models,
    List<PlannedVm> vms,
    List<String> victims,
    String orphanHost,
    int misplacedVms,
    int unsupportedModelVms,
    VectorRow nullHostRowSource,
    List<VectorRow> hostRows,
    List<VectorRow> vmRows,
    List<VmRow> vmTable,
    List<String> faults,
    int badRows) {

  /**
   * Writes the four tables into {@code snapshotDir}, replacing them there (other files are left
   * alone): {@code host_vectors/} and {@code vm_vectors/} as part files, {@code hosts.parquet} and
   * {@code vms.parquet}.
   */
  SampleSnapshotGenerator.GeneratedSnapshot write(Path snapshotDir) {
    SnapshotTableWriter.writeVectors(
        snapshotDir,
        SnapshotTable.HOST_VECTORS,
        hostRows,
        SampleSnapshotGenerator.partOptions(hostRows, SampleSnapshotGenerator.HOST_PARTS));
    SnapshotTableWriter.writeVectors(
        snapshotDir,
        SnapshotTable.VM_VECTORS,
        vmRows,
        SampleSnapshotGenerator.partOptions(vmRows, SampleSnapshotGenerator.VM_PARTS));
    SnapshotTableWriter.writeHosts(
        snapshotDir,
        hosts.stream().map(h -> SampleCapacity.host(h.id(), h.cluster().name())).toList());
    SnapshotTableWriter.writeVms(snapshotDir, vmTable);

    SortedMap<Integer, Integer> states = new TreeMap<>();
    vmTable.forEach(v -> states.merge(v.enabledState(), 1, Integer::sum));
    return new SampleSnapshotGenerator.GeneratedSnapshot(
        hosts.size(),
        vmTable.size(),
        hostRows.size(),
        vmRows.size(),
        badRows,
        misplacedVms,
        unsupportedModelVms,
        Collections.unmodifiableSortedMap(states),
        clusters.stream().map(SampleCluster::describe).toList(),
        List.copyOf(faults));
  }
}
