package org.fleetcompat.drift;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fleetcompat.core.Hex;
import org.fleetcompat.core.PairCheck;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorOutcome;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.ResultColumn;
import org.fleetcompat.io.ResultTable;

/**
 * A result directory made in memory from a small fleet, by the plain rules of SPEC sections 5 and 6
 * with {@code PairCheck} on every class pair: what the engine writes, without the engine. Tests of
 * the report and the drift build their results with it (the engine's tables are checked against
 * references elsewhere), and it stands in for {@code vm_class_vectors} and {@code
 * host_class_vectors} until the engine writes them.
 */
public final class ResultFixture {
  /** A host of the fleet. */
  public record Host(String id, String cluster, VectorSet vectors) {}

  /** A VM of the fleet. */
  public record Vm(String id, Integer state, String currentHost, VectorSet vectors) {}

  /** A quarantined input row. */
  public record Reject(String sourceTable, String systemId, String reason) {}

  private final List<Host> hosts = new ArrayList<>();
  private final List<Vm> vms = new ArrayList<>();
  private final List<Reject> rejects = new ArrayList<>();
  private final Map<String, List<String>> unevaluatedOnHost = new TreeMap<>();
  private VectorCatalog catalog = VectorCatalog.empty();

  /** Adds a host. */
  public ResultFixture host(String id, String cluster, VectorSet vectors) {
    hosts.add(new Host(id, cluster, vectors));
    return this;
  }

  /** Adds a VM. */
  public ResultFixture vm(String id, Integer state, String currentHost, VectorSet vectors) {
    vms.add(new Vm(id, state, currentHost, vectors));
    return this;
  }

  /** Adds a quarantined row. */
  public ResultFixture reject(String sourceTable, String systemId, String reason) {
    rejects.add(new Reject(sourceTable, systemId, reason));
    return this;
  }

  /** Places a VM that is not evaluated (quarantined, or without vectors) on a host. */
  public ResultFixture unevaluated(String vmId, String hostId) {
    unevaluatedOnHost.computeIfAbsent(hostId, k -> new ArrayList<>()).add(vmId);
    return this;
  }

  /** Names vectors with this catalog. */
  public ResultFixture catalog(VectorCatalog c) {
    catalog = c;
    return this;
  }

  /** The rows of every table, by table. */
  public Map<ResultTable, List<Object[]>> tables() {
    Map<ResultTable, List<Object[]>> t = new LinkedHashMap<>();
    List<Host> hs = new ArrayList<>(hosts);
    hs.sort((a, b) -> a.id().compareTo(b.id()));
    List<Vm> vs = new ArrayList<>(vms);
    vs.sort((a, b) -> a.id().compareTo(b.id()));
    List<VectorSet> hostClasses = new ArrayList<>();
    Map<VectorSet, Integer> hostClassOf = new HashMap<>();
    for (Host h : hs) {
      hostClassOf.computeIfAbsent(
          h.vectors(),
          k -> {
            hostClasses.add(k);
            return hostClasses.size() - 1;
          });
    }
    List<VectorSet> vmClasses = new ArrayList<>();
    Map<VectorSet, Integer> vmClassOf = new HashMap<>();
    for (Vm v : vs) {
      vmClassOf.computeIfAbsent(
          v.vectors(),
          k -> {
            vmClasses.add(k);
            return vmClasses.size() - 1;
          });
    }
    boolean[][] fits = new boolean[vmClasses.size()][hostClasses.size()];
    List<Object[]> matrix = new ArrayList<>();
    for (int a = 0; a < vmClasses.size(); a++) {
      for (int b = 0; b < hostClasses.size(); b++) {
        fits[a][b] = PairCheck.isCompatible(vmClasses.get(a), hostClasses.get(b));
        if (fits[a][b]) {
          matrix.add(new Object[] {a, b});
        }
      }
    }
    // Pools: host classes with identical columns, numbered by their smallest host.
    Map<String, Integer> poolOfColumn = new LinkedHashMap<>();
    int[] poolOfHostClass = new int[hostClasses.size()];
    for (Host h : hs) {
      int b = hostClassOf.get(h.vectors());
      StringBuilder col = new StringBuilder();
      for (int a = 0; a < vmClasses.size(); a++) {
        col.append(fits[a][b] ? '1' : '0');
      }
      poolOfHostClass[b] = poolOfColumn.computeIfAbsent(col.toString(), k -> poolOfColumn.size());
    }
    int poolCount = poolOfColumn.size();
    List<BitSet> accepted = new ArrayList<>();
    for (String col : poolOfColumn.keySet()) {
      BitSet s = new BitSet();
      for (int a = 0; a < col.length(); a++) {
        s.set(a, col.charAt(a) == '1');
      }
      accepted.add(s);
    }
    Map<String, String> clusterOf = new HashMap<>();
    hs.forEach(h -> clusterOf.put(h.id(), h.cluster()));
    Map<String, Integer> hostClassById = new HashMap<>();
    hs.forEach(h -> hostClassById.put(h.id(), hostClassOf.get(h.vectors())));

    List<Object[]> hostRows = new ArrayList<>();
    for (Host h : hs) {
      int b = hostClassOf.get(h.vectors());
      hostRows.add(new Object[] {h.id(), b, poolOfHostClass[b], h.cluster()});
    }
    t.put(ResultTable.HOST_CLASSES, hostRows);
    List<Object[]> vmClassRows = new ArrayList<>();
    List<Object[]> summary = new ArrayList<>();
    Map<String, List<String>> vmsOnHost = new TreeMap<>();
    Map<String, Long> otherHosts = new HashMap<>();
    for (Vm v : vs) {
      int a = vmClassOf.get(v.vectors());
      vmClassRows.add(new Object[] {v.id(), a, v.state(), v.currentHost()});
      long compatible = 0;
      TreeSet<Integer> pools = new TreeSet<>();
      boolean currentOk = false;
      for (Host h : hs) {
        int b = hostClassOf.get(h.vectors());
        if (fits[a][b]) {
          compatible++;
          pools.add(poolOfHostClass[b]);
          currentOk |= h.id().equals(v.currentHost());
        }
      }
      Boolean ok = hostClassById.containsKey(v.currentHost()) ? currentOk : null;
      long other = compatible - (Boolean.TRUE.equals(ok) ? 1 : 0);
      otherHosts.put(v.id(), other);
      summary.add(
          new Object[] {
            v.id(), a, v.state(), v.currentHost(), compatible, pools.size(), other, ok, other == 0
          });
      if (v.currentHost() != null) {
        vmsOnHost.computeIfAbsent(v.currentHost(), k -> new ArrayList<>()).add(v.id());
      }
    }
    t.put(ResultTable.VM_CLASSES, vmClassRows);
    t.put(ResultTable.VM_SUMMARY, summary);
    t.put(ResultTable.CLASS_MATRIX, matrix);

    List<Object[]> poolRows = new ArrayList<>();
    for (int p = 0; p < poolCount; p++) {
      TreeSet<String> clusters = new TreeSet<>();
      TreeSet<Integer> classes = new TreeSet<>();
      String first = null;
      long count = 0;
      for (Host h : hs) {
        int b = hostClassOf.get(h.vectors());
        if (poolOfHostClass[b] == p) {
          first = first == null ? h.id() : first;
          count++;
          classes.add(b);
          if (h.cluster() != null) {
            clusters.add(h.cluster());
          }
        }
      }
      long vmsAccepted = 0;
      for (Vm v : vs) {
        vmsAccepted += accepted.get(p).get(vmClassOf.get(v.vectors())) ? 1 : 0;
      }
      poolRows.add(
          new Object[] {
            p,
            first,
            count,
            classes.size(),
            List.copyOf(classes),
            List.copyOf(clusters),
            vmsAccepted,
            accepted.get(p).cardinality(),
            List.of()
          });
    }
    t.put(ResultTable.POOLS, poolRows);
    List<Object[]> edges = new ArrayList<>();
    for (int p = 0; p < poolCount; p++) {
      for (int q = 0; q < poolCount; q++) {
        if (strictSuperset(accepted.get(p), accepted.get(q))) {
          boolean covering = true;
          for (int r = 0; r < poolCount; r++) {
            covering &=
                !(strictSuperset(accepted.get(p), accepted.get(r))
                    && strictSuperset(accepted.get(r), accepted.get(q)));
          }
          edges.add(new Object[] {p, q, covering});
        }
      }
    }
    t.put(ResultTable.POOL_EDGES, edges);

    List<Object[]> evacuation = new ArrayList<>();
    for (Host h : hs) {
      List<String> on = vmsOnHost.getOrDefault(h.id(), List.of());
      List<String> blocking = on.stream().filter(id -> otherHosts.get(id) == 0).sorted().toList();
      List<String> unevaluated =
          unevaluatedOnHost.getOrDefault(h.id(), List.of()).stream().sorted().toList();
      int b = hostClassOf.get(h.vectors());
      evacuation.add(
          new Object[] {
            h.id(),
            b,
            poolOfHostClass[b],
            h.cluster(),
            (long) on.size(),
            blocking.size(),
            blocking,
            unevaluated.size(),
            unevaluated,
            !blocking.isEmpty() ? Boolean.FALSE : unevaluated.isEmpty() ? Boolean.TRUE : null
          });
    }
    t.put(ResultTable.HOST_EVACUATION, evacuation);

    Map<String, long[]> blockers = new TreeMap<>();
    Map<String, VectorOutcome> sample = new HashMap<>();
    Map<Integer, Long> vmsPerClass = new HashMap<>();
    vs.forEach(v -> vmsPerClass.merge(vmClassOf.get(v.vectors()), 1L, Long::sum));
    Map<Integer, Long> hostsPerClass = new HashMap<>();
    hs.forEach(h -> hostsPerClass.merge(hostClassOf.get(h.vectors()), 1L, Long::sum));
    for (int a = 0; a < vmClasses.size(); a++) {
      for (int b = 0; b < hostClasses.size(); b++) {
        List<VectorOutcome> f = PairCheck.failures(vmClasses.get(a), hostClasses.get(b));
        long pairs = vmsPerClass.get(a) * hostsPerClass.get(b);
        for (VectorOutcome o : f) {
          String key =
              String.format(
                  "%010d/%d/%s",
                  Integer.toUnsignedLong(o.vectorId()), o.operation().code(), o.reason());
          long[] c = blockers.computeIfAbsent(key, k -> new long[2]);
          c[0] += pairs;
          c[1] += f.size() == 1 ? pairs : 0;
          sample.putIfAbsent(key, o);
        }
      }
    }
    List<Object[]> blockerRows = new ArrayList<>();
    blockers.forEach(
        (k, c) -> {
          VectorOutcome o = sample.get(k);
          blockerRows.add(
              new Object[] {
                Integer.toUnsignedLong(o.vectorId()),
                catalog.name(o.vectorId()),
                o.operation().code(),
                o.operation().displayName(),
                o.reason().name(),
                c[0],
                c[1]
              });
        });
    t.put(ResultTable.BLOCKERS, blockerRows);
    t.put(ResultTable.BLOCKERS_BY_POOL, List.of());
    t.put(ResultTable.HOST_CLASS_VECTORS, classVectors(hostClasses));
    t.put(ResultTable.VM_CLASS_VECTORS, classVectors(vmClasses));
    List<Object[]> rejected = new ArrayList<>();
    for (Reject r : rejects) {
      rejected.add(
          new Object[] {
            r.sourceTable(), r.systemId(), r.reason(), r.reason() + " (fixture)", "", ""
          });
    }
    t.put(ResultTable.REJECTED, rejected);
    return t;
  }

  private List<Object[]> classVectors(List<VectorSet> classes) {
    List<Object[]> rows = new ArrayList<>();
    for (int c = 0; c < classes.size(); c++) {
      VectorSet s = classes.get(c);
      for (int i = 0; i < s.size(); i++) {
        rows.add(
            new Object[] {
              c,
              Integer.toUnsignedLong(s.vectorId(i)),
              catalog.name(s.vectorId(i)),
              s.operation(i).code(),
              s.value(i),
              Hex.value(s.value(i))
            });
      }
    }
    return rows;
  }

  private static boolean strictSuperset(BitSet a, BitSet b) {
    BitSet x = (BitSet) b.clone();
    x.andNot(a);
    return x.isEmpty() && a.cardinality() > b.cardinality();
  }

  /** A manifest JSON for a successful run of this fleet. */
  public String manifestJson(String snapshot) {
    Map<ResultTable, List<Object[]>> t = tables();
    StringBuilder outputs = new StringBuilder();
    for (Map.Entry<ResultTable, List<Object[]>> e : t.entrySet()) {
      outputs
          .append(outputs.length() == 0 ? "" : ", ")
          .append('"')
          .append(e.getKey().tableName())
          .append("\": ")
          .append(e.getValue().size());
    }
    return "{\"format_version\": 2, \"engine_version\": \"test\", \"status_code\": 0, \"status\": \"Completed with No"
        + " Error\", \"snapshot\": \""
        + snapshot
        + "\", \"started_at\": \"2026-11-21T02:00:00Z\", \"outputs\": {"
        + outputs
        + "}, \"inputs\": {\"vm_vectors\": {\"rows_rejected\": "
        + rejects.size()
        + "}}}";
  }

  /** The fleet as an opened result directory named {@code dir}. */
  public ResultDirectory result(String dir) {
    Map<ResultTable, List<Object[]>> t = tables();
    return ResultDirectory.of(
        dir, ResultManifest.parse(dir + "/manifest.json", manifestJson(dir)), source(t));
  }

  /** A table source over rows made in memory: picks the asked columns by name. */
  public static TableSource source(Map<ResultTable, List<Object[]>> tables) {
    return new TableSource() {
      @Override
      public List<Object[]> readAll(ResultTable table, List<ResultColumn> columns) {
        List<Object[]> out = new ArrayList<>();
        for (Object[] r : tables.getOrDefault(table, List.of())) {
          Object[] picked = new Object[columns.size()];
          for (int i = 0; i < columns.size(); i++) {
            picked[i] = r[table.indexOf(columns.get(i).name())];
          }
          out.add(picked);
        }
        return out;
      }

      @Override
      public boolean has(ResultTable table) {
        return tables.containsKey(table);
      }
    };
  }
}
