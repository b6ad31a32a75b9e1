package org.fleetcompat.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fleetcompat.reference.NestedLoopReference.RefVector;

/**
 * Pools, their order, per-VM and per-host feasibility and the blocker counts (SPEC sections 5 and
 * 6) written out once more from the definitions, independently of the engine's {@code Pools},
 * {@code BlockerTally}, {@code FitMatrix} and {@code MatrixKernel}: every (VM, host) pair and every
 * VM vector is judged with {@link NestedLoopReference#reason}, and everything else is sets of ids
 * compared by brute force.
 *
 * <ul>
 *   <li>Classes: systems with identical vector sets, numbered 0.. in order of each class's smallest
 *       id ({@code String} order).
 *   <li>Pool: the hosts that accept exactly the same set of VMs; numbered 0.. in order of each
 *       pool's smallest host id. Pool {@code a} is above pool {@code b} when {@code a} accepts a
 *       strict superset of {@code b}'s VMs; the edge is covering when no pool lies strictly
 *       between. Each pool's baseline is {@link BaselineReference#of} its hosts.
 *   <li>Per VM: how many hosts and pools accept it; its current host (from the {@code vms} row) is
 *       evaluated when it is one of the fleet's hosts, and then {@code current_host_ok} says
 *       whether it accepts the VM (null otherwise); {@code other_compatible_hosts} leaves the
 *       current host out; stranded when that is 0.
 *   <li>Per host: the VMs whose current host it is; the blocking ones are the stranded ones;
 *       evacuable when there is none.
 *   <li>Blockers: per VM vector ({@code vector_id}, VM operation) and reason, the (VM, host) pairs
 *       where it fails with that reason, and the pairs where it is the VM's only failing vector;
 *       fleet-wide and per pool of the host.
 * </ul>
 *
 * <p>Cost O(VMs x hosts x VM vectors x host vectors), plus O(pools^3) for the order: for samples
 * and small seeded fleets. Immutable once computed.
 */
public final class FeasibilityReference {
  /**
   * A VM's row of the {@code vms} table.
   *
   * @param enabledState its state; nullable
   * @param currentHostId the host it runs on; nullable, and need not be one of the fleet's hosts
   */
  public record VmAttributes(Long enabledState, String currentHostId) {}

  /**
   * One pool.
   *
   * @param hostIds its hosts, sorted
   * @param hostClasses the classes of its hosts, distinct, sorted
   * @param clusters the non-null clusters of its hosts, distinct, sorted
   * @param acceptedVmIds the VMs every host of it accepts, sorted
   * @param acceptedVmClasses how many VM classes those VMs form
   * @param baseline the baseline of its hosts
   */
  public record Pool(
      int poolId,
      List<String> hostIds,
      List<Integer> hostClasses,
      List<String> clusters,
      List<String> acceptedVmIds,
      int acceptedVmClasses,
      List<BaselineReference.Entry> baseline) {}

  /** {@code superPool} accepts a strict superset of {@code subPool}'s VMs. */
  public record Edge(int superPool, int subPool, boolean covering) {}

  /** One row of {@code vm_summary}; the nullable fields are null as the SPEC says. */
  public record VmSummary(
      String vmId,
      int vmClass,
      Long enabledState,
      String currentHostId,
      long compatibleHosts,
      int compatiblePools,
      long otherCompatibleHosts,
      Boolean currentHostOk,
      boolean stranded) {}

  /** One row of {@code host_evacuation}; {@code blockingVmIds} sorted. */
  public record HostEvacuation(
      String hostId,
      int hostClass,
      int poolId,
      String cluster,
      long vmCount,
      List<String> blockingVmIds,
      List<String> unevaluatedVmIds,
      Boolean evacuable) {}

  /** One row of {@code blockers}: a VM vector, its operation code and a reason. */
  public record Blocker(
      long vectorId, int op, String reason, long blockedPairs, long soleBlockerPairs) {}

  /** What blocks: a VM vector's id and operation and the reason it fails. */
  private record Key(long vectorId, int op, String reason) {}

  private final Map<String, List<String>> compatibleHosts;
  private final List<Pool> pools;
  private final List<Edge> edges;
  private final List<VmSummary> vmSummary;
  private final List<HostEvacuation> hostEvacuation;
  private final List<Blocker> blockers;
  private final Map<Integer, List<Blocker>> blockersByPool;

  private FeasibilityReference(
      Map<String, List<String>> compatibleHosts,
      List<Pool> pools,
      List<Edge> edges,
      List<VmSummary> vmSummary,
      List<HostEvacuation> hostEvacuation,
      List<Blocker> blockers,
      Map<Integer, List<Blocker>> blockersByPool) {
    this.compatibleHosts = compatibleHosts;
    this.pools = pools;
    this.edges = edges;
    this.vmSummary = vmSummary;
    this.hostEvacuation = hostEvacuation;
    this.blockers = blockers;
    this.blockersByPool = blockersByPool;
  }

  /**
   * Computes everything for a fleet.
   *
   * @param vms every evaluated VM's vectors, by id
   * @param hosts every evaluated host's vectors, by id
   * @param vmAttributes the accepted {@code vms} rows, by VM id (VMs without one have null
   *     attributes); ids that are not in {@code vms} are ignored
   * @param clusterOfHost the accepted {@code hosts} rows' clusters, by host id (no entry or a null
   *     value: no cluster)
   * @param unevaluatedVmsByHost per host id, the quarantined VMs the raw {@code vms} rows place on
   *     it: the host's drain is unknown (null) unless an evaluated VM blocks it
   */
  public static FeasibilityReference compute(
      Map<String, List<RefVector>> vms,
      Map<String, List<RefVector>> hosts,
      Map<String, VmAttributes> vmAttributes,
      Map<String, String> clusterOfHost,
      Map<String, Set<String>> unevaluatedVmsByHost) {
    TreeMap<String, List<RefVector>> vmSide = new TreeMap<>(vms);
    TreeMap<String, List<RefVector>> hostSide = new TreeMap<>(hosts);

    // Every pair, every VM vector: compatibility, and what fails per host.
    Map<String, List<String>> compatible = new TreeMap<>();
    Map<String, Set<String>> acceptedByHost = new TreeMap<>();
    Map<String, Map<Key, long[]>> blockedByHost = new HashMap<>();
    hostSide.keySet().forEach(h -> acceptedByHost.put(h, new TreeSet<>()));
    for (Map.Entry<String, List<RefVector>> vm : vmSide.entrySet()) {
      List<String> hostIds = new ArrayList<>();
      for (Map.Entry<String, List<RefVector>> host : hostSide.entrySet()) {
        List<Key> failing = new ArrayList<>();
        for (RefVector v : vm.getValue()) {
          String reason = NestedLoopReference.reason(v, host.getValue());
          if (!reason.equals("PASS")) {
            failing.add(new Key(v.vectorId(), v.op(), reason));
          }
        }
        if (failing.isEmpty()) {
          hostIds.add(host.getKey());
          acceptedByHost.get(host.getKey()).add(vm.getKey());
        }
        Map<Key, long[]> counts =
            blockedByHost.computeIfAbsent(host.getKey(), h -> new HashMap<>());
        for (Key k : failing) {
          long[] c = counts.computeIfAbsent(k, x -> new long[2]);
          c[0]++;
          if (failing.size() == 1) {
            c[1]++;
          }
        }
      }
      compatible.put(vm.getKey(), List.copyOf(hostIds));
    }

    Map<String, Integer> vmClass = classes(vmSide);
    Map<String, Integer> hostClass = classes(hostSide);

    // Pools: hosts grouped by their accepted VM set, numbered by smallest host id.
    Map<Set<String>, Integer> poolOfSet = new HashMap<>();
    Map<String, Integer> poolOfHost = new TreeMap<>();
    List<List<String>> poolHosts = new ArrayList<>();
    for (String h : hostSide.keySet()) {
      Integer p = poolOfSet.get(acceptedByHost.get(h));
      if (p == null) {
        p = poolHosts.size();
        poolOfSet.put(acceptedByHost.get(h), p);
        poolHosts.add(new ArrayList<>());
      }
      poolHosts.get(p).add(h);
      poolOfHost.put(h, p);
    }
    List<Pool> pools = new ArrayList<>();
    for (int p = 0; p < poolHosts.size(); p++) {
      List<String> members = poolHosts.get(p);
      List<String> accepted = List.copyOf(acceptedByHost.get(members.get(0)));
      TreeSet<Integer> classes = new TreeSet<>();
      TreeSet<String> clusters = new TreeSet<>();
      List<List<RefVector>> vectors = new ArrayList<>();
      for (String h : members) {
        classes.add(hostClass.get(h));
        if (clusterOfHost.get(h) != null) {
          clusters.add(clusterOfHost.get(h));
        }
        vectors.add(hostSide.get(h));
      }
      Set<Integer> acceptedClasses = new HashSet<>();
      accepted.forEach(vm -> acceptedClasses.add(vmClass.get(vm)));
      pools.add(
          new Pool(
              p,
              List.copyOf(members),
              List.copyOf(classes),
              List.copyOf(clusters),
              accepted,
              acceptedClasses.size(),
              BaselineReference.of(vectors)));
    }

    // Per VM, then per host.
    List<VmSummary> summary = new ArrayList<>();
    Map<String, Long> vmsOnHost = new HashMap<>();
    Map<String, List<String>> blockingOnHost = new HashMap<>();
    for (String vm : vmSide.keySet()) {
      VmAttributes a = vmAttributes.getOrDefault(vm, new VmAttributes(null, null));
      List<String> hostIds = compatible.get(vm);
      Set<Integer> reached = new HashSet<>();
      hostIds.forEach(h -> reached.add(poolOfHost.get(h)));
      String current = a.currentHostId();
      Boolean ok =
          current != null && hostSide.containsKey(current) ? hostIds.contains(current) : null;
      long others = hostIds.size() - (Boolean.TRUE.equals(ok) ? 1 : 0);
      summary.add(
          new VmSummary(
              vm,
              vmClass.get(vm),
              a.enabledState(),
              current,
              hostIds.size(),
              reached.size(),
              others,
              ok,
              others == 0));
      if (current != null) {
        vmsOnHost.merge(current, 1L, Long::sum);
        if (others == 0) {
          blockingOnHost.computeIfAbsent(current, h -> new ArrayList<>()).add(vm);
        }
      }
    }
    List<HostEvacuation> evacuation = new ArrayList<>();
    for (String h : hostSide.keySet()) {
      List<String> blocking = blockingOnHost.getOrDefault(h, List.of());
      List<String> unevaluated =
          List.copyOf(new TreeSet<>(unevaluatedVmsByHost.getOrDefault(h, Set.of())));
      evacuation.add(
          new HostEvacuation(
              h,
              hostClass.get(h),
              poolOfHost.get(h),
              clusterOfHost.get(h),
              vmsOnHost.getOrDefault(h, 0L),
              List.copyOf(new TreeSet<>(blocking)),
              unevaluated,
              !blocking.isEmpty() ? Boolean.FALSE : unevaluated.isEmpty() ? Boolean.TRUE : null));
    }

    // Blockers: the per-host counts summed fleet-wide and per pool.
    Map<Key, long[]> fleet = new HashMap<>();
    Map<Integer, Map<Key, long[]>> perPool = new TreeMap<>();
    blockedByHost.forEach(
        (h, counts) ->
            counts.forEach(
                (k, c) -> {
                  add(fleet, k, c);
                  add(perPool.computeIfAbsent(poolOfHost.get(h), p -> new HashMap<>()), k, c);
                }));
    Map<Integer, List<Blocker>> byPool = new LinkedHashMap<>();
    perPool.forEach((p, counts) -> byPool.put(p, sortedBlockers(counts)));
    return new FeasibilityReference(
        compatible,
        List.copyOf(pools),
        edges(pools),
        List.copyOf(summary),
        List.copyOf(evacuation),
        sortedBlockers(fleet),
        byPool);
  }

  /** Per evaluated VM (sorted by id), its compatible host ids, sorted. */
  public Map<String, List<String>> compatibleHosts() {
    return compatibleHosts;
  }

  /** The pools, by id. */
  public List<Pool> pools() {
    return pools;
  }

  /** Every strict inclusion between pools, by super pool, then sub pool. */
  public List<Edge> edges() {
    return edges;
  }

  /** One row per evaluated VM, by VM id. */
  public List<VmSummary> vmSummary() {
    return vmSummary;
  }

  /** One row per evaluated host, by host id. */
  public List<HostEvacuation> hostEvacuation() {
    return hostEvacuation;
  }

  /**
   * Fleet-wide blocker counts with at least one blocked pair, by blocked pairs (most first), then
   * {@code vector_id}, operation code and reason name.
   */
  public List<Blocker> blockers() {
    return blockers;
  }

  /** The same per pool (pools without a blocked pair left out), by pool id. */
  public Map<Integer, List<Blocker>> blockersByPool() {
    return blockersByPool;
  }

  /** The manifest's {@code feasibility} counts, in the manifest's key order. */
  public Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("pools", (long) pools.size());
    counts.put("stranded_vms", vmSummary.stream().filter(VmSummary::stranded).count());
    counts.put(
        "vms_on_an_incompatible_host",
        vmSummary.stream().filter(v -> Boolean.FALSE.equals(v.currentHostOk())).count());
    counts.put(
        "vms_with_no_evaluated_current_host",
        vmSummary.stream().filter(v -> v.currentHostOk() == null).count());
    counts.put(
        "evacuable_hosts",
        hostEvacuation.stream().filter(h -> Boolean.TRUE.equals(h.evacuable())).count());
    counts.put("hosts_running_vms", hostEvacuation.stream().filter(h -> h.vmCount() > 0).count());
    counts.put(
        "evacuable_hosts_running_vms",
        hostEvacuation.stream()
            .filter(h -> Boolean.TRUE.equals(h.evacuable()) && h.vmCount() > 0)
            .count());
    counts.put(
        "hosts_with_unevaluated_vms",
        hostEvacuation.stream().filter(h -> h.evacuable() == null).count());
    return counts;
  }

  /** Class numbers: identical vector sets (in any order) share one, by smallest id. */
  private static Map<String, Integer> classes(TreeMap<String, List<RefVector>> side) {
    Map<Set<RefVector>, Integer> numberOfSet = new HashMap<>();
    Map<String, Integer> classOf = new HashMap<>();
    for (Map.Entry<String, List<RefVector>> system : side.entrySet()) {
      Set<RefVector> vectors = new HashSet<>(system.getValue());
      if (!numberOfSet.containsKey(vectors)) {
        numberOfSet.put(vectors, numberOfSet.size());
      }
      classOf.put(system.getKey(), numberOfSet.get(vectors));
    }
    return classOf;
  }

  /** The order: brute-force strict inclusion, and whether a pool lies strictly between. */
  private static List<Edge> edges(List<Pool> pools) {
    List<Set<String>> accepts = new ArrayList<>();
    pools.forEach(p -> accepts.add(new HashSet<>(p.acceptedVmIds())));
    List<Edge> edges = new ArrayList<>();
    for (int a = 0; a < pools.size(); a++) {
      for (int b = 0; b < pools.size(); b++) {
        if (strictlyAbove(accepts.get(a), accepts.get(b))) {
          boolean covering = true;
          for (Set<String> c : accepts) {
            if (strictlyAbove(accepts.get(a), c) && strictlyAbove(c, accepts.get(b))) {
              covering = false;
            }
          }
          edges.add(new Edge(a, b, covering));
        }
      }
    }
    return List.copyOf(edges);
  }

  /** Whether {@code a} is a strict superset of {@code b}. */
  private static boolean strictlyAbove(Set<String> a, Set<String> b) {
    return a.size() > b.size() && a.containsAll(b);
  }

  private static void add(Map<Key, long[]> sums, Key k, long[] c) {
    long[] s = sums.computeIfAbsent(k, x -> new long[2]);
    s[0] += c[0];
    s[1] += c[1];
  }

  private static List<Blocker> sortedBlockers(Map<Key, long[]> counts) {
    List<Blocker> rows = new ArrayList<>();
    counts.forEach((k, c) -> rows.add(new Blocker(k.vectorId(), k.op(), k.reason(), c[0], c[1])));
    rows.sort(
        Comparator.comparingLong((Blocker b) -> -b.blockedPairs())
            .thenComparingLong(Blocker::vectorId)
            .thenComparingInt(Blocker::op)
            .thenComparing(Blocker::reason));
    return List.copyOf(rows);
  }
}
