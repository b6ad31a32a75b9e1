package org.fleetcompat.io;

/**
 * One row of the optional {@code vms} table, as {@link SnapshotTableWriter#writeVms} writes it.
 *
 * @param vmId the {@code vm_id}; nullable (written as a Parquet null)
 * @param enabledState the {@code enabled_state} of Msvm_ComputerSystem (2 running, 3 off, 32769
 *     saved); nullable
 * @param currentHostId the {@code host_id} the VM runs on now; nullable
 * @param virtualProcessors {@code virtual_processors}; nullable (the column is written when any row
 *     has a value)
 * @param memoryMb {@code memory_mb}; nullable, as above
 */
public record VmRow(
    String vmId,
    Integer enabledState,
    String currentHostId,
    Long virtualProcessors,
    Long memoryMb) {

  /** A row without demand. */
  public VmRow(String vmId, Integer enabledState, String currentHostId) {
    this(vmId, enabledState, currentHostId, null, null);
  }
}
