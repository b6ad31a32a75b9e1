package org.fleetcompat.io;

/**
 * The physical type {@link SnapshotTableWriter} uses for {@code vector_id} and {@code
 * compare_operation}.
 */
public enum IntEncoding {
  /**
   * INT32. Plain signed INT32 when every value fits a signed int; when some value lies in
   * 2^31..2^32-1, the column is annotated {@code UINT_32} and holds the 32-bit pattern, so readers
   * see the unsigned value.
   */
  INT32,
  /** Plain signed INT64. */
  INT64
}
