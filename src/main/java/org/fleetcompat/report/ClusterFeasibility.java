package org.fleetcompat.report;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.drift.ResultRows;

/**
 * Cluster-to-cluster migration feasibility: for each source cluster (the cluster of a VM's current
 * host) and each target cluster, how many of the source's VMs fit at least one host of the target.
 * Counted per VM class from {@code class_matrix} and {@code host_classes}, so the cost is one pass
 * over the VMs plus one over the matrix. Immutable.
 *
 * @param sources source clusters, most VMs first; {@link #UNPLACED} collects VMs whose current host
 *     is unknown or not evaluated
 * @param targets target clusters, by name
 * @param vmsPerSource VMs per source
 * @param fitting {@code fitting[s][t]}: VMs of source {@code s} that fit a host of target {@code t}
 * @param fitNowhere per source, VMs that fit no host at all
 * @param otherClusters clusters beyond {@value #MAX_CLUSTERS} folded into {@link #OTHER}, or 0
 */
public record ClusterFeasibility(
    List<String> sources,
    List<String> targets,
    long[] vmsPerSource,
    long[][] fitting,
    long[] fitNowhere,
    int otherClusters) {

  /** The most clusters drawn on either axis; the rest are folded into {@link #OTHER}. */
  public static final int MAX_CLUSTERS = 30;

  /** The source of VMs whose current host is unknown. */
  public static final String UNPLACED = "(host not evaluated)";

  /** The cluster of hosts that have none. */
  public static final String NO_CLUSTER = "(no cluster)";

  /** The clusters beyond {@value #MAX_CLUSTERS}. */
  public static final String OTHER = "(other clusters)";

  /** Counts the feasibility of {@code result}. */
  public static ClusterFeasibility of(ResultDirectory result) {
    Map<String, Long> hostsPerCluster = new HashMap<>();
    Map<String, String> clusterOfHost = new HashMap<>();
    for (ResultRows.Host h : result.hosts()) {
      String c = h.cluster() == null ? NO_CLUSTER : h.cluster();
      clusterOfHost.put(h.hostId(), c);
      hostsPerCluster.merge(c, 1L, Long::sum);
    }
    Map<String, Long> vmsPerCluster = new HashMap<>();
    for (ResultRows.Vm v : result.vms()) {
      vmsPerCluster.merge(
          clusterOfHost.getOrDefault(String.valueOf(v.currentHostId()), UNPLACED), 1L, Long::sum);
    }
    // The largest clusters by hosts plus VMs keep their own row and column.
    List<String> all = new ArrayList<>(hostsPerCluster.keySet());
    all.sort(
        Comparator.comparingLong(
                (String c) -> -(hostsPerCluster.get(c) + vmsPerCluster.getOrDefault(c, 0L)))
            .thenComparing(c -> c));
    int other = Math.max(0, all.size() - MAX_CLUSTERS);
    List<String> kept = new ArrayList<>(all.subList(0, Math.min(all.size(), MAX_CLUSTERS)));
    List<String> targets = new ArrayList<>(kept);
    targets.sort(Comparator.naturalOrder());
    if (other > 0) {
      targets.add(OTHER);
    }
    Map<String, Integer> targetIndex = new HashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      targetIndex.put(targets.get(i), i);
    }
    Map<Integer, BitSet> clustersOfHostClass = new HashMap<>();
    for (ResultRows.Host h : result.hosts()) {
      String c = clusterOfHost.get(h.hostId());
      int t = targetIndex.getOrDefault(c, targetIndex.getOrDefault(OTHER, -1));
      clustersOfHostClass.computeIfAbsent(h.hostClass(), k -> new BitSet()).set(t);
    }
    Map<Integer, BitSet> reachOfVmClass = new HashMap<>();
    Map<String, long[]> fit = new TreeMap<>();
    Map<String, long[]> totals = new LinkedHashMap<>();
    for (ResultRows.Vm v : result.vms()) {
      String src = clusterOfHost.getOrDefault(String.valueOf(v.currentHostId()), UNPLACED);
      if (!src.equals(UNPLACED) && !targetIndex.containsKey(src)) {
        src = OTHER;
      }
      BitSet reach =
          reachOfVmClass.computeIfAbsent(
              v.vmClass(),
              k -> {
                BitSet r = new BitSet();
                BitSet row = result.classMatrix().row(k);
                for (int hc = row.nextSetBit(0); hc >= 0; hc = row.nextSetBit(hc + 1)) {
                  r.or(clustersOfHostClass.getOrDefault(hc, new BitSet()));
                }
                return r;
              });
      long[] f = fit.computeIfAbsent(src, k -> new long[targets.size()]);
      for (int t = reach.nextSetBit(0); t >= 0; t = reach.nextSetBit(t + 1)) {
        f[t]++;
      }
      long[] tot = totals.computeIfAbsent(src, k -> new long[2]);
      tot[0]++;
      tot[1] += v.compatibleHosts() == 0 ? 1 : 0;
    }
    List<String> sources = new ArrayList<>(totals.keySet());
    sources.sort(
        Comparator.comparing((String s) -> s.equals(UNPLACED) || s.equals(OTHER))
            .thenComparing(s -> s));
    long[] per = new long[sources.size()];
    long[] nowhere = new long[sources.size()];
    long[][] fitting = new long[sources.size()][];
    for (int s = 0; s < sources.size(); s++) {
      per[s] = totals.get(sources.get(s))[0];
      nowhere[s] = totals.get(sources.get(s))[1];
      fitting[s] = fit.get(sources.get(s));
    }
    return new ClusterFeasibility(sources, targets, per, fitting, nowhere, other);
  }

  /** The share of source {@code s}'s VMs that fit a host of target {@code t}, 0..1. */
  public double share(int s, int t) {
    return vmsPerSource[s] == 0 ? 0 : (double) fitting[s][t] / vmsPerSource[s];
  }
}
