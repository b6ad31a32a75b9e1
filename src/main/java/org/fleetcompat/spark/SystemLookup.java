package org.fleetcompat.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.LoadedVectorRow;
import org.fleetcompat.io.RejectReason;
import org.fleetcompat.io.Rejection;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SystemValidator;
import org.fleetcompat.io.SystemVerdict;
import org.fleetcompat.io.TableInput;

/**
 * Finds a few named systems in a snapshot and validates them by the same rules as a run (SPEC
 * section 4): what {@code explain}, {@code info}, {@code check} and {@code baseline} read. The rows
 * are filtered by id in Spark (Parquet pushes the filter down) and judged on the driver; a system
 * is validated from all its rows, so a quarantined system is quarantined here too.
 */
public final class SystemLookup {
  private final SparkSession spark;
  private final SnapshotInputs inputs;

  /** A lookup over the snapshot's inspected inputs. */
  public SystemLookup(SparkSession spark, SnapshotInputs inputs) {
    this.spark = spark;
    this.inputs = inputs;
  }

  /**
   * The vectors of each named system of one side, all of which must exist and be valid.
   *
   * @param table {@link SnapshotTable#VM_VECTORS} or {@link SnapshotTable#HOST_VECTORS}
   * @throws FleetcompatException 32773 naming the first id that has no rows or is quarantined (with
   *     the reason), since no answer about it would be true
   */
  public Map<String, VectorSet> vectors(SnapshotTable table, Collection<String> ids) {
    Found found = find(table, ids);
    for (String id : ids) {
      found.require(id);
    }
    return found.vectors();
  }

  /** What {@link #find} found of the named systems of one side. */
  public final class Found {
    private final SnapshotTable table;
    private final Map<String, VectorSet> vectors = new LinkedHashMap<>();
    private final Map<String, Rejection> quarantined = new LinkedHashMap<>();

    private Found(SnapshotTable table) {
      this.table = table;
    }

    /** The valid systems' vectors, by id. */
    public Map<String, VectorSet> vectors() {
      return vectors;
    }

    /** Whether {@code id} has rows in the table (valid or not). */
    public boolean exists(String id) {
      return vectors.containsKey(id) || quarantined.containsKey(id);
    }

    /** Whether {@code id} has rows and is quarantined. */
    public boolean isQuarantined(String id) {
      return quarantined.containsKey(id);
    }

    /**
     * The vectors of {@code id}.
     *
     * @throws FleetcompatException 32773 when it has no rows or is quarantined
     */
    public VectorSet require(String id) {
      if (quarantined.containsKey(id)) {
        Rejection first = quarantined.get(id);
        throw new FleetcompatException(
            ReturnCode.INVALID_PARAMETER,
            table.idColumn()
                + " '"
                + id
                + "' is quarantined in "
                + table.tableName()
                + " ("
                + first.reason()
                + ": "
                + first.message()
                + "); fix its rows in the snapshot to evaluate it");
      }
      if (!vectors.containsKey(id)) {
        throw new FleetcompatException(
            ReturnCode.INVALID_PARAMETER,
            "Unknown system: "
                + table.idColumn()
                + " '"
                + id
                + "' has no rows in "
                + table.tableName()
                + " of "
                + inputs.snapshot());
      }
      return vectors.get(id);
    }
  }

  /**
   * Finds and validates the named systems of one side; ids without rows are simply absent.
   *
   * @param table {@link SnapshotTable#VM_VECTORS} or {@link SnapshotTable#HOST_VECTORS}
   */
  public Found find(SnapshotTable table, Collection<String> ids) {
    TableInput input = inputs.required(table);
    Map<String, List<LoadedVectorRow>> rows = new TreeMap<>();
    if (!ids.isEmpty()) {
      for (Row r : VectorTableLoader.loadSystems(spark, input, ids).collectAsList()) {
        rows.computeIfAbsent(r.getAs("system_id"), k -> new ArrayList<>())
            .add(VectorValidation.loadedRow(r));
      }
    }
    Found found = new Found(table);
    rows.forEach(
        (id, systemRows) -> {
          SystemVerdict v = SystemValidator.validate(id, systemRows);
          if (v.isAccepted()) {
            found.vectors.put(id, v.vectors());
          } else {
            found.quarantined.put(id, cause(v.rejections()));
          }
        });
    return found;
  }

  /**
   * Why a system is quarantined: its smallest own fault (by reason, then row text), as the run
   * names it, and never one of the rows that are only quarantined with it ({@code
   * SYSTEM_QUARANTINED}), whose position in the files would otherwise decide what the user is told.
   */
  private static Rejection cause(List<Rejection> rejections) {
    return rejections.stream()
        .filter(r -> r.reason() != RejectReason.SYSTEM_QUARANTINED)
        .min(
            Comparator.comparing(Rejection::reason)
                .thenComparing(Rejection::row, Comparator.nullsFirst(Comparator.naturalOrder())))
        .orElse(rejections.get(0));
  }

  /** The ids of the hosts the {@code hosts} table puts in {@code cluster}, sorted. */
  public List<String> hostsOfCluster(String cluster) {
    TableInput hosts = attributeTable(SnapshotTable.HOSTS, "--cluster");
    requireColumn(hosts, "cluster", "--cluster needs", "name the hosts with --hosts instead");
    List<String> ids = new ArrayList<>();
    for (Row r :
        spark
            .read()
            .parquet(hosts.files().toArray(String[]::new))
            .filter(col("cluster").equalTo(cluster))
            .selectExpr("CAST(host_id AS STRING)")
            .distinct()
            .orderBy("host_id")
            .collectAsList()) {
      if (!r.isNullAt(0)) {
        ids.add(r.getString(0));
      }
    }
    return ids;
  }

  /**
   * The VMs the {@code vms} table places on each of {@code hostIds}, with their {@code
   * enabled_state} (null where the table has none), sorted by id; a host without VMs is absent. One
   * Spark job for all the hosts.
   *
   * @throws FleetcompatException 32773 when the snapshot has no {@code vms} table
   */
  public Map<String, Map<String, Integer>> vmsOnHosts(Collection<String> hostIds) {
    Map<String, Map<String, Integer>> byHost = new TreeMap<>();
    if (!hostIds.isEmpty()) {
      for (Row r : vmRows(col("current_host_id").isin(hostIds.toArray()), currentHost())) {
        byHost
            .computeIfAbsent(r.getString(2), h -> new TreeMap<>())
            .put(r.getString(0), r.isNullAt(1) ? null : r.getInt(1));
      }
    }
    return byHost;
  }

  /**
   * The {@code enabled_state} of each of {@code vmIds} that the {@code vms} table gives one; empty
   * when the snapshot has no {@code vms} table. One Spark job for all the VMs.
   */
  public Map<String, Integer> enabledStates(Collection<String> vmIds) {
    Map<String, Integer> states = new TreeMap<>();
    if (!vmIds.isEmpty() && inputs.optional(SnapshotTable.VMS).isPresent()) {
      for (Row r : vmRows(col("vm_id").isin(vmIds.toArray()), "CAST(NULL AS STRING)")) {
        if (!r.isNullAt(1)) {
          states.put(r.getString(0), r.getInt(1));
        }
      }
    }
    return states;
  }

  /**
   * The VMs among {@code vmIds} whose {@code vms} rows disagree (two rows with another state or
   * current host): a run evaluates them with no attributes, so they are not counted on any host.
   */
  public Set<String> vmsWithConflictingRows(Collection<String> vmIds) {
    Map<String, Set<List<Object>>> variants = new TreeMap<>();
    if (!vmIds.isEmpty()) {
      for (Row r : vmRows(col("vm_id").isin(vmIds.toArray()), currentHost())) {
        variants
            .computeIfAbsent(r.getString(0), v -> new HashSet<>())
            .add(Arrays.asList(r.get(1), r.get(2)));
      }
    }
    Set<String> conflicting = new TreeSet<>();
    variants.forEach(
        (vm, rows) -> {
          if (rows.size() > 1) {
            conflicting.add(vm);
          }
        });
    return conflicting;
  }

  private String currentHost() {
    TableInput vms = attributeTable(SnapshotTable.VMS, "a host's blob");
    requireColumn(
        vms,
        "current_host_id",
        "a host's blob needs (the VMs it runs)",
        "add it to the vms table of the snapshot");
    return "CAST(current_host_id AS STRING)";
  }

  /**
   * {@code vm_id, enabled_state} and the expression {@code third} of the {@code vms} rows that pass
   * {@code filter} and name a VM.
   */
  private List<Row> vmRows(org.apache.spark.sql.Column filter, String third) {
    TableInput vms = attributeTable(SnapshotTable.VMS, "a host's blob");
    String state =
        vms.hasColumn("enabled_state") ? "try_cast(enabled_state AS INT)" : "CAST(NULL AS INT)";
    return spark
        .read()
        .parquet(vms.files().toArray(String[]::new))
        .filter(filter)
        .selectExpr("CAST(vm_id AS STRING) AS vm_id", state, third)
        .filter("vm_id IS NOT NULL")
        .collectAsList();
  }

  private void requireColumn(TableInput table, String column, String neededFor, String fix) {
    if (!table.hasColumn(column)) {
      throw new FleetcompatException(
          ReturnCode.INVALID_PARAMETER,
          "Table "
              + table.table().tableName()
              + " of "
              + inputs.snapshot()
              + " has no column "
              + column
              + ", which "
              + neededFor
              + "; "
              + fix);
    }
  }

  private TableInput attributeTable(SnapshotTable table, String purpose) {
    return inputs
        .optional(table)
        .orElseThrow(
            () ->
                new FleetcompatException(
                    ReturnCode.INVALID_PARAMETER,
                    "Snapshot "
                        + inputs.snapshot()
                        + " has no "
                        + table.tableName()
                        + " table, which "
                        + purpose
                        + " needs"));
  }
}
