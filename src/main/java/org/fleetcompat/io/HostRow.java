package org.fleetcompat.io;

/**
 * One row of the optional {@code hosts} table, as {@link SnapshotTableWriter#writeHosts} writes it.
 *
 * @param hostId the {@code host_id}; nullable (written as a Parquet null)
 * @param cluster the cluster the host belongs to; nullable
 * @param logicalProcessors {@code logical_processors}; nullable (the column is written when any row
 *     has a value)
 * @param memoryMb {@code memory_mb}; nullable, as above
 * @param reservedMemoryMb {@code reserved_memory_mb}; nullable, as above
 */
public record HostRow(
    String hostId, String cluster, Long logicalProcessors, Long memoryMb, Long reservedMemoryMb) {

  /** A row without capacity. */
  public HostRow(String hostId, String cluster) {
    this(hostId, cluster, null, null, null);
  }
}
