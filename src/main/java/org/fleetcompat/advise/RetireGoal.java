package org.fleetcompat.advise;

/**
 * What {@code advise-retire} optimizes. Under SPEC's definition removing hosts can never reduce the
 * number of stranded VMs (it only removes places to go), so stranded VMs are the cost every answer
 * reports and minimizes among equally good sets, not a goal of its own.
 */
public enum RetireGoal {
  /** The most features gained by the set's baseline ({@link BaselineChange}). */
  BASELINE,
  /** The most VMs that fit every remaining host of the set (can move freely within it). */
  MOBILE
}
