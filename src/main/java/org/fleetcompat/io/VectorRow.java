package org.fleetcompat.io;

import java.math.BigInteger;

/**
 * One row of {@code host_vectors} or {@code vm_vectors} as {@link SnapshotTableWriter} writes it.
 *
 * <p>Every component may be null (written as a Parquet null), and none is range-checked here, so
 * tests can write the bad rows that readers must quarantine: a {@code vectorId} of -1 or 2^32, an
 * operation of 12, a negative value or one of 2^64 and above.
 *
 * @param systemId the {@code host_id} or {@code vm_id}; nullable
 * @param vectorId the {@code vector_id}, normally 0..2^32-1; nullable
 * @param compareOperation the {@code compare_operation}, normally 0..9; nullable
 * @param value the {@code compatibility_info}, normally 0..2^64-1; nullable. The INT64 encodings
 *     store its low 64 bits ({@link BigInteger#longValue()}), the decimal encoding stores it
 *     exactly
 */
public record VectorRow(String systemId, Long vectorId, Long compareOperation, BigInteger value) {

  /**
   * A row with every field set, the value given as a raw 64-bit pattern read as unsigned (so {@code
   * -1L} stands for 2^64-1).
   *
   * @param systemId the system id; nullable
   * @param vectorId the {@code vector_id} (any long, so tests can write out-of-range ids)
   * @param op the {@code compare_operation} code
   * @param valueBits the value's 64-bit pattern
   */
  public static VectorRow of(String systemId, long vectorId, int op, long valueBits) {
    return new VectorRow(
        systemId, vectorId, (long) op, new BigInteger(Long.toUnsignedString(valueBits)));
  }
}
