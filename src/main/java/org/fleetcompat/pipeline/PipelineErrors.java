package org.fleetcompat.pipeline;

import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;

/**
 * Every user-facing error the pipeline and its runners raise themselves, built in one place. Input
 * and output files' errors come from io's {@code InputErrors} and {@code OutputErrors}.
 */
public final class PipelineErrors {
  private PipelineErrors() {}

  /** The class matrix would not fit what the analysis holds (status 32778). */
  public static FleetcompatException classMatrixTooLarge(
      int vmClasses, int hostClasses, long bits, long maxBits) {
    return new FleetcompatException(
        ReturnCode.OUT_OF_MEMORY,
        "Cannot analyze the fleet: its class matrix of "
            + vmClasses
            + " VM classes x "
            + hostClasses
            + " host classes needs "
            + bits
            + " bits, more than the "
            + maxBits
            + " the analysis holds; the systems share almost no configurations: check that"
            + " system ids are not part of the vectors");
  }

  /** The run was interrupted while its tasks ran (status 32768). */
  public static FleetcompatException interrupted(InterruptedException e) {
    return new FleetcompatException(
        ReturnCode.FAILED, "Interrupted while running the pipeline; run it again", e);
  }

  /** A task failed with a checked exception that no stage turned into an error (status 32768). */
  public static FleetcompatException taskFailed(Throwable t) {
    return new FleetcompatException(ReturnCode.FAILED, "A pipeline task failed: " + t, t);
  }

  /** A Spark master without executors for longer than the run waits (status 32777). */
  public static FleetcompatException noExecutors(
      String master, long timeoutSeconds, String timeoutKey, Exception cause) {
    return new FleetcompatException(
        ReturnCode.SYSTEM_NOT_AVAILABLE,
        "Spark master "
            + master
            + " has had no executor for "
            + timeoutSeconds
            + " s (every worker lost or none with free cores), so the job was stopped; nothing was"
            + " published; start workers, or set "
            + timeoutKey
            + " to wait longer",
        cause);
  }
}
