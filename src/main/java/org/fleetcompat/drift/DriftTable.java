package org.fleetcompat.drift;

import static org.fleetcompat.io.ColumnType.Scalar.BOOLEAN;
import static org.fleetcompat.io.ColumnType.Scalar.INT;
import static org.fleetcompat.io.ColumnType.Scalar.LONG;
import static org.fleetcompat.io.ColumnType.Scalar.STRING;
import static org.fleetcompat.io.ColumnType.Scalar.UINT64;

import java.util.List;
import org.fleetcompat.io.ColumnType;
import org.fleetcompat.io.ResultColumn;

/**
 * Every table {@code fleetcompat diff} writes, declared once in the style of {@code
 * io.ResultTable}: its name, what one row stands for, its columns with their meaning, and the order
 * rows are written in. The writer ({@link DriftJob}), the README's table and the tests are derived
 * from these declarations ({@link DriftTableRows} turns a {@link Drift} into their rows).
 */
public enum DriftTable {
  /** VMs that changed. */
  DRIFT_VMS(
      "drift_vms",
      "VM that appeared, vanished, was quarantined or released, reconfigured, moved, or lost or"
          + " gained hosts",
      "which VMs changed, how many hosts each lost or gained, and why",
      List.of("vm_id"),
      req("vm_id", STRING, "the VM"),
      req(
          "change",
          STRING,
          "APPEARED, VANISHED, QUARANTINED, RELEASED, RECONFIGURED, HOSTS_CHANGED or MOVED"),
      req("reconfigured", BOOLEAN, "whether its vectors or enabled_state differ"),
      req("moved", BOOLEAN, "whether its current host differs"),
      opt("old_enabled_state", INT, "its state last night; null when absent or unknown"),
      opt("new_enabled_state", INT, "its state tonight; null when absent or unknown"),
      opt("old_current_host_id", STRING, "its host last night; null when absent or unknown"),
      opt("new_current_host_id", STRING, "its host tonight; null when absent or unknown"),
      opt("old_compatible_hosts", LONG, "hosts it fitted; null when not evaluated"),
      opt("new_compatible_hosts", LONG, "hosts it fits; null when not evaluated"),
      req("hosts_lost", LONG, "hosts it fitted and no longer fits, retired hosts included"),
      req("hosts_gained", LONG, "hosts it fits and did not fit, added hosts included"),
      opt("old_stranded", BOOLEAN, "whether it was stranded; null when not evaluated"),
      opt("new_stranded", BOOLEAN, "whether it is stranded; null when not evaluated"),
      opt("cause", STRING, "the kind of the cause of most of its lost (else gained) hosts"),
      req("cause_detail", STRING, "its causes in words, with the hosts each cost or gained")),

  /** Hosts that changed. */
  DRIFT_HOSTS(
      "drift_hosts",
      "host that was added, retired, quarantined or released, or whose vectors, cluster or"
          + " drainability changed",
      "which hosts changed, and which of their vectors",
      List.of("host_id"),
      req("host_id", STRING, "the host"),
      req(
          "change",
          STRING,
          "ADDED, RETIRED, QUARANTINED, RELEASED, VECTORS_CHANGED, CLUSTER_CHANGED or DRAIN_CHANGED"),
      opt("old_cluster", STRING, "its cluster last night; null when absent or none"),
      opt("new_cluster", STRING, "its cluster tonight; null when absent or none"),
      opt("old_pool_id", INT, "its pool last night; null when not evaluated"),
      opt("new_pool_id", INT, "its pool tonight; null when not evaluated"),
      req("vectors_changed", INT, "how many of its vectors differ"),
      req(
          "vector_changes",
          STRING,
          "those vectors in words, e.g. cpuid_features 0x10000701 lost 0x800"),
      opt("old_evacuable", BOOLEAN, "whether it could be drained; null when unknown"),
      opt("new_evacuable", BOOLEAN, "whether it can be drained; null when unknown"),
      opt("quarantine_reason", STRING, "the reject reason when quarantined tonight")),

  /** What changed and what it cost. */
  DRIFT_CAUSES(
      "drift_causes",
      "change of one vector on a group of hosts of one cluster (or of VMs), or hosts retired,"
          + " added, quarantined or released in one cluster",
      "what changed and what each change cost or gained in VMs and VM-host pairs",
      List.of("cause_rank"),
      req("cause_rank", INT, "1 for the costliest cause (pairs lost, then gained)"),
      req(
          "kind",
          STRING,
          "HOST_VECTOR_CHANGED, VM_VECTOR_CHANGED, HOSTS_RETIRED, HOSTS_ADDED, HOSTS_QUARANTINED or HOSTS_RELEASED"),
      opt("cluster", STRING, "the hosts' cluster; null for VM changes"),
      opt("vector_id", LONG, "the vector that changed; null when not a vector change"),
      req("name", STRING, "its catalog name; empty when unknown or not a vector change"),
      opt(
          "vector_change",
          STRING,
          "BITS_LOST, BITS_GAINED, BITS_CHANGED, RAISED, LOWERED, ADDED, REMOVED or OPERATION_CHANGED"),
      opt("bits_lost", UINT64, "mask bits lost; null unless a feature mask lost bits"),
      opt("bits_gained", UINT64, "mask bits gained; null unless a feature mask gained bits"),
      opt("old_value", UINT64, "the old value when every system of the group had the same"),
      opt("new_value", UINT64, "the new value when every system of the group has the same"),
      req("system_count", LONG, "hosts or VMs the change concerns"),
      req("system_ids", new ColumnType.ListOf(STRING), "those systems, sorted"),
      req("vms_lost", LONG, "VMs that lost at least one host through it"),
      req("pairs_lost", LONG, "VM-host pairs it made incompatible"),
      req("vms_gained", LONG, "VMs that gained at least one host through it"),
      req("pairs_gained", LONG, "VM-host pairs it made compatible"),
      req("description", STRING, "the change and its cost in one sentence")),

  /** Pools matched by hosts. */
  DRIFT_POOLS(
      "drift_pools",
      "pair of an old and a new pool that share hosts, or a pool without counterpart",
      "pools that split, merged, appeared or vanished, matched by their hosts",
      List.of("old_first_host_id", "new_first_host_id"),
      req("change", STRING, "UNCHANGED, RESIZED, SPLIT, MERGED, REGROUPED, APPEARED or VANISHED"),
      opt("old_pool_id", INT, "the old pool; null when the new one appeared"),
      opt("new_pool_id", INT, "the new pool; null when the old one vanished"),
      opt("old_first_host_id", STRING, "the old pool's smallest host id"),
      opt("new_first_host_id", STRING, "the new pool's smallest host id"),
      req("old_host_count", LONG, "hosts of the old pool; 0 when none"),
      req("new_host_count", LONG, "hosts of the new pool; 0 when none"),
      req("shared_hosts", LONG, "hosts in both"),
      req("old_vm_count_accepted", LONG, "VMs the old pool accepted"),
      req("new_vm_count_accepted", LONG, "VMs the new pool accepts"),
      req("old_clusters", new ColumnType.ListOf(STRING), "the old pool's clusters"),
      req("new_clusters", new ColumnType.ListOf(STRING), "the new pool's clusters")),

  /** Blockers that changed. */
  DRIFT_BLOCKERS(
      "drift_blockers",
      "fleet-wide blocker (vector, operation, reason) that is new, vanished, grew or shrank",
      "new and vanished blockers, and blockers whose counts changed",
      List.of("vector_id", "compare_operation", "reason"),
      req("change", STRING, "NEW, VANISHED, GREW or SHRANK"),
      req("vector_id", LONG, "the vector_id"),
      req("name", STRING, "its catalog name; empty when unknown"),
      req("compare_operation", INT, "its operation code"),
      req("operation", STRING, "its operation name"),
      req("reason", STRING, "the reason code"),
      req("old_blocked_pairs", LONG, "pairs it blocked last night"),
      req("new_blocked_pairs", LONG, "pairs it blocks tonight"),
      req("old_sole_blocker_pairs", LONG, "pairs it alone blocked last night"),
      req("new_sole_blocker_pairs", LONG, "pairs it alone blocks tonight"));

  /** The summary file {@code diff} writes beside the tables. */
  public static final String SUMMARY_FILE = "drift_summary.json";

  private final String tableName;
  private final String grain;
  private final String doc;
  private final List<String> sortKey;
  private final List<ResultColumn> columns;

  DriftTable(
      String tableName, String grain, String doc, List<String> sortKey, ResultColumn... columns) {
    this.tableName = tableName;
    this.grain = grain;
    this.doc = doc;
    this.sortKey = List.copyOf(sortKey);
    this.columns = List.of(columns);
  }

  /** The directory name inside a drift directory, e.g. {@code drift_vms}. */
  public String tableName() {
    return tableName;
  }

  /** What one row stands for. */
  public String grain() {
    return grain;
  }

  /** One sentence: what the table answers. */
  public String doc() {
    return doc;
  }

  /** The columns rows are sorted by, ascending, nulls first. */
  public List<String> sortKey() {
    return sortKey;
  }

  /** Every column, in file order. */
  public List<ResultColumn> columns() {
    return columns;
  }

  /** The position of a column among {@link #columns()}. */
  public int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException(tableName + " has no column " + column);
  }

  @Override
  public String toString() {
    return tableName;
  }

  private static ResultColumn req(String name, ColumnType type, String doc) {
    return new ResultColumn(name, type, false, ResultColumn.Presence.ALWAYS, doc);
  }

  private static ResultColumn opt(String name, ColumnType type, String doc) {
    return new ResultColumn(name, type, true, ResultColumn.Presence.ALWAYS, doc);
  }
}
