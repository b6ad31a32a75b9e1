package org.fleetcompat.core;

/**
 * A failure that carries the status code of SPEC section 2 that the job or check ends with. The
 * message is for people: it states the problem, where (file, column, value) and the fix.
 */
public class FleetcompatException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ReturnCode status;

  /** A failure with this status and message. */
  public FleetcompatException(ReturnCode status, String message) {
    super(message);
    this.status = status;
  }

  /** A failure with this status and message, caused by {@code cause}. */
  public FleetcompatException(ReturnCode status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The status code the job ends with. */
  public ReturnCode status() {
    return status;
  }
}
