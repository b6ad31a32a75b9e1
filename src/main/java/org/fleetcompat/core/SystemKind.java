package org.fleetcompat.core;

/**
 * What a system blob was taken from (SPEC section 2): one VM, or a host standing for all the VMs it
 * runs.
 */
public enum SystemKind {
  /** A virtual machine: its blob holds the VM itself. */
  VM,
  /** A host: its blob holds the VMs the host runs, so a check asks whether they could all move. */
  HOST
}
