package org.fleetcompat.drift;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.io.ResultColumn;
import org.fleetcompat.io.ResultTable;
import org.fleetcompat.io.Storage;

/**
 * One result directory (SPEC section 5) opened for reading by the report and drift: its manifest,
 * checked on {@link #open}, and its tables, each read on first use and kept. A table that is
 * missing, holds another row count than the manifest lists, or lacks a column fails with a one-line
 * {@link FleetcompatException} naming the directory and table ({@link ResultErrors}), so nothing is
 * drawn from half a result. Not thread safe.
 *
 * <pre>{@code
 * ResultDirectory r = ResultDirectory.open("/data/result");
 * long stranded = r.vms().stream().filter(ResultRows.Vm::stranded).count();
 * }</pre>
 */
public final class ResultDirectory {
  private final String dir;
  private final ResultManifest manifest;
  private final TableSource tables;

  private List<ResultRows.Host> hosts;
  private List<ResultRows.Vm> vms;
  private ClassMatrix matrix;
  private ClassVectors hostVectors;
  private ClassVectors vmVectors;
  private List<ResultRows.Pool> pools;
  private List<ResultRows.PoolEdge> poolEdges;
  private List<ResultRows.Blocker> blockers;
  private List<ResultRows.Rejected> rejected;
  private List<ResultRows.Evacuation> evacuation;
  private List<ResultRows.Headroom> headroom;
  private List<ResultRows.MaintenanceStep> maintenance;
  private List<ResultRows.DrainPlan> drainPlans;

  private ResultDirectory(String dir, ResultManifest manifest, TableSource tables) {
    this.dir = dir;
    this.manifest = manifest;
    this.tables = tables;
  }

  /**
   * Opens a result directory: checks that it exists, that its manifest parses, is of a supported
   * format version and records a successful run. Tables are read later, on use.
   *
   * @throws FleetcompatException 32773 or 32770 as {@link ResultErrors} says
   */
  public static ResultDirectory open(Storage storage, String dir, TableSource tables) {
    String manifestFile = storage.resolve(dir, "manifest.json");
    String text;
    try {
      if (!storage.exists(dir) || !storage.isDirectory(dir)) {
        throw ResultErrors.notADirectory(dir);
      }
      if (!storage.exists(manifestFile)) {
        throw ResultErrors.noManifest(dir);
      }
      try (InputStream in = storage.open(manifestFile)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw ResultErrors.damagedManifest(
          manifestFile, "it cannot be read (" + e.getMessage() + ")");
    }
    return of(dir, ResultManifest.parse(manifestFile, text), tables);
  }

  /**
   * Opens a result directory whose tables are read from its files ({@link TableSource#files}).
   *
   * @throws FleetcompatException 32773 or 32770 as {@link ResultErrors} says
   */
  public static ResultDirectory open(Storage storage, String dir) {
    return open(storage, dir, TableSource.files(storage, dir));
  }

  /**
   * Opens a result directory on the storage its path names: the local disk for a plain path or a
   * {@code file:} URI, else Hadoop's file system for the scheme.
   */
  public static ResultDirectory open(String dir) {
    return open(storageFor(dir), dir);
  }

  /** The storage for {@code path}: the local disk, or Hadoop's client for other schemes. */
  public static Storage storageFor(String path) {
    return Storage.forPath(path, org.apache.hadoop.conf.Configuration::new);
  }

  /**
   * A result from a manifest already parsed and a source of rows (tests, notebooks).
   *
   * @throws FleetcompatException 32773 when the manifest records a failed run
   */
  public static ResultDirectory of(String dir, ResultManifest manifest, TableSource tables) {
    if (manifest.statusCode() != 0) {
      throw ResultErrors.failedRun(manifest.file(), manifest.statusCode(), manifest.status());
    }
    return new ResultDirectory(dir, manifest, tables);
  }

  /** The directory, as given. */
  public String dir() {
    return dir;
  }

  /** Its manifest. */
  public ResultManifest manifest() {
    return manifest;
  }

  /** {@code host_classes}: every evaluated host. */
  public List<ResultRows.Host> hosts() {
    if (hosts == null) {
      hosts =
          read(
              ResultTable.HOST_CLASSES,
              r ->
                  new ResultRows.Host((String) r[0], (Integer) r[1], (Integer) r[2], (String) r[3]),
              "host_id",
              "host_class",
              "pool_id",
              "cluster");
    }
    return hosts;
  }

  /** {@code vm_summary}: every evaluated VM and where it can go. */
  public List<ResultRows.Vm> vms() {
    if (vms == null) {
      vms =
          read(
              ResultTable.VM_SUMMARY,
              r ->
                  new ResultRows.Vm(
                      (String) r[0],
                      (Integer) r[1],
                      (Integer) r[2],
                      (String) r[3],
                      (Long) r[4],
                      (Boolean) r[5],
                      (Boolean) r[6]),
              "vm_id",
              "vm_class",
              "enabled_state",
              "current_host_id",
              "compatible_hosts",
              "current_host_ok",
              "stranded");
    }
    return vms;
  }

  /** {@code class_matrix} as bit rows. */
  public ClassMatrix classMatrix() {
    if (matrix == null) {
      matrix =
          ClassMatrix.of(
              read(
                  ResultTable.CLASS_MATRIX,
                  r -> new int[] {(Integer) r[0], (Integer) r[1]},
                  "vm_class",
                  "host_class"));
    }
    return matrix;
  }

  /** {@code host_class_vectors}: what each host class reports. */
  public ClassVectors hostClassVectors() {
    if (hostVectors == null) {
      hostVectors = ClassVectors.of(classVectorRows(ResultTable.HOST_CLASS_VECTORS, "host_class"));
    }
    return hostVectors;
  }

  /** {@code vm_class_vectors}: what each VM class reports. */
  public ClassVectors vmClassVectors() {
    if (vmVectors == null) {
      vmVectors = ClassVectors.of(classVectorRows(ResultTable.VM_CLASS_VECTORS, "vm_class"));
    }
    return vmVectors;
  }

  /** {@code pools}. */
  @SuppressWarnings("unchecked")
  public List<ResultRows.Pool> pools() {
    if (pools == null) {
      pools =
          read(
              ResultTable.POOLS,
              r ->
                  new ResultRows.Pool(
                      (Integer) r[0], (String) r[1], (Long) r[2], (List<String>) r[3], (Long) r[4]),
              "pool_id",
              "first_host_id",
              "host_count",
              "clusters",
              "vm_count_accepted");
    }
    return pools;
  }

  /** {@code pool_edges}. */
  public List<ResultRows.PoolEdge> poolEdges() {
    if (poolEdges == null) {
      poolEdges =
          read(
              ResultTable.POOL_EDGES,
              r -> new ResultRows.PoolEdge((Integer) r[0], (Integer) r[1], (Boolean) r[2]),
              "super_pool_id",
              "sub_pool_id",
              "covering");
    }
    return poolEdges;
  }

  /** {@code blockers}, fleet-wide. */
  public List<ResultRows.Blocker> blockers() {
    if (blockers == null) {
      blockers =
          read(
              ResultTable.BLOCKERS,
              r ->
                  new ResultRows.Blocker(
                      (Long) r[0],
                      (String) r[1],
                      (Integer) r[2],
                      (String) r[3],
                      (String) r[4],
                      (Long) r[5],
                      (Long) r[6]),
              "vector_id",
              "name",
              "compare_operation",
              "operation",
              "reason",
              "blocked_pairs",
              "sole_blocker_pairs");
    }
    return blockers;
  }

  /** {@code rejected}: quarantined input rows. */
  public List<ResultRows.Rejected> rejected() {
    if (rejected == null) {
      rejected =
          read(
              ResultTable.REJECTED,
              r ->
                  new ResultRows.Rejected(
                      (String) r[0], (String) r[1], (String) r[2], (String) r[3]),
              "source_table",
              "system_id",
              "reason",
              "message");
    }
    return rejected;
  }

  /** {@code host_evacuation}: which hosts can be drained. */
  @SuppressWarnings("unchecked")
  public List<ResultRows.Evacuation> evacuation() {
    if (evacuation == null) {
      evacuation =
          read(
              ResultTable.HOST_EVACUATION,
              r ->
                  new ResultRows.Evacuation(
                      (String) r[0],
                      (Integer) r[1],
                      (String) r[2],
                      (Long) r[3],
                      (Integer) r[4],
                      (List<String>) r[5],
                      (Integer) r[6],
                      (Boolean) r[7]),
              "host_id",
              "pool_id",
              "cluster",
              "vm_count",
              "blocking_vm_count",
              "blocking_vm_ids",
              "unevaluated_vm_count",
              "evacuable");
    }
    return evacuation;
  }

  /**
   * Whether the result has the plan tables ({@code drain_plans}, {@code pool_headroom}, {@code
   * maintenance_order}); results written before they existed have none.
   */
  public boolean hasPlans() {
    try {
      return tables.has(ResultTable.POOL_HEADROOM)
          && tables.has(ResultTable.MAINTENANCE_ORDER)
          && tables.has(ResultTable.DRAIN_PLANS);
    } catch (IOException e) {
      throw ResultErrors.unreadableTable(dir, ResultTable.DRAIN_PLANS.tableName(), e);
    }
  }

  /**
   * {@code pool_headroom}: how many of each pool's largest hosts can fail; see {@link #hasPlans}.
   */
  public List<ResultRows.Headroom> headroom() {
    if (headroom == null) {
      headroom =
          read(
              ResultTable.POOL_HEADROOM,
              r ->
                  new ResultRows.Headroom(
                      (Integer) r[0],
                      (Long) r[1],
                      (Integer) r[2],
                      (String) r[3],
                      (String) r[4],
                      (String) r[5]),
              "pool_id",
              "host_count",
              "failures_tolerated",
              "first_failing_host_id",
              "first_unplaced_vm_id",
              "reason");
    }
    return headroom;
  }

  /** {@code maintenance_order}: each cluster's rolling order; see {@link #hasPlans}. */
  public List<ResultRows.MaintenanceStep> maintenanceOrder() {
    if (maintenance == null) {
      maintenance =
          read(
              ResultTable.MAINTENANCE_ORDER,
              r ->
                  new ResultRows.MaintenanceStep(
                      (String) r[0],
                      (Integer) r[1],
                      (String) r[2],
                      (Boolean) r[3],
                      (Integer) r[4],
                      (String) r[5],
                      (String) r[6]),
              "cluster",
              "step",
              "host_id",
              "drained",
              "vm_count",
              "first_unplaced_vm_id",
              "reason");
    }
    return maintenance;
  }

  /** {@code drain_plans}: host, VM and reason of each planned move; see {@link #hasPlans}. */
  public List<ResultRows.DrainPlan> drainPlans() {
    if (drainPlans == null) {
      drainPlans =
          read(
              ResultTable.DRAIN_PLANS,
              r -> new ResultRows.DrainPlan((String) r[0], (String) r[1], (String) r[2]),
              "host_id",
              "vm_id",
              "reason");
    }
    return drainPlans;
  }

  private List<Object[]> classVectorRows(ResultTable table, String classColumn) {
    return read(
        table, r -> r, classColumn, "vector_id", "name", "compare_operation", "compatibility_info");
  }

  private <T> List<T> read(ResultTable table, Function<Object[], T> convert, String... columns) {
    List<ResultColumn> wanted = new ArrayList<>();
    for (String c : columns) {
      wanted.add(table.columns().get(table.indexOf(c)));
    }
    List<Object[]> rows;
    try {
      if (!tables.has(table)) {
        throw isClassVectors(table)
            ? ResultErrors.otherFormat(
                dir, table.tableName(), "the table is missing (drift needs it)")
            : ResultErrors.missingTable(dir, table.tableName());
      }
      rows = tables.readAll(table, wanted);
    } catch (FleetcompatException e) {
      // A column of another type than this version declares: a result of another format.
      if (e.status() == org.fleetcompat.core.ReturnCode.INCORRECT_DATA_TYPE) {
        throw ResultErrors.otherFormat(dir, table.tableName(), e.getMessage());
      }
      throw e;
    } catch (IOException e) {
      throw ResultErrors.unreadableTable(dir, table.tableName(), e);
    }
    OptionalLong listed = manifest.outputRows(table.tableName());
    if (listed.isPresent() && listed.getAsLong() != rows.size()) {
      throw ResultErrors.rowCountMismatch(dir, table.tableName(), listed.getAsLong(), rows.size());
    }
    List<T> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      try {
        out.add(convert.apply(r));
      } catch (ClassCastException | NullPointerException e) {
        throw ResultErrors.otherFormat(
            dir, table.tableName(), "a row does not have the declared types (" + e + ")");
      }
    }
    return out;
  }

  private static boolean isClassVectors(ResultTable t) {
    return t == ResultTable.HOST_CLASS_VECTORS || t == ResultTable.VM_CLASS_VECTORS;
  }
}
