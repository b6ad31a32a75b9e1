package org.fleetcompat.plan;

/**
 * Which capacity dimensions a plan checks: a dimension counts only when the hosts table gives the
 * capacity and the vms table the demand ({@code logical_processors} / {@code virtual_processors},
 * {@code memory_mb} less {@code reserved_memory_mb} / {@code memory_mb}). With neither, placement
 * is by compatibility alone.
 */
public enum Capacity {
  /** Compatibility only. */
  NONE(false, false),
  /** Processors only. */
  PROCESSORS(true, false),
  /** Memory only. */
  MEMORY(false, true),
  /** Processors and memory. */
  BOTH(true, true);

  private final boolean processors;
  private final boolean memory;

  Capacity(boolean processors, boolean memory) {
    this.processors = processors;
    this.memory = memory;
  }

  /** The dimensions that count, given which columns the snapshot has. */
  public static Capacity of(boolean processors, boolean memory) {
    return processors ? (memory ? BOTH : PROCESSORS) : (memory ? MEMORY : NONE);
  }

  /** Whether processors count. */
  public boolean countsProcessors() {
    return processors;
  }

  /** Whether memory counts. */
  public boolean countsMemory() {
    return memory;
  }

  /** Whether any dimension counts. */
  public boolean isConstrained() {
    return processors || memory;
  }
}
