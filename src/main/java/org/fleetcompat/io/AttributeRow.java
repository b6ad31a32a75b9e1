package org.fleetcompat.io;

import java.util.List;

/**
 * One row of the {@code hosts} or {@code vms} table, with what vector validation decided for its
 * system.
 *
 * @param systemId the host or VM id, or null
 * @param values the contract's optional columns in {@link ColumnContract#columns} order, nulls
 *     allowed
 * @param vectors what became of the system's vector rows
 * @param row the row as read
 * @param file the file it came from
 */
public record AttributeRow(
    String systemId, List<Object> values, VectorStatus vectors, String row, String file) {

  /** What became of a system's vector rows. */
  public enum VectorStatus {
    /** Kept for evaluation. */
    ACCEPTED,
    /** Quarantined. */
    QUARANTINED,
    /** The vector table has no row for the system. */
    ABSENT
  }
}
