package org.fleetcompat.io;

import static org.fleetcompat.io.ColumnType.Scalar.BOOLEAN;
import static org.fleetcompat.io.ColumnType.Scalar.INT;
import static org.fleetcompat.io.ColumnType.Scalar.LONG;
import static org.fleetcompat.io.ColumnType.Scalar.STRING;
import static org.fleetcompat.io.ColumnType.Scalar.UINT64;
import static org.fleetcompat.io.ResultColumn.nullable;
import static org.fleetcompat.io.ResultColumn.required;
import static org.fleetcompat.io.ResultColumn.whatIf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every table of a result directory (SPEC section 5), declared once: its name, what one row stands
 * for, its columns with their meaning, and the order rows are written in. The writers (Parquet and
 * Arrow), the readers, the README's table and the tests are all derived from these declarations.
 *
 * <p>Each table is a directory {@code NAME/} of part files; every file is sorted by {@link
 * #sortKey()}, and a table with no rows still has one (empty) file, so that any reader can take its
 * schema. Names avoid words reserved in common SQL dialects ({@code rejected} says {@code
 * source_table} and {@code source_row}, not {@code table} and {@code row}).
 */
public enum ResultTable {
  /** VMs and their classes. */
  VM_CLASSES(
      "vm_classes",
      "evaluated VM",
      "VMs with identical vector sets share a class",
      List.of("vm_id"),
      required("vm_id", STRING, "the VM"),
      required("vm_class", INT, "its class: VMs of one class have identical vector sets"),
      nullable("enabled_state", INT, "2 running, 3 off, 32769 saved; null when vms has none"),
      nullable("current_host_id", STRING, "the host it runs on now; null when vms names none")),

  /** Hosts, their classes and pools. */
  HOST_CLASSES(
      "host_classes",
      "evaluated host",
      "hosts with identical vector sets share a class; hosts that accept the same VMs a pool",
      List.of("host_id"),
      required("host_id", STRING, "the host"),
      required("host_class", INT, "its class: hosts of one class have identical vector sets"),
      required("pool_id", INT, "its compatibility pool"),
      nullable("cluster", STRING, "its cluster from the hosts table; null when none")),

  /** The matrix at class level. */
  CLASS_MATRIX(
      "class_matrix",
      "compatible class pair",
      "the whole matrix, factorized: VM v fits host h iff (vm_class of v, host_class of h) is here",
      List.of("vm_class", "host_class"),
      required("vm_class", INT, "a VM class"),
      required("host_class", INT, "a host class every VM of vm_class fits")),

  /** The matrix expanded. */
  COMPATIBLE_PAIRS(
      "compatible_pairs",
      "compatible VM-host pair",
      "the matrix expanded, written only with --pairs (it can be huge)",
      List.of("vm_id", "host_id"),
      required("vm_id", STRING, "the VM"),
      required("host_id", STRING, "a host it fits")),

  /** Compatibility pools with their baselines. */
  POOLS(
      "pools",
      "compatibility pool",
      "hosts that accept exactly the same VMs of the snapshot, with the pool's VM baseline",
      List.of("pool_id"),
      required("pool_id", INT, "the pool, numbered by its smallest host id"),
      required("first_host_id", STRING, "its smallest host id: follow a pool across nights by it"),
      required("host_count", LONG, "hosts in the pool"),
      required("host_class_count", INT, "host classes in the pool"),
      required("host_classes", new ColumnType.ListOf(INT), "its host classes, ascending"),
      required("clusters", new ColumnType.ListOf(STRING), "the clusters of its hosts, sorted"),
      required("vm_count_accepted", LONG, "VMs that fit its hosts"),
      required("vm_class_count_accepted", INT, "VM classes that fit its hosts"),
      required(
          "baseline",
          new ColumnType.ListOf(new ColumnType.Struct(BaselineColumns.FIELDS)),
          "per vector_id, the least constraining VM value that passes on every host of the pool")),

  /** The partial order of pools. */
  POOL_EDGES(
      "pool_edges",
      "pair of pools, one accepting a strict superset of the other's VMs",
      "the partial order of pools; covering marks the Hasse diagram",
      List.of("super_pool_id", "sub_pool_id"),
      required("super_pool_id", INT, "the pool that accepts more"),
      required("sub_pool_id", INT, "the pool whose accepted VMs are a strict subset"),
      required("covering", BOOLEAN, "true when no pool lies in between")),

  /** Per-VM feasibility. */
  VM_SUMMARY(
      "vm_summary",
      "evaluated VM",
      "where each VM can go",
      List.of("vm_id"),
      required("vm_id", STRING, "the VM"),
      required("vm_class", INT, "its class"),
      nullable("enabled_state", INT, "2 running, 3 off, 32769 saved; null when unknown"),
      nullable("current_host_id", STRING, "the host it runs on now; null when unknown"),
      required("compatible_hosts", LONG, "hosts it fits"),
      required("compatible_pools", INT, "pools with at least one host it fits"),
      required("other_compatible_hosts", LONG, "hosts it fits other than its current one"),
      nullable(
          "current_host_ok",
          BOOLEAN,
          "whether its current host accepts it; null when that host was not evaluated"),
      required("stranded", BOOLEAN, "true when no host other than its current one accepts it"),
      whatIf("compatible_hosts_as_reported", LONG, "compatible_hosts with the vectors as reported"),
      whatIf("stranded_as_reported", BOOLEAN, "stranded with the vectors as reported")),

  /** Per-host evacuation feasibility. */
  HOST_EVACUATION(
      "host_evacuation",
      "evaluated host",
      "whether every VM on the host has another compatible host (capacity not considered)",
      List.of("host_id"),
      required("host_id", STRING, "the host"),
      required("host_class", INT, "its class"),
      required("pool_id", INT, "its pool"),
      nullable("cluster", STRING, "its cluster; null when none"),
      required("vm_count", LONG, "evaluated VMs that run on it"),
      required("blocking_vm_count", INT, "of those, VMs with no other compatible host"),
      required("blocking_vm_ids", new ColumnType.ListOf(STRING), "those VMs, sorted"),
      required(
          "unevaluated_vm_count", INT, "VMs the vms table places on it that were not evaluated"),
      required("unevaluated_vm_ids", new ColumnType.ListOf(STRING), "those VMs, sorted"),
      nullable(
          "evacuable",
          BOOLEAN,
          "false when a VM blocks; null (unknown) when none does but a VM was not evaluated"),
      whatIf("evacuable_as_reported", BOOLEAN, "evacuable with the vectors as reported")),

  /** Per-host drain plans, with capacity. */
  DRAIN_PLANS(
      "drain_plans",
      "VM on a host, for the drain of that host alone",
      "where each VM of a host goes when that host alone is drained (every other host up): a"
          + " compatible host with room (capacity columns), or why it cannot move",
      List.of("host_id", "vm_id"),
      required("host_id", STRING, "the host drained"),
      required("vm_id", STRING, "a VM the vms table places on it"),
      nullable("target_host_id", STRING, "the host it moves to; null when it cannot move"),
      nullable(
          "reason",
          STRING,
          "null when it moves, else NO_COMPATIBLE_HOST, NO_CAPACITY or NOT_EVALUATED"),
      required("solver", STRING, "FIRST_FIT, or CP_SAT where first fit left a VM unplaced")),

  /** How many of a pool's largest hosts can fail. */
  POOL_HEADROOM(
      "pool_headroom",
      "compatibility pool",
      "how many of the pool's largest hosts can fail together (N+1, N+2, ...) with every VM placed",
      List.of("pool_id"),
      required("pool_id", INT, "the pool"),
      required("host_count", LONG, "hosts in the pool"),
      required(
          "failures_tolerated",
          INT,
          "the most of its largest hosts (memory, processors, VMs) that can fail together"),
      nullable(
          "first_failing_host_id",
          STRING,
          "the next largest host, whose failure too leaves a VM unplaced; null when none"),
      nullable("first_unplaced_vm_id", STRING, "then the smallest unplaced VM; null when none"),
      nullable("reason", STRING, "why that VM is unplaced: NO_COMPATIBLE_HOST or NO_CAPACITY")),

  /** A rolling maintenance order per cluster. */
  MAINTENANCE_ORDER(
      "maintenance_order",
      "host of a cluster, in the order it can be drained",
      "in what order a cluster's hosts can be drained one at a time onto the cluster's other"
          + " hosts, and where the order gets stuck and why",
      List.of("cluster", "step", "host_id"),
      required("cluster", STRING, "the cluster"),
      required("step", INT, "1 for the first host drained; the stuck hosts share the last step"),
      required("host_id", STRING, "the host"),
      required("drained", BOOLEAN, "true when it is drained at this step; false: stuck here"),
      required("vm_count", INT, "VMs on it when its turn comes, moved ones included"),
      nullable(
          "first_unplaced_vm_id", STRING, "for a stuck host, the smallest VM that cannot move"),
      nullable("reason", STRING, "why: NO_COMPATIBLE_HOST, NO_CAPACITY or NOT_EVALUATED")),

  /** Fleet-wide blockers. */
  BLOCKERS(
      "blockers",
      "vector, operation and reason that blocks at least one VM-host pair",
      "which vectors block the most VM-host pairs, and how many each alone blocks",
      List.of("blocked_pairs desc", "vector_id", "compare_operation", "reason"),
      BlockerColumns.FIELDS.toArray(ResultColumn[]::new)),

  /** Blockers per pool of the host. */
  BLOCKERS_BY_POOL(
      "blockers_by_pool",
      "pool, vector, operation and reason that blocks at least one pair",
      "the blockers counted per pool of the host",
      List.of("pool_id", "blocked_pairs desc", "vector_id", "compare_operation", "reason"),
      BlockerColumns.withPool()),

  /** The vectors of every VM class, for drift between two results. */
  VM_CLASS_VECTORS(
      "vm_class_vectors",
      "vector of a VM class",
      "what each VM class reports: drift compares them between two results",
      List.of("vm_class", "vector_id"),
      ClassVectorColumns.of("vm_class")),

  /** The vectors of every host class, for drift between two results. */
  HOST_CLASS_VECTORS(
      "host_class_vectors",
      "vector of a host class",
      "what each host class reports: drift names the vectors and bits that changed",
      List.of("host_class", "vector_id"),
      ClassVectorColumns.of("host_class")),

  /** Quarantined input rows. */
  REJECTED(
      "rejected",
      "quarantined input row",
      "every input row not evaluated, with its reason (SPEC section 4)",
      List.of("source_table", "system_id", "source_file", "source_row"),
      required("source_table", STRING, "the input table: host_vectors, vm_vectors, hosts or vms"),
      nullable("system_id", STRING, "the system the row belongs to; null when it names none"),
      required("reason", STRING, "the reject reason code, e.g. UNKNOWN_OPERATION"),
      required("message", STRING, "what is wrong, naming the value at fault"),
      required("source_row", STRING, "the row as read, column=value, ..."),
      required("source_file", STRING, "the file it was read from"));

  private final String tableName;
  private final String grain;
  private final String doc;
  private final List<String> sortKey;
  private final List<ResultColumn> columns;

  ResultTable(
      String tableName, String grain, String doc, List<String> sortKey, ResultColumn... columns) {
    this.tableName = tableName;
    this.grain = grain;
    this.doc = doc;
    this.sortKey = List.copyOf(sortKey);
    this.columns = List.of(columns);
  }

  /** The directory name inside a result, e.g. {@code vm_summary}. */
  public String tableName() {
    return tableName;
  }

  /** What one row stands for, e.g. {@code evaluated VM}. */
  public String grain() {
    return grain;
  }

  /** One sentence: what the table answers. */
  public String doc() {
    return doc;
  }

  /**
   * The columns every part file is sorted by, ascending unless marked {@code desc} (strings by
   * their UTF-8 bytes, nulls first).
   */
  public List<String> sortKey() {
    return sortKey;
  }

  /** Every declared column, what-if columns included, in file order. */
  public List<ResultColumn> columns() {
    return columns;
  }

  /**
   * The columns a run writes.
   *
   * @param assumeStopped whether the run is the cold-migration what-if, which adds the {@link
   *     ResultColumn.Presence#ASSUME_STOPPED} columns
   */
  public List<ResultColumn> columns(boolean assumeStopped) {
    List<ResultColumn> out = new ArrayList<>();
    for (ResultColumn c : columns) {
      if (assumeStopped || c.presence() == ResultColumn.Presence.ALWAYS) {
        out.add(c);
      }
    }
    return out;
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

  /** The table of this directory name, if it is one. */
  public static Optional<ResultTable> named(String tableName) {
    for (ResultTable t : values()) {
      if (t.tableName.equals(tableName)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return tableName;
  }

  /** The fields of one vector of a pool's baseline. */
  private static final class BaselineColumns {
    static final List<ResultColumn> FIELDS =
        List.of(
            required("vector_id", LONG, "the vector_id, 0..2^32-1"),
            required("name", STRING, "its name in the vector catalog; empty when unknown"),
            nullable("compare_operation", INT, "its operation code; null when hosts disagree"),
            nullable("compatibility_info", UINT64, "the baseline value; null when there is none"),
            nullable("value_hex", STRING, "the value in hex; null when there is none"),
            required("status", STRING, "OK, or why there is no value (e.g. EQUAL_DISAGREES)"));
  }

  /** The columns of the blocker tables. */
  private static final class BlockerColumns {
    static final List<ResultColumn> FIELDS =
        List.of(
            required("vector_id", LONG, "the VM vector's vector_id, 0..2^32-1"),
            required("name", STRING, "its name in the vector catalog; empty when unknown"),
            required("compare_operation", INT, "its operation code"),
            required("operation", STRING, "its operation name, e.g. SubSet"),
            required("reason", STRING, "COMPARE_FAILED, MISSING_ON_HOST, ... (SPEC section 1)"),
            required("blocked_pairs", LONG, "VM-host pairs where the vector fails for the reason"),
            required(
                "sole_blocker_pairs", LONG, "of those, pairs where it is the only failing vector"));

    static ResultColumn[] withPool() {
      List<ResultColumn> all = new ArrayList<>();
      all.add(required("pool_id", INT, "the pool of the host"));
      all.addAll(FIELDS);
      return all.toArray(ResultColumn[]::new);
    }
  }

  /** The columns of the class-vector tables. */
  private static final class ClassVectorColumns {
    static ResultColumn[] of(String classColumn) {
      return new ResultColumn[] {
        required(classColumn, INT, "the class"),
        required("vector_id", LONG, "the vector_id, 0..2^32-1"),
        required("name", STRING, "its name in the vector catalog; empty when unknown"),
        required("compare_operation", INT, "its operation code"),
        required("compatibility_info", UINT64, "its value"),
        required("value_hex", STRING, "its value in hex")
      };
    }
  }
}
