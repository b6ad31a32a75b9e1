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

  /** Whether the host has a vector with this id. */
  public boolean isPresentOnHost() {
    return hostOperation != null;
  }
}
