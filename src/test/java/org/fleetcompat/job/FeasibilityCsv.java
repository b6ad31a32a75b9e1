package org.fleetcompat.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fleetcompat.reference.BaselineReference;
import org.fleetcompat.reference.FeasibilityReference;
import org.fleetcompat.reference.FeasibilityReference.Blocker;
import org.fleetcompat.reference.FeasibilityReference.Edge;
import org.fleetcompat.reference.FeasibilityReference.HostEvacuation;
import org.fleetcompat.reference.FeasibilityReference.Pool;
import org.fleetcompat.reference.FeasibilityReference.VmSummary;
import org.fleetcompat.reference.NestedLoopReference;

/**
 * One CSV line format for the pool and feasibility tables, so that the reference ({@link #render})
 * and the engine's Parquet tables ({@code EngineFeasibilityTables}) are compared line by line, and
 * the golden files of a sample are the reference's lines with a header.
 *
 * <p>Fields by {@link #line}: null as an empty field, a list joined by {@code ;}, anything else by
 * its {@code toString} (numbers in decimal, booleans as {@code true}/{@code false}), quoted as
 * {@link ExpectedOutputsWriter#csvField} says. Stateless.
 */
final class FeasibilityCsv {
  /** {@code host_classes}: each evaluated host's class, pool and cluster, by host id. */
  static final String HOST_CLASSES = "host_classes.csv";

  /** {@code pools} without the baseline, and a fingerprint of each pool's hosts, by pool id. */
  static final String POOLS = "pools.csv";

  /** {@code pools.baseline} exploded: one line per pool and vector id. */
  static final String POOL_BASELINES = "pool_baselines.csv";

  /** {@code pool_edges}, by super pool, then sub pool. */
  static final String POOL_EDGES = "pool_edges.csv";

  /** {@code vm_summary}, by VM id. */
  static final String VM_SUMMARY = "vm_summary.csv";

  /** {@code host_evacuation}, by host id. */
  static final String HOST_EVACUATION = "host_evacuation.csv";

  /** {@code blockers} without the catalog name, in the table's order. */
  static final String BLOCKERS = "blockers.csv";

  /** {@code blockers_by_pool} without the catalog name, in the table's order. */
  static final String BLOCKERS_BY_POOL = "blockers_by_pool.csv";

  private static final String BLOCKER_COLUMNS =
      "vector_id,compare_operation,operation,reason,blocked_pairs,sole_blocker_pairs";

  /** The header of each file, in the order the files are written. */
  static final Map<String, String> HEADERS = headers();

  private FeasibilityCsv() {}

  private static Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(HOST_CLASSES, "host_id,host_class,pool_id,cluster");
    h.put(
        POOLS,
        "pool_id,host_count,host_class_count,host_classes,clusters,vm_count_accepted,"
            + "vm_class_count_accepted,hosts_sha256");
    h.put(
        POOL_BASELINES, "pool_id,vector_id,compare_operation,compatibility_info,value_hex,status");
    h.put(POOL_EDGES, "super_pool_id,sub_pool_id,covering");
    h.put(
        VM_SUMMARY,
        "vm_id,vm_class,enabled_state,current_host_id,compatible_hosts,compatible_pools,"
            + "other_compatible_hosts,current_host_ok,stranded");
    h.put(
        HOST_EVACUATION,
        "host_id,host_class,pool_id,cluster,vm_count,blocking_vm_count,blocking_vm_ids,"
            + "unevaluated_vm_count,unevaluated_vm_ids,evacuable");
    h.put(BLOCKERS, BLOCKER_COLUMNS);
    h.put(BLOCKERS_BY_POOL, "pool_id," + BLOCKER_COLUMNS);
    return Collections.unmodifiableMap(h);
  }

  /** One CSV line (no newline) of these fields. */
  static String line(Object... fields) {
    List<String> out = new ArrayList<>(fields.length);
    for (Object f : fields) {
      String text;
      if (f == null) {
        text = null;
      } else if (f instanceof List<?> list) {
        text = String.join(";", list.stream().map(String::valueOf).toList());
      } else {
        text = f.toString();
      }
      out.add(ExpectedOutputsWriter.csvField(text));
    }
    return String.join(",", out);
  }

  /** The reference's lines (no header) of every file, by file name in {@link #HEADERS} order. */
  static Map<String, List<String>> render(FeasibilityReference f) {
    Map<String, List<String>> files = new LinkedHashMap<>();
    HEADERS.keySet().forEach(name -> files.put(name, new ArrayList<>()));
    for (HostEvacuation h : f.hostEvacuation()) {
      files.get(HOST_CLASSES).add(line(h.hostId(), h.hostClass(), h.poolId(), h.cluster()));
      files
          .get(HOST_EVACUATION)
          .add(
              line(
                  h.hostId(),
                  h.hostClass(),
                  h.poolId(),
                  h.cluster(),
                  h.vmCount(),
                  h.blockingVmIds().size(),
                  h.blockingVmIds(),
                  h.unevaluatedVmIds().size(),
                  h.unevaluatedVmIds(),
                  h.evacuable()));
    }
    for (Pool p : f.pools()) {
      files
          .get(POOLS)
          .add(
              line(
                  p.poolId(),
                  p.hostIds().size(),
                  p.hostClasses().size(),
                  p.hostClasses(),
                  p.clusters(),
                  p.acceptedVmIds().size(),
                  p.acceptedVmClasses(),
                  ExpectedOutputsWriter.fingerprint(p.hostIds())));
      for (BaselineReference.Entry e : p.baseline()) {
        String hex = e.value() == null ? null : "0x" + e.value().toString(16);
        files
            .get(POOL_BASELINES)
            .add(line(p.poolId(), e.vectorId(), e.op(), e.value(), hex, e.status()));
      }
    }
    for (Edge e : f.edges()) {
      files.get(POOL_EDGES).add(line(e.superPool(), e.subPool(), e.covering()));
    }
    for (VmSummary v : f.vmSummary()) {
      files
          .get(VM_SUMMARY)
          .add(
              line(
                  v.vmId(),
                  v.vmClass(),
                  v.enabledState(),
                  v.currentHostId(),
                  v.compatibleHosts(),
                  v.compatiblePools(),
                  v.otherCompatibleHosts(),
                  v.currentHostOk(),
                  v.stranded()));
    }
    for (Blocker b : f.blockers()) {
      files.get(BLOCKERS).add(blockerLine(null, b));
    }
    f.blockersByPool()
        .forEach(
            (pool, rows) ->
                rows.forEach(b -> files.get(BLOCKERS_BY_POOL).add(blockerLine(pool, b))));
    return files;
  }

  private static String blockerLine(Integer pool, Blocker b) {
    String fields =
        line(
            b.vectorId(),
            b.op(),
            NestedLoopReference.OPERATION_NAMES.get(b.op()),
            b.reason(),
            b.blockedPairs(),
            b.soleBlockerPairs());
    return pool == null ? fields : line(pool) + "," + fields;
  }
}
