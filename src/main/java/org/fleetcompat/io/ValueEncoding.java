package org.fleetcompat.io;

/**
 * How {@link SnapshotTableWriter} stores {@code compatibility_info}: the three physical forms a
 * snapshot reader must accept (SPEC section 3).
 */
public enum ValueEncoding {
  /** Plain signed INT64 holding the 64-bit pattern: what Spark writes for a {@code LongType}. */
  SIGNED_INT64,
  /** INT64 annotated {@code UINT_64}: what unsigned-aware tools (Arrow, DuckDB) write. */
  UNSIGNED_INT64,
  /**
   * {@code DECIMAL(20,0)} stored as {@code FIXED_LEN_BYTE_ARRAY(9)}, big-endian two's complement:
   * what Spark writes after reading a {@code UINT_64} column as {@code decimal(20,0)}.
   */
  DECIMAL_20_0
}
