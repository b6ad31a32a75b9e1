package org.fleetcompat.core;

/**
 * The ten compare operations of a compatibility vector (SPEC section 1).
 *
 * <p>The VM's value is always the left operand and the host's the right one; all arithmetic and
 * ordering is unsigned 64-bit, so values at and above 2^63 are ordinary large values. Instances are
 * immutable and thread safe.
 */
public enum CompareOperation {
  /** {@code vm == host}. */
  EQUAL(0),
  /** {@code (vm & host) == host}: the VM offers every bit the host has. */
  SUPER_SET(1),
  /** {@code (vm & host) == vm}: the host has every bit the VM needs. */
  SUB_SET(2),
  /** {@code (vm & host) == 0}. */
  DISJOINT(3),
  /** {@code vm > host}, unsigned. */
  GREATER_THAN(4),
  /** {@code vm >= host}, unsigned. */
  GREATER_THAN_OR_EQUAL(5),
  /** {@code vm < host}, unsigned. */
  LESS_THAN(6),
  /** {@code vm <= host}, unsigned. */
  LESS_THAN_OR_EQUAL(7),
  /** {@code host != 0 && vm % host == 0}, unsigned. */
  MULTIPLE(8),
  /** {@code vm != 0 && host % vm == 0}, unsigned. */
  DIVISOR(9);

  private static final CompareOperation[] BY_CODE = values();

  private final int code;

  CompareOperation(int code) {
    this.code = code;
  }

  /** The wire code of this operation (0..9), as stored in {@code compare_operation}. */
  public int code() {
    return code;
  }

  /** Whether {@code code} names an operation; any other value is an unknown operation. */
  public static boolean isKnown(long code) {
    return code >= 0 && code < BY_CODE.length;
  }

  /**
   * The operation with this wire code.
   *
   * @throws IllegalArgumentException if {@link #isKnown(long)} is false for {@code code}
   */
  public static CompareOperation ofCode(long code) {
    if (!isKnown(code)) {
      throw new IllegalArgumentException(
          "Unknown compare_operation " + code + ": expected 0..9 (Equal..Divisor)");
    }
    return BY_CODE[(int) code];
  }

  /** The name Hyper-V uses for this operation, for example {@code GreaterThanOrEqual}. */
  public String displayName() {
    return switch (this) {
      case EQUAL -> "Equal";
      case SUPER_SET -> "SuperSet";
      case SUB_SET -> "SubSet";
      case DISJOINT -> "Disjoint";
      case GREATER_THAN -> "GreaterThan";
      case GREATER_THAN_OR_EQUAL -> "GreaterThanOrEqual";
      case LESS_THAN -> "LessThan";
      case LESS_THAN_OR_EQUAL -> "LessThanOrEqual";
      case MULTIPLE -> "Multiple";
      case DIVISOR -> "Divisor";
    };
  }

  /** Whether the operation orders values (the four unsigned comparisons). */
  public boolean isOrdered() {
    return this == GREATER_THAN
        || this == GREATER_THAN_OR_EQUAL
        || this == LESS_THAN
        || this == LESS_THAN_OR_EQUAL;
  }

  /**
   * Whether a VM value passes against a host value under this operation. Both values are the raw
   * 64-bit patterns, read as unsigned. Constant time, allocation free.
   */
  public boolean passes(long vm, long host) {
    return switch (this) {
      case EQUAL -> vm == host;
      case SUPER_SET -> (vm & host) == host;
      case SUB_SET -> (vm & host) == vm;
      case DISJOINT -> (vm & host) == 0;
      case GREATER_THAN -> Long.compareUnsigned(vm, host) > 0;
      case GREATER_THAN_OR_EQUAL -> Long.compareUnsigned(vm, host) >= 0;
      case LESS_THAN -> Long.compareUnsigned(vm, host) < 0;
      case LESS_THAN_OR_EQUAL -> Long.compareUnsigned(vm, host) <= 0;
      case MULTIPLE -> host != 0 && Long.remainderUnsigned(vm, host) == 0;
      case DIVISOR -> vm != 0 && Long.remainderUnsigned(host, vm) == 0;
    };
  }

  /**
   * Why a VM value fails against a host value of the same operation, or {@link Reason#PASS}.
   * Distinguishes {@link Reason#ZERO_OPERAND} (Multiple with host 0, Divisor with VM 0) from an
   * ordinary {@link Reason#COMPARE_FAILED}.
   */
  public Reason reason(long vm, long host) {
    if (passes(vm, host)) {
      return Reason.PASS;
    }
    boolean zero = (this == MULTIPLE && host == 0) || (this == DIVISOR && vm == 0);
    return zero ? Reason.ZERO_OPERAND : Reason.COMPARE_FAILED;
  }
}
