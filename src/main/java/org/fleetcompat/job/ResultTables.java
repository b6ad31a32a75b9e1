package org.fleetcompat.job;

/** The names of the result tables (SPEC section 5): the contract notebooks and reports rely on. */
public final class ResultTables {
  /** VMs and their classes. */
  public static final String VM_CLASSES = "vm_classes";

  /** Hosts and their classes. */
  public static final String HOST_CLASSES = "host_classes";

  /** Compatible (vm_class, host_class) pairs. */
  public static final String CLASS_MATRIX = "class_matrix";

  /** Compatible (vm_id, host_id) pairs, with {@code --pairs}. */
  public static final String COMPATIBLE_PAIRS = "compatible_pairs";

  /** Quarantined input rows. */
  public static final String REJECTED = "rejected";

  private ResultTables() {}
}
