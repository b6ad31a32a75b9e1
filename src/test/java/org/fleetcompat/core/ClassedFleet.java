package org.fleetcompat.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fleetcompat.reference.NestedLoopReference.RefVector;
import org.fleetcompat.reference.RandomFleet;

/**
 * A {@link RandomFleet} deduplicated into classes the way the engine does it: classes numbered in
 * order of first appearance, which is the order of their smallest system id.
 *
 * @param vmClasses the VM classes, by class number
 * @param vmsByClass the VM ids of each VM class
 * @param hostClasses the host classes, by class number
 * @param hostsByClass the host ids of each host class
 */
record ClassedFleet(
    List<VectorSet> vmClasses,
    List<List<String>> vmsByClass,
    List<VectorSet> hostClasses,
    List<List<String>> hostsByClass) {

  static ClassedFleet of(RandomFleet fleet) {
    Map<VectorSet, List<String>> vms = classes(fleet.vms());
    Map<VectorSet, List<String>> hosts = classes(fleet.hosts());
    return new ClassedFleet(
        new ArrayList<>(vms.keySet()),
        new ArrayList<>(vms.values()),
        new ArrayList<>(hosts.keySet()),
        new ArrayList<>(hosts.values()));
  }

  HostClassIndex index() {
    return HostClassIndex.of(hostClasses);
  }

  /** Per host class, the VM classes the kernel says it accepts: the matrix columns. */
  List<BitSet> columns() {
    MatrixKernel kernel = new MatrixKernel(index());
    List<BitSet> columns = new ArrayList<>();
    for (int hc = 0; hc < hostClasses.size(); hc++) {
      columns.add(new BitSet());
    }
    for (int vc = 0; vc < vmClasses.size(); vc++) {
      BitSet row = kernel.compatibleHostClasses(vmClasses.get(vc));
      for (int hc = row.nextSetBit(0); hc >= 0; hc = row.nextSetBit(hc + 1)) {
        columns.get(hc).set(vc);
      }
    }
    return columns;
  }

  private static Map<VectorSet, List<String>> classes(Map<String, List<RefVector>> systems) {
    Map<VectorSet, List<String>> classes = new LinkedHashMap<>();
    systems.forEach(
        (id, vectors) ->
            classes
                .computeIfAbsent(MatrixKernelTest.vectorSet(vectors), k -> new ArrayList<>())
                .add(id));
    return classes;
  }
}
