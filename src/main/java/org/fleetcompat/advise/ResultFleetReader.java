package org.fleetcompat.advise;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import org.fleetcompat.drift.ClassMatrix;
import org.fleetcompat.drift.ClassVectors;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.drift.ResultRows;

/**
 * Reads a result directory (SPEC section 5) into a {@link ClassFleet} through {@link
 * ResultDirectory}, which checks the manifest and every table's row count: {@code host_classes},
 * {@code vm_summary}, {@code class_matrix} and {@code host_class_vectors}. Cost: one pass over
 * those tables; the VMs are kept only as (class, current host) counts. Stateless.
 */
public final class ResultFleetReader {
  private ResultFleetReader() {}

  /** The fleet of {@code result}. */
  public static ClassFleet read(ResultDirectory result) {
    ClassFleet.Builder b = ClassFleet.builder();
    ClassVectors hostVectors = result.hostClassVectors();
    Set<Integer> hostClasses = new HashSet<>();
    for (ResultRows.Host h : result.hosts()) {
      b.host(h.hostId(), h.hostClass(), h.cluster(), h.poolId());
      if (hostClasses.add(h.hostClass())) {
        b.hostClass(h.hostClass(), hostVectors.of(h.hostClass()));
      }
    }
    ClassMatrix matrix = result.classMatrix();
    Set<Integer> vmClasses = new HashSet<>();
    for (ResultRows.Vm v : result.vms()) {
      if (vmClasses.add(v.vmClass())) {
        BitSet row = matrix.row(v.vmClass());
        b.vmClass(v.vmClass(), row);
      }
      b.vm(v.vmClass(), v.currentHostId());
    }
    return b.build();
  }
}
