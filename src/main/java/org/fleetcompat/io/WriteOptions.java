package org.fleetcompat.io;

import java.util.Objects;

/**
 * How {@link SnapshotTableWriter#writeVectors} lays out a vector table: the physical types of its
 * columns, dictionary encoding, and the split into part files. Immutable.
 *
 * @param value the encoding of {@code compatibility_info}; not null
 * @param vectorId the physical type of {@code vector_id}; not null
 * @param operation the physical type of {@code compare_operation}; not null
 * @param dictionary whether columns are dictionary-encoded (Parquet falls back to plain encoding by
 *     itself when a dictionary does not pay off)
 * @param rowsPerFile 0 for a single {@code <table>.parquet} file; otherwise the table is a
 *     directory {@code <table>/} of part files of at most this many rows each
 */
public record WriteOptions(
    ValueEncoding value,
    IntEncoding vectorId,
    IntEncoding operation,
    boolean dictionary,
    int rowsPerFile) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if an encoding is null
   * @throws IllegalArgumentException if {@code rowsPerFile} is negative
   */
  public WriteOptions {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(vectorId, "vectorId");
    Objects.requireNonNull(operation, "operation");
    if (rowsPerFile < 0) {
      throw new IllegalArgumentException(
          "rowsPerFile is " + rowsPerFile + ": expected 0 (one file) or a positive row count");
    }
  }

  /**
   * {@code UINT_64} values, INT64 {@code vector_id}, INT32 {@code compare_operation}, dictionary
   * on, one file.
   */
  public static WriteOptions defaults() {
    return new WriteOptions(
        ValueEncoding.UNSIGNED_INT64, IntEncoding.INT64, IntEncoding.INT32, true, 0);
  }

  /** A copy with another {@code compatibility_info} encoding. */
  public WriteOptions withValue(ValueEncoding newValue) {
    return new WriteOptions(newValue, vectorId, operation, dictionary, rowsPerFile);
  }

  /** A copy with another physical type for {@code vector_id}. */
  public WriteOptions withVectorId(IntEncoding newVectorId) {
    return new WriteOptions(value, newVectorId, operation, dictionary, rowsPerFile);
  }

  /** A copy with another physical type for {@code compare_operation}. */
  public WriteOptions withOperation(IntEncoding newOperation) {
    return new WriteOptions(value, vectorId, newOperation, dictionary, rowsPerFile);
  }

  /** A copy with dictionary encoding on, as in {@link #defaults()}. */
  public WriteOptions withDictionaryEncoding() {
    return new WriteOptions(value, vectorId, operation, true, rowsPerFile);
  }

  /** A copy with dictionary encoding off: every column is written plain. */
  public WriteOptions withoutDictionaryEncoding() {
    return new WriteOptions(value, vectorId, operation, false, rowsPerFile);
  }

  /** A copy with another part-file size; 0 means one file. */
  public WriteOptions withRowsPerFile(int newRowsPerFile) {
    return new WriteOptions(value, vectorId, operation, dictionary, newRowsPerFile);
  }
}
