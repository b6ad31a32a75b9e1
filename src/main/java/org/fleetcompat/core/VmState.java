package org.fleetcompat.core;

/**
 * The states a VM reports its vectors in ({@code enabled_state} of Msvm_ComputerSystem, SPEC
 * section 1). The vectors depend on the state: an off VM usually reports fewer constraints than a
 * running or saved one, which is what the vector catalog and the cold-migration what-if rely on.
 */
public enum VmState {
  /** 2, Enabled: the VM runs, so it needs every feature it runs with. */
  RUNNING(2),
  /** 3, Disabled: the VM is off; it will start on whatever the target host offers. */
  OFF(3),
  /** 32769, Suspended: the VM's memory is saved and must resume on a compatible processor. */
  SAVED(32769);

  private final int enabledState;

  VmState(int enabledState) {
    this.enabledState = enabledState;
  }

  /** The {@code enabled_state} code. */
  public int enabledState() {
    return enabledState;
  }

  /**
   * The state of an {@code enabled_state} code. Any other code (a VM starting, pausing, or a state
   * not in the snapshot) is treated as {@link #RUNNING}: it keeps every vector, which can only make
   * the answer more cautious.
   *
   * @param enabledState the code, or null when the snapshot does not say
   */
  public static VmState ofEnabledState(Integer enabledState) {
    if (enabledState != null) {
      for (VmState s : values()) {
        if (s.enabledState == enabledState) {
          return s;
        }
      }
    }
    return RUNNING;
  }

  /**
   * A VM's {@code enabled_state} for people: {@code running, enabled_state 2}, {@code off,
   * enabled_state 3}, {@code saved, enabled_state 32769}, {@code enabled_state 6} for a code of no
   * known state, {@code enabled_state unknown} for null.
   */
  public static String describe(Integer enabledState) {
    if (enabledState == null) {
      return "enabled_state unknown";
    }
    for (VmState s : values()) {
      if (s.enabledState == enabledState) {
        return s.catalogName() + ", enabled_state " + enabledState;
      }
    }
    return "enabled_state " + enabledState;
  }

  /** The catalog's name for the state: {@code running}, {@code off} or {@code saved}. */
  public String catalogName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
