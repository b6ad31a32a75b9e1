package org.fleetcompat.core;

/**
 * The outcome of one VM vector against one host (SPEC section 1): a pass, or the named reason it
 * fails. The names are a stable contract: they appear in explanations, blockers and check output.
 */
public enum Reason {
  /** The vector passes its compare against the host's vector of the same id. */
  PASS,
  /** Both sides have the vector with the same operation, and the compare is false. */
  COMPARE_FAILED,
  /** The host has no vector with that id. */
  MISSING_ON_HOST,
  /** The host's vector with that id carries another compare operation than the VM's. */
  OPERATION_MISMATCH,
  /** Multiple with host value 0, or Divisor with VM value 0. */
  ZERO_OPERAND;

  /** Whether this outcome lets the vector pass. */
  public boolean passes() {
    return this == PASS;
  }
}
