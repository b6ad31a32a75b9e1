package org.fleetcompat.job;

import java.util.List;

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

  /** Compatibility pools: hosts that accept exactly the same VMs, with their baselines. */
  public static final String POOLS = "pools";

  /** The partial order of pools: which accepts a strict superset of which. */
  public static final String POOL_EDGES = "pool_edges";

  /** Per VM: compatible hosts and pools, whether its current host is still fine, stranded. */
  public static final String VM_SUMMARY = "vm_summary";

  /** Per host: its VMs, which of them have nowhere else to go, whether it can be drained. */
  public static final String HOST_EVACUATION = "host_evacuation";

  /** Per vector and reason: how many VM-host pairs it blocks, fleet-wide. */
  public static final String BLOCKERS = "blockers";

  /** The same per pool. */
  public static final String BLOCKERS_BY_POOL = "blockers_by_pool";

  /** Quarantined input rows. */
  public static final String REJECTED = "rejected";

  /** Every table, in the order the manifest lists them. */
  public static final List<String> ALL =
      List.of(
          VM_CLASSES,
          HOST_CLASSES,
          CLASS_MATRIX,
          COMPATIBLE_PAIRS,
          POOLS,
          POOL_EDGES,
          VM_SUMMARY,
          HOST_EVACUATION,
          BLOCKERS,
          BLOCKERS_BY_POOL,
          REJECTED);

  private ResultTables() {}
}
