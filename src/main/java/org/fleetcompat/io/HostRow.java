package org.fleetcompat.io;

/**
 * One row of the optional {@code hosts} table, as {@link SnapshotTableWriter#writeHosts} writes it.
 *
 * @param hostId the {@code host_id}; nullable (written as a Parquet null)
 * @param cluster the cluster the host belongs to; nullable
 */
public record HostRow(String hostId, String cluster) {}
