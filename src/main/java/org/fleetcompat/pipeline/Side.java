package org.fleetcompat.pipeline;

import org.fleetcompat.io.SnapshotTable;

/** The two sides of the matrix, each with its vector table and its optional attribute table. */
public enum Side {
  /** Hosts: {@code host_vectors} and {@code hosts}. */
  HOST(SnapshotTable.HOST_VECTORS, SnapshotTable.HOSTS),
  /** VMs: {@code vm_vectors} and {@code vms}. */
  VM(SnapshotTable.VM_VECTORS, SnapshotTable.VMS);

  private final SnapshotTable vectors;
  private final SnapshotTable attributes;

  Side(SnapshotTable vectors, SnapshotTable attributes) {
    this.vectors = vectors;
    this.attributes = attributes;
  }

  /** The side's vector table. */
  public SnapshotTable vectorTable() {
    return vectors;
  }

  /** The side's optional attribute table. */
  public SnapshotTable attributeTable() {
    return attributes;
  }
}
