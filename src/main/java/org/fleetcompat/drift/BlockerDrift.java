package org.fleetcompat.drift;

/**
 * A fleet-wide blocker (vector, operation, reason) that appeared, vanished or changed its count:
 * one row of {@code drift_blockers}. Immutable.
 *
 * @param change what happened
 * @param vectorId the vector_id
 * @param name its catalog name, or an empty string
 * @param compareOperation the operation code
 * @param operation the operation's name
 * @param reason the reason code
 * @param oldBlockedPairs pairs it blocked; 0 when it is new
 * @param newBlockedPairs pairs it blocks; 0 when it vanished
 * @param oldSoleBlockerPairs pairs it alone blocked
 * @param newSoleBlockerPairs pairs it alone blocks
 */
public record BlockerDrift(
    Change change,
    long vectorId,
    String name,
    int compareOperation,
    String operation,
    String reason,
    long oldBlockedPairs,
    long newBlockedPairs,
    long oldSoleBlockerPairs,
    long newSoleBlockerPairs) {

  /** How a blocker changed. */
  public enum Change {
    /** It blocks pairs tonight and blocked none last night. */
    NEW,
    /** It blocked pairs last night and blocks none tonight. */
    VANISHED,
    /** It blocks more pairs. */
    GREW,
    /** It blocks fewer pairs. */
    SHRANK
  }
}
