package org.fleetcompat.pipeline;

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
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.AttributeBatch;
import org.fleetcompat.io.AttributeTableReader;
import org.fleetcompat.io.IdHash;
import org.fleetcompat.io.InputErrors;
import org.fleetcompat.io.InputSplit;
import org.fleetcompat.io.LoadedVectorRow;
import org.fleetcompat.io.RejectReason;
import org.fleetcompat.io.Rejection;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.Storage;
import org.fleetcompat.io.SystemValidator;
import org.fleetcompat.io.SystemVerdict;
import org.fleetcompat.io.TableInput;
import org.fleetcompat.io.VectorBatch;
import org.fleetcompat.io.VectorTableReader;

/**
 * Finds a few named systems in a snapshot and validates them by the same rules as a run (SPEC
 * section 4): what {@code explain}, {@code info}, {@code check} and {@code baseline} read. In
 * process, with the run's own readers: the named systems' rows are kept and the rest dropped as
 * they are read; a system is validated from all its rows, so a quarantined system is quarantined
 * here too. Not thread safe.
 */
public final class SystemLookup {
  private static final int KEPT = 0;
  private static final int DROPPED = 1;

  private final Storage storage;
  private final SnapshotInputs inputs;

  /** A lookup over the snapshot's inspected inputs. */
  public SystemLookup(Storage storage, SnapshotInputs inputs) {
    this.storage = storage;
    this.inputs = inputs;
  }

  /** The snapshot looked in. */
  public SnapshotInputs inputs() {
    return inputs;
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
        throw InputErrors.quarantinedSystem(table, id, quarantined.get(id));
      }
      if (!vectors.containsKey(id)) {
        throw InputErrors.unknownSystem(table, id, inputs.snapshot());
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
    Found found = new Found(table);
    if (ids.isEmpty()) {
      return found;
    }
    Set<String> wanted = new HashSet<>(ids);
    Set<Integer> hashes = new HashSet<>();
    wanted.forEach(id -> hashes.add(IdHash.of(id)));
    // Routed by hash: another id of a wanted id's hash comes along, and is dropped below.
    VectorTableReader.Router router = h -> hashes.contains(h) ? KEPT : DROPPED;
    Map<String, List<LoadedVectorRow>> rows = new TreeMap<>();
    for (InputSplit split : inputs.required(table).splits()) {
      VectorBatch b = VectorTableReader.read(storage, split, router, 2)[KEPT];
      if (b == null) {
        continue;
      }
      for (int r = 0; r < b.size(); r++) {
        if (b.systemOf(r) < 0 || !wanted.contains(b.systemIds()[b.systemOf(r)])) {
          continue;
        }
        String id = b.systemIds()[b.systemOf(r)];
        RejectReason fault = b.fault(r);
        rows.computeIfAbsent(id, k -> new ArrayList<>())
            .add(
                new LoadedVectorRow(
                    id,
                    fault == null ? b.vectorId(r) : 0,
                    fault == null ? b.operation(r) : 0,
                    fault == null ? b.value(r) : 0,
                    fault,
                    b.faultMessage(r),
                    b.rowText(r),
                    b.file()));
      }
    }
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
    TreeSet<String> ids = new TreeSet<>();
    for (AttributeBatch.Row r : attributeRows(hosts)) {
      if (r.systemId() != null && cluster.equals(r.values().get(0))) {
        ids.add(r.systemId());
      }
    }
    return List.copyOf(ids);
  }

  /**
   * The VMs the {@code vms} table places on each of {@code hostIds}, with their {@code
   * enabled_state} (null where the table has none), sorted by id; a host without VMs is absent.
   *
   * @throws FleetcompatException 32773 when the snapshot has no {@code vms} table or it has no
   *     {@code current_host_id}
   */
  public Map<String, Map<String, Integer>> vmsOnHosts(Collection<String> hostIds) {
    Map<String, Map<String, Integer>> byHost = new TreeMap<>();
    if (hostIds.isEmpty()) {
      return byHost;
    }
    Set<String> wanted = new HashSet<>(hostIds);
    for (AttributeBatch.Row r : vmRows()) {
      Object host = r.values().get(1);
      if (r.systemId() != null && host != null && wanted.contains(host)) {
        byHost
            .computeIfAbsent((String) host, h -> new TreeMap<>())
            .put(r.systemId(), (Integer) r.values().get(0));
      }
    }
    return byHost;
  }

  /**
   * The {@code enabled_state} of each of {@code vmIds} that the {@code vms} table gives one; empty
   * when the snapshot has no {@code vms} table.
   */
  public Map<String, Integer> enabledStates(Collection<String> vmIds) {
    Map<String, Integer> states = new TreeMap<>();
    if (vmIds.isEmpty() || inputs.optional(SnapshotTable.VMS).isEmpty()) {
      return states;
    }
    Set<String> wanted = new HashSet<>(vmIds);
    for (AttributeBatch.Row r : attributeRows(inputs.required(SnapshotTable.VMS))) {
      if (r.systemId() != null && wanted.contains(r.systemId()) && r.values().get(0) != null) {
        states.put(r.systemId(), (Integer) r.values().get(0));
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
    if (vmIds.isEmpty()) {
      return Set.of();
    }
    Set<String> wanted = new HashSet<>(vmIds);
    for (AttributeBatch.Row r : vmRows()) {
      if (r.systemId() != null && wanted.contains(r.systemId())) {
        variants
            .computeIfAbsent(r.systemId(), v -> new HashSet<>())
            .add(Arrays.asList(r.values().get(0), r.values().get(1)));
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

  /** Every row of {@code vms}, which must have {@code current_host_id}. */
  private List<AttributeBatch.Row> vmRows() {
    TableInput vms = attributeTable(SnapshotTable.VMS, "a host's blob");
    requireColumn(
        vms,
        "current_host_id",
        "a host's blob needs (the VMs it runs)",
        "add it to the vms table of the snapshot");
    return attributeRows(vms);
  }

  private List<AttributeBatch.Row> attributeRows(TableInput table) {
    List<AttributeBatch.Row> rows = new ArrayList<>();
    for (InputSplit split : table.splits()) {
      AttributeBatch b = AttributeTableReader.read(storage, table, split, h -> 0, 1)[0];
      if (b != null) {
        rows.addAll(b.rows());
      }
    }
    return rows;
  }

  private void requireColumn(TableInput table, String column, String neededFor, String fix) {
    if (!table.hasColumn(column)) {
      throw InputErrors.columnNeeded(inputs.snapshot(), table.table(), column, neededFor, fix);
    }
  }

  private TableInput attributeTable(SnapshotTable table, String purpose) {
    return inputs
        .optional(table)
        .orElseThrow(() -> InputErrors.tableNeeded(inputs.snapshot(), table, purpose));
  }
}
