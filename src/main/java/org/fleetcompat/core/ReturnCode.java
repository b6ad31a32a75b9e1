package org.fleetcompat.core;

/**
 * The return codes of the single-system API and of batch jobs (SPEC section 2), as in Hyper-V's
 * {@code CheckSystemCompatibilityInfo}. A job's final status in its manifest uses the same table.
 */
public enum ReturnCode {
  /** Compatible (reasons may still carry warnings). */
  COMPLETED(0, "Completed with No Error"),
  /** An asynchronous batch job was accepted. */
  JOB_STARTED(4096, "Method Parameters Checked - Job Started"),
  /** The check itself could not be carried out. */
  FAILED(32768, "Failed"),
  /** Access denied. */
  ACCESS_DENIED(32769, "Access Denied"),
  /** Not supported, for example a blob of a newer format version. */
  NOT_SUPPORTED(32770, "Not Supported"),
  /** Status is unknown. */
  STATUS_UNKNOWN(32771, "Status is unknown"),
  /** Timeout. */
  TIMEOUT(32772, "Timeout"),
  /** Invalid parameter: a corrupt blob, an unknown system, a missing table or column. */
  INVALID_PARAMETER(32773, "Invalid parameter"),
  /** System is in use. */
  SYSTEM_IN_USE(32774, "System is in use"),
  /** Invalid state for this operation. */
  INVALID_STATE(32775, "Invalid state for this operation"),
  /** Incorrect data type, for example a column of an unusable type. */
  INCORRECT_DATA_TYPE(32776, "Incorrect data type"),
  /** System is not available. */
  SYSTEM_NOT_AVAILABLE(32777, "System is not available"),
  /** Out of memory. */
  OUT_OF_MEMORY(32778, "Out of memory"),
  /** Not compatible: the reasons list every failing vector. */
  NOT_COMPATIBLE(32784, "Not compatible");

  private final int code;
  private final String description;

  ReturnCode(int code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The numeric code, as Hyper-V returns it and as written to manifests. */
  public int code() {
    return code;
  }

  /** The human description of the code, for example {@code Invalid parameter}. */
  public String description() {
    return description;
  }

  /**
   * The code with this number.
   *
   * @throws IllegalArgumentException if no code has this number
   */
  public static ReturnCode ofCode(int code) {
    for (ReturnCode c : values()) {
      if (c.code == code) {
        return c;
      }
    }
    throw new IllegalArgumentException("Unknown return code " + code);
  }

  @Override
  public String toString() {
    return code + " (" + description + ")";
  }
}
