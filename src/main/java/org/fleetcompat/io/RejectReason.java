package org.fleetcompat.io;

/**
 * Why an input row was quarantined into {@code rejected/} (SPEC section 4). Names are a stable
 * contract: notebooks filter on them.
 */
public enum RejectReason {
  /** The system id ({@code host_id} or {@code vm_id}) is null: the row belongs to no system. */
  NULL_SYSTEM_ID,
  /** {@code vector_id} is null. */
  NULL_VECTOR_ID,
  /** {@code vector_id} is outside 0..2^32-1. */
  VECTOR_ID_OUT_OF_RANGE,
  /** {@code compare_operation} is null. */
  NULL_OPERATION,
  /** {@code compare_operation} is not one of 0..9. */
  UNKNOWN_OPERATION,
  /** {@code compatibility_info} is null. */
  NULL_VALUE,
  /** {@code compatibility_info} (a decimal) is outside 0..2^64-1 or not a whole number. */
  VALUE_OUT_OF_RANGE,
  /** Same system and {@code vector_id}, another operation or value. */
  CONFLICTING_DUPLICATE,
  /** A valid row of a system that has an invalid row: the whole system is quarantined. */
  SYSTEM_QUARANTINED,
  /** A row of {@code hosts} or {@code vms} for a system that has no vector rows. */
  NO_VECTORS,
  /** Two rows of {@code hosts} or {@code vms} for one system that disagree. */
  CONFLICTING_ATTRIBUTES,
  /**
   * A capacity column of {@code hosts} or {@code vms} (logical_processors, memory_mb,
   * reserved_memory_mb, virtual_processors) is null, negative or not a whole number, or a host
   * reserves more memory than it has: the system's rows are all quarantined, since a plan cannot
   * trust a host or a VM of unknown size.
   */
  INVALID_CAPACITY
}
