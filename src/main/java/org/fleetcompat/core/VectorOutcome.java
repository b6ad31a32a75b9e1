package org.fleetcompat.core;

/**
 * One VM vector judged against one host: what an explanation prints per vector.
 *
 * @param vectorId the unsigned 32-bit id
 * @param operation the VM's compare operation (the one that governs)
 * @param vmValue the VM's raw value
 * @param hostOperation the host's operation for that id, or {@code null} if the host lacks it
 * @param hostValue the host's raw value, meaningful only when {@code hostOperation} is not null
 * @param reason {@link Reason#PASS} or why the vector fails
 */
public record VectorOutcome(
    int vectorId,
    CompareOperation operation,
    long vmValue,
    CompareOperation hostOperation,
    long hostValue,
    Reason reason) {

  /**
   * For a failed mask compare, the bits that make it fail: for SubSet the VM bits the host lacks
   * ({@code vm & ~host}), for SuperSet the host bits the VM lacks ({@code host & ~vm}), for
   * Disjoint the bits both have ({@code vm & host}). Zero for every other outcome.
   */
  public long offendingBits() {
    if (reason != Reason.COMPARE_FAILED) {
      return 0;
    }
    return switch (operation) {
      case SUB_SET -> vmValue & ~hostValue;
      case SUPER_SET -> hostValue & ~vmValue;
      case DISJOINT -> vmValue & hostValue;
      default -> 0;
    };
  }

  /** Whether the host has a vector with this id. */
  public boolean isPresentOnHost() {
    return hostOperation != null;
  }
}
