package org.fleetcompat.core;

/**
 * The baseline of a set of hosts for one {@code vector_id} (SPEC section 6): the VM value that
 * passes on every host of the set and constrains least, or the status saying why there is none.
 * Immutable and thread safe.
 *
 * @param vectorId the unsigned 32-bit id
 * @param operation the operation every host of the set that has the id uses; {@code null} exactly
 *     when {@code status} is {@link BaselineStatus#OPERATION_DIFFERS}
 * @param value the raw unsigned 64-bit baseline value when {@code status} is {@link
 *     BaselineStatus#VALUE}; always 0 otherwise (so that equal baselines are equal records)
 * @param status whether there is a value, and if not why; never {@code null}
 */
public record BaselineVector(
    int vectorId, CompareOperation operation, long value, BaselineStatus status) {

  /**
   * Checks the invariants above.
   *
   * @throws IllegalArgumentException if {@code status} is null, if {@code operation} is null and
   *     {@code status} is not {@link BaselineStatus#OPERATION_DIFFERS} (or the other way round), or
   *     if a status other than {@link BaselineStatus#VALUE} comes with a non-zero value
   */
  public BaselineVector {
    if (status == null) {
      throw new IllegalArgumentException(
          "Baseline vector " + Hex.vectorId(vectorId) + ": null status");
    }
    if ((operation == null) != (status == BaselineStatus.OPERATION_DIFFERS)) {
      throw new IllegalArgumentException(
          "Baseline vector "
              + Hex.vectorId(vectorId)
              + ": operation "
              + operation
              + " with status "
              + status
              + "; the operation is null exactly for OPERATION_DIFFERS");
    }
    if (status != BaselineStatus.VALUE && value != 0) {
      throw new IllegalArgumentException(
          "Baseline vector "
              + Hex.vectorId(vectorId)
              + ": value "
              + Hex.value(value)
              + " with status "
              + status
              + "; only VALUE carries a value, pass 0 otherwise");
    }
  }

  /** A vector with a value: status {@link BaselineStatus#VALUE}. */
  static BaselineVector of(int vectorId, CompareOperation operation, long value) {
    return new BaselineVector(vectorId, operation, value, BaselineStatus.VALUE);
  }

  /** A vector without a value, for any status but {@link BaselineStatus#VALUE}. */
  static BaselineVector none(int vectorId, CompareOperation operation, BaselineStatus status) {
    return new BaselineVector(vectorId, operation, 0L, status);
  }

  /** Whether the set has a baseline value for this id ({@code status == VALUE}). */
  public boolean hasValue() {
    return status == BaselineStatus.VALUE;
  }

  /**
   * The id and operation in the form explanations print, then the value in hex or the status, for
   * example {@code 0x10 SubSet 0x6}, {@code 0x3 Equal EQUAL_DISAGREES} or {@code 0x7
   * OPERATION_DIFFERS}.
   */
  @Override
  public String toString() {
    String op = operation == null ? "" : operation.displayName() + ' ';
    String tail = hasValue() ? Hex.value(value) : status.name();
    return Hex.vectorId(vectorId) + ' ' + op + tail;
  }
}
