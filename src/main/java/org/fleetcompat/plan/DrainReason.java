package org.fleetcompat.plan;

/**
 * Why a VM of a drained or failed host has no target. Names are a stable contract (the {@code
 * reason} columns of {@code drain_plans} and {@code pool_headroom}).
 */
public enum DrainReason {
  /** No other host that stays up is compatible with the VM. */
  NO_COMPATIBLE_HOST,
  /** Compatible hosts exist, but none has room for the VM beside the others placed. */
  NO_CAPACITY,
  /** The vms table places the VM on the host, but the VM was not evaluated (quarantined). */
  NOT_EVALUATED
}
