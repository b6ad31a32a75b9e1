package org.fleetcompat.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.drift.ResultRows;

/**
 * The pools and their partial order laid out for drawing: the Hasse diagram of {@code pool_edges}
 * (covering edges only), pools that accept more above those that accept less. Each pool sits on the
 * row of its longest chain of larger pools; pools with no edge at all are set apart on their own
 * rows. At most {@value #MAX_POOLS} pools are drawn (the most hosts first); the {@code pools} table
 * has them all. Immutable.
 *
 * @param nodes the pools drawn, each with its place
 * @param edges covering edges between pools drawn, {@code {super, sub}} pool ids
 * @param poolCount pools in the result
 * @param columns the widest row's node count
 * @param rows rows in all
 */
public record PoolDiagram(
    List<Node> nodes, List<int[]> edges, int poolCount, int columns, int rows) {

  /** The most pools the diagram draws. */
  public static final int MAX_POOLS = 40;

  /** The most pools on one row before it wraps. */
  public static final int ROW_WIDTH = 5;

  /**
   * A pool and its place.
   *
   * @param pool the pool's row
   * @param hostClusters the clusters of its hosts, most hosts first, with counts
   * @param row its row, from the top
   * @param column its column on the row
   * @param isolated whether it has no edge (it neither contains nor is contained in another)
   */
  public record Node(
      ResultRows.Pool pool, String hostClusters, int row, int column, boolean isolated) {}

  /** Lays out the pools of {@code result}. */
  public static PoolDiagram of(ResultDirectory result) {
    List<ResultRows.Pool> pools = new ArrayList<>(result.pools());
    pools.sort(
        Comparator.comparingLong(ResultRows.Pool::hostCount)
            .reversed()
            .thenComparingInt(ResultRows.Pool::poolId));
    List<ResultRows.Pool> drawn = pools.subList(0, Math.min(MAX_POOLS, pools.size()));
    Set<Integer> ids = new HashSet<>();
    drawn.forEach(p -> ids.add(p.poolId()));
    List<int[]> edges = new ArrayList<>();
    Map<Integer, List<Integer>> supers = new HashMap<>();
    Set<Integer> connected = new HashSet<>();
    for (ResultRows.PoolEdge e : result.poolEdges()) {
      if (e.covering() && ids.contains(e.superPoolId()) && ids.contains(e.subPoolId())) {
        edges.add(new int[] {e.superPoolId(), e.subPoolId()});
        supers.computeIfAbsent(e.subPoolId(), k -> new ArrayList<>()).add(e.superPoolId());
        connected.add(e.superPoolId());
        connected.add(e.subPoolId());
      }
    }
    Map<Integer, Integer> depth = new HashMap<>();
    for (ResultRows.Pool p : drawn) {
      depth(p.poolId(), supers, depth);
    }
    Map<Integer, String> clusters = clustersByPool(result);
    // Rows: one per depth (wrapped at ROW_WIDTH), then the isolated pools.
    List<List<ResultRows.Pool>> layers = new ArrayList<>();
    List<ResultRows.Pool> isolated = new ArrayList<>();
    for (ResultRows.Pool p : drawn) {
      if (!connected.contains(p.poolId())) {
        isolated.add(p);
        continue;
      }
      int d = depth.get(p.poolId());
      while (layers.size() <= d) {
        layers.add(new ArrayList<>());
      }
      layers.get(d).add(p);
    }
    List<Node> nodes = new ArrayList<>();
    int row = 0;
    int columns = 0;
    for (List<ResultRows.Pool> layer : layers) {
      layer.sort(
          Comparator.comparingLong(ResultRows.Pool::vmCountAccepted)
              .reversed()
              .thenComparingInt(ResultRows.Pool::poolId));
      row = place(layer, row, false, clusters, nodes);
      columns = Math.max(columns, Math.min(ROW_WIDTH, layer.size()));
    }
    isolated.sort(Comparator.comparingInt(ResultRows.Pool::poolId));
    row = place(isolated, row, true, clusters, nodes);
    columns = Math.max(columns, Math.min(ROW_WIDTH, isolated.size()));
    return new PoolDiagram(nodes, edges, pools.size(), columns, row);
  }

  private static int place(
      List<ResultRows.Pool> pools,
      int row,
      boolean isolated,
      Map<Integer, String> clusters,
      List<Node> out) {
    for (int i = 0; i < pools.size(); i++) {
      ResultRows.Pool p = pools.get(i);
      out.add(
          new Node(
              p,
              clusters.getOrDefault(p.poolId(), ""),
              row + i / ROW_WIDTH,
              i % ROW_WIDTH,
              isolated));
    }
    return row + (pools.size() + ROW_WIDTH - 1) / ROW_WIDTH;
  }

  private static int depth(
      int pool, Map<Integer, List<Integer>> supers, Map<Integer, Integer> memo) {
    Integer known = memo.get(pool);
    if (known != null) {
      return known;
    }
    memo.put(pool, 0); // the order is acyclic; this only guards against a damaged table
    int d = 0;
    for (int s : supers.getOrDefault(pool, List.of())) {
      d = Math.max(d, depth(s, supers, memo) + 1);
    }
    memo.put(pool, d);
    return d;
  }

  private static Map<Integer, String> clustersByPool(ResultDirectory result) {
    Map<Integer, Map<String, Integer>> counts = new HashMap<>();
    for (ResultRows.Host h : result.hosts()) {
      counts
          .computeIfAbsent(h.poolId(), k -> new HashMap<>())
          .merge(
              h.cluster() == null ? ClusterFeasibility.NO_CLUSTER : h.cluster(), 1, Integer::sum);
    }
    Map<Integer, String> out = new HashMap<>();
    counts.forEach(
        (pool, byCluster) -> {
          List<Map.Entry<String, Integer>> es = new ArrayList<>(byCluster.entrySet());
          es.sort(
              Map.Entry.<String, Integer>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()));
          List<String> parts = new ArrayList<>();
          for (Map.Entry<String, Integer> e : es) {
            parts.add(e.getKey() + " " + e.getValue());
          }
          out.put(pool, String.join(", ", parts));
        });
    return out;
  }
}
