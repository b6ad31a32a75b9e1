package org.fleetcompat.drift;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.PairCheck;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorOutcome;
import org.fleetcompat.core.VectorSet;

/**
 * The expected drift between two snapshots, computed pair by pair from the snapshots alone (read
 * and validated by the test references, every VM-host pair checked by the SPEC rule): never from a
 * result's tables, {@link DriftCalculator} or the engine. It writes what the golden files of {@code
 * data-samples/cpu-fleet-night2/expected-drift} hold, in {@link DriftLines}' format.
 *
 * <p>The rules it applies are the documented ones (DriftTable's docs): a lost pair is charged to
 * every changed vector (of the host or the VM) that fails tonight, or to the host's retirement or
 * quarantine; a gained pair to every changed vector that failed last night, or to the host's
 * addition or release.
 */
final class DriftReference {
  private DriftReference() {}

  static DriftLines compute(
      SnapshotResults.Snapshot a, SnapshotResults.Snapshot b, VectorCatalog catalog) {
    List<String> hostIds = new ArrayList<>(union(a.hosts().keySet(), b.hosts().keySet()));
    Map<String, Integer> hostIndex = new HashMap<>();
    for (int i = 0; i < hostIds.size(); i++) {
      hostIndex.put(hostIds.get(i), i);
    }
    Fits fa = new Fits(a, hostIds);
    Fits fb = new Fits(b, hostIds);

    Map<String, Cause> causes = new TreeMap<>();
    // Every change is a cause, with or without a cost.
    for (String h : hostIds) {
      VectorSet x = a.hosts().get(h);
      VectorSet y = b.hosts().get(h);
      String cluster = clusterOf(h, a, b);
      if (x != null && y != null) {
        for (Change c : diff(x, y, catalog)) {
          causes
              .computeIfAbsent(
                  c.key("HOST_VECTOR_CHANGED", cluster),
                  k -> new Cause(c, "HOST_VECTOR_CHANGED", cluster))
              .systems
              .add(h);
        }
      } else {
        String kind = membershipKind(h, a, b);
        causes
            .computeIfAbsent(kind + "|" + cluster, k -> new Cause(null, kind, cluster))
            .systems
            .add(h);
      }
    }
    List<String> vmLines = new ArrayList<>();
    Map<String, Long> counts = new TreeMap<>();
    for (String vm : union(a.vms().keySet(), b.vms().keySet())) {
      VectorSet x = a.vms().get(vm);
      VectorSet y = b.vms().get(vm);
      if (x == null || y == null) {
        String change =
            y == null
                ? b.quarantinedVms().contains(vm) ? "QUARANTINED" : "VANISHED"
                : a.quarantinedVms().contains(vm) ? "RELEASED" : "APPEARED";
        vmLines.add(
            String.join(
                ",",
                vm,
                change,
                x == null ? "" : Long.toString(fa.of(vm).cardinality()),
                y == null ? "" : Long.toString(fb.of(vm).cardinality()),
                "0",
                "0",
                x == null ? "" : Boolean.toString(fa.stranded(vm)),
                y == null ? "" : Boolean.toString(fb.stranded(vm))));
        counts.merge("vms_" + change.toLowerCase(Locale.ROOT), 1L, Long::sum);
        continue;
      }
      List<Change> vmChanges = diff(x, y, catalog);
      for (Change c : vmChanges) {
        causes
            .computeIfAbsent(
                c.key("VM_VECTOR_CHANGED", null), k -> new Cause(c, "VM_VECTOR_CHANGED", null))
            .systems
            .add(vm);
      }
      BitSet before = fa.of(vm);
      BitSet after = fb.of(vm);
      BitSet lost = (BitSet) before.clone();
      lost.andNot(after);
      BitSet gained = (BitSet) after.clone();
      gained.andNot(before);
      charge(vm, lost, true, hostIds, a, b, x, y, vmChanges, causes, catalog);
      charge(vm, gained, false, hostIds, a, b, x, y, vmChanges, causes, catalog);
      boolean reconfigured =
          !vmChanges.isEmpty() || !Objects.equals(a.state().get(vm), b.state().get(vm));
      boolean moved = !Objects.equals(a.currentHost().get(vm), b.currentHost().get(vm));
      boolean os = fa.stranded(vm);
      boolean ns = fb.stranded(vm);
      if (!reconfigured && !moved && lost.isEmpty() && gained.isEmpty() && os == ns) {
        continue;
      }
      String change =
          reconfigured
              ? "RECONFIGURED"
              : lost.cardinality() + gained.cardinality() > 0 ? "HOSTS_CHANGED" : "MOVED";
      counts.merge("vms_" + change.toLowerCase(Locale.ROOT), 1L, Long::sum);
      counts.merge("vms_moved_any", moved ? 1L : 0L, Long::sum);
      counts.merge("vms_reconfigured_any", reconfigured ? 1L : 0L, Long::sum);
      counts.merge("vms_that_lost_hosts", lost.isEmpty() ? 0L : 1L, Long::sum);
      counts.merge("vms_that_gained_hosts", gained.isEmpty() ? 0L : 1L, Long::sum);
      counts.merge("pairs_lost", (long) lost.cardinality(), Long::sum);
      counts.merge("pairs_gained", (long) gained.cardinality(), Long::sum);
      counts.merge("vms_became_stranded", !os && ns ? 1L : 0L, Long::sum);
      counts.merge("vms_no_longer_stranded", os && !ns ? 1L : 0L, Long::sum);
      vmLines.add(
          String.join(
              ",",
              vm,
              change,
              Long.toString(before.cardinality()),
              Long.toString(after.cardinality()),
              Long.toString(lost.cardinality()),
              Long.toString(gained.cardinality()),
              Boolean.toString(os),
              Boolean.toString(ns)));
    }

    List<String> hostLines = new ArrayList<>();
    for (String h : hostIds) {
      VectorSet x = a.hosts().get(h);
      VectorSet y = b.hosts().get(h);
      Boolean oe = x == null ? null : fa.evacuable(h);
      Boolean ne = y == null ? null : fb.evacuable(h);
      String change;
      String what = "";
      if (y == null) {
        change = b.quarantinedHosts().contains(h) ? "QUARANTINED" : "RETIRED";
      } else if (x == null) {
        change = a.quarantinedHosts().contains(h) ? "RELEASED" : "ADDED";
      } else {
        List<String> words = new ArrayList<>();
        diff(x, y, catalog).forEach(c -> words.add(c.describe()));
        what = String.join("; ", words);
        if (!words.isEmpty()) {
          change = "VECTORS_CHANGED";
        } else if (!Objects.equals(a.cluster().get(h), b.cluster().get(h))) {
          change = "CLUSTER_CHANGED";
        } else if (!Objects.equals(oe, ne)) {
          change = "DRAIN_CHANGED";
        } else {
          continue;
        }
      }
      counts.merge("hosts_" + change.toLowerCase(Locale.ROOT), 1L, Long::sum);
      counts.merge(
          "hosts_became_undrainable",
          Boolean.TRUE.equals(oe) && Boolean.FALSE.equals(ne) ? 1L : 0L,
          Long::sum);
      hostLines.add(
          String.join(",", h, change, quote(what), String.valueOf(oe), String.valueOf(ne)));
    }

    List<String> causeLines = new ArrayList<>();
    for (Cause c : causes.values()) {
      causeLines.add(c.line());
    }
    List<String> poolLines = pools(a, b, fa, fb, hostIds, counts);
    return DriftLines.of(vmLines, hostLines, causeLines, poolLines, counts);
  }

  private static void charge(
      String vm,
      BitSet cells,
      boolean lost,
      List<String> hostIds,
      SnapshotResults.Snapshot a,
      SnapshotResults.Snapshot b,
      VectorSet x,
      VectorSet y,
      List<Change> vmChanges,
      Map<String, Cause> causes,
      VectorCatalog catalog) {
    for (int i = cells.nextSetBit(0); i >= 0; i = cells.nextSetBit(i + 1)) {
      String h = hostIds.get(i);
      String cluster = clusterOf(h, a, b);
      VectorSet hx = a.hosts().get(h);
      VectorSet hy = b.hosts().get(h);
      List<Cause> to = new ArrayList<>();
      if (hx == null || hy == null) {
        to.add(causes.get(membershipKind(h, a, b) + "|" + cluster));
      } else {
        Set<Integer> failing = new HashSet<>();
        for (VectorOutcome o : lost ? PairCheck.failures(y, hy) : PairCheck.failures(x, hx)) {
          failing.add(o.vectorId());
        }
        for (Change c : diff(hx, hy, catalog)) {
          if (failing.contains(c.id)) {
            to.add(causes.get(c.key("HOST_VECTOR_CHANGED", cluster)));
          }
        }
        for (Change c : vmChanges) {
          if (failing.contains(c.id)) {
            to.add(causes.get(c.key("VM_VECTOR_CHANGED", null)));
          }
        }
      }
      for (Cause c : to) {
        if (lost) {
          c.pairsLost++;
          c.vmsLost.add(vm);
        } else {
          c.pairsGained++;
          c.vmsGained.add(vm);
        }
      }
    }
  }

  private static List<String> pools(
      SnapshotResults.Snapshot a,
      SnapshotResults.Snapshot b,
      Fits fa,
      Fits fb,
      List<String> hostIds,
      Map<String, Long> counts) {
    Map<String, String> poolA = fa.poolOfHost();
    Map<String, String> poolB = fb.poolOfHost();
    Map<String, Map<String, Long>> shared = new TreeMap<>();
    Map<String, Set<String>> sources = new TreeMap<>();
    for (String h : hostIds) {
      if (poolA.containsKey(h) && poolB.containsKey(h)) {
        shared
            .computeIfAbsent(poolA.get(h), k -> new TreeMap<>())
            .merge(poolB.get(h), 1L, Long::sum);
        sources.computeIfAbsent(poolB.get(h), k -> new TreeSet<>()).add(poolA.get(h));
      }
    }
    Map<String, Long> sizeA = sizes(poolA);
    Map<String, Long> sizeB = sizes(poolB);
    List<String> lines = new ArrayList<>();
    Set<String> split = new TreeSet<>();
    Set<String> merged = new TreeSet<>();
    for (String p : sizeA.keySet()) {
      Map<String, Long> to = shared.getOrDefault(p, Map.of());
      if (to.isEmpty()) {
        lines.add(String.join(",", "VANISHED", p, "", Long.toString(sizeA.get(p)), "0", "0"));
        counts.merge("pools_vanished", 1L, Long::sum);
      }
      for (Map.Entry<String, Long> e : to.entrySet()) {
        boolean s = to.size() > 1;
        boolean m = sources.get(e.getKey()).size() > 1;
        String change =
            s && m
                ? "REGROUPED"
                : s
                    ? "SPLIT"
                    : m
                        ? "MERGED"
                        : e.getValue().equals(sizeA.get(p))
                                && e.getValue().equals(sizeB.get(e.getKey()))
                            ? "UNCHANGED"
                            : "RESIZED";
        if (s) {
          split.add(p);
        }
        if (m) {
          merged.add(e.getKey());
        }
        if (change.equals("UNCHANGED") || change.equals("RESIZED")) {
          counts.merge("pools_" + change.toLowerCase(Locale.ROOT), 1L, Long::sum);
        }
        lines.add(
            String.join(
                ",",
                change,
                p,
                e.getKey(),
                Long.toString(sizeA.get(p)),
                Long.toString(sizeB.get(e.getKey())),
                Long.toString(e.getValue())));
      }
    }
    for (String q : sizeB.keySet()) {
      if (!sources.containsKey(q)) {
        lines.add(String.join(",", "APPEARED", "", q, "0", Long.toString(sizeB.get(q)), "0"));
        counts.merge("pools_appeared", 1L, Long::sum);
      }
    }
    counts.put("pools_split", (long) split.size());
    counts.put("pools_merged", (long) merged.size());
    return lines;
  }

  private static Map<String, Long> sizes(Map<String, String> poolOf) {
    Map<String, Long> m = new TreeMap<>();
    poolOf.values().forEach(p -> m.merge(p, 1L, Long::sum));
    return m;
  }

  private static String membershipKind(
      String h, SnapshotResults.Snapshot a, SnapshotResults.Snapshot b) {
    if (!b.hosts().containsKey(h)) {
      return b.quarantinedHosts().contains(h) ? "HOSTS_QUARANTINED" : "HOSTS_RETIRED";
    }
    return a.quarantinedHosts().contains(h) ? "HOSTS_RELEASED" : "HOSTS_ADDED";
  }

  private static String clusterOf(
      String h, SnapshotResults.Snapshot a, SnapshotResults.Snapshot b) {
    return b.hosts().containsKey(h) ? b.cluster().get(h) : a.cluster().get(h);
  }

  static Set<String> union(Set<String> x, Set<String> y) {
    Set<String> s = new TreeSet<>(x);
    s.addAll(y);
    return s;
  }

  static String quote(String s) {
    return s.contains(",") ? "\"" + s + "\"" : s;
  }

  /** Which hosts each VM of one night fits, and what follows from it. */
  static final class Fits {
    private final SnapshotResults.Snapshot night;
    private final List<String> hostIds;
    private final Map<VectorSet, BitSet> bySet = new HashMap<>();

    Fits(SnapshotResults.Snapshot night, List<String> hostIds) {
      this.night = night;
      this.hostIds = hostIds;
    }

    /** The hosts (positions in the union of both nights' hosts) {@code vm} fits. */
    BitSet of(String vm) {
      VectorSet v = night.vms().get(vm);
      return bySet.computeIfAbsent(
          v,
          k -> {
            BitSet b = new BitSet();
            for (int i = 0; i < hostIds.size(); i++) {
              VectorSet h = night.hosts().get(hostIds.get(i));
              b.set(i, h != null && PairCheck.isCompatible(k, h));
            }
            return b;
          });
    }

    boolean stranded(String vm) {
      BitSet f = of(vm);
      String current = night.currentHost().get(vm);
      int at = current == null ? -1 : hostIds.indexOf(current);
      long other = f.cardinality() - (at >= 0 && f.get(at) ? 1 : 0);
      return other == 0;
    }

    /** false if an evaluated VM on it has no other host, null if an unevaluated one is on it. */
    Boolean evacuable(String host) {
      boolean unevaluated = false;
      for (Map.Entry<String, String> e : night.currentHost().entrySet()) {
        if (!host.equals(e.getValue())) {
          continue;
        }
        if (!night.vms().containsKey(e.getKey())) {
          unevaluated = true;
        } else if (stranded(e.getKey())) {
          return false;
        }
      }
      return unevaluated ? null : true;
    }

    /** Hosts grouped by the VMs they accept; a pool is named by its smallest host. */
    Map<String, String> poolOfHost() {
      Map<String, BitSet> accepted = new TreeMap<>();
      List<String> vms = new ArrayList<>(night.vms().keySet());
      for (String h : night.hosts().keySet()) {
        accepted.put(h, new BitSet());
      }
      for (int j = 0; j < vms.size(); j++) {
        BitSet f = of(vms.get(j));
        for (int i = f.nextSetBit(0); i >= 0; i = f.nextSetBit(i + 1)) {
          accepted.get(hostIds.get(i)).set(j);
        }
      }
      Map<BitSet, String> first = new HashMap<>();
      Map<String, String> out = new TreeMap<>();
      accepted.forEach((h, s) -> out.put(h, first.computeIfAbsent(s, k -> h)));
      return out;
    }
  }

  /** A vector that differs between two nights of one system. */
  static final class Change {
    final int id;
    final String name;
    final CompareOperation oldOp;
    final long oldValue;
    final CompareOperation newOp;
    final long newValue;

    Change(
        int id,
        String name,
        CompareOperation oldOp,
        long oldValue,
        CompareOperation newOp,
        long newValue) {
      this.id = id;
      this.name = name;
      this.oldOp = oldOp;
      this.oldValue = oldValue;
      this.newOp = newOp;
      this.newValue = newValue;
    }

    boolean mask() {
      return oldOp == newOp
          && (newOp == CompareOperation.SUB_SET
              || newOp == CompareOperation.SUPER_SET
              || newOp == CompareOperation.DISJOINT);
    }

    String kind() {
      if (oldOp == null) {
        return "ADDED";
      }
      if (newOp == null) {
        return "REMOVED";
      }
      if (oldOp != newOp) {
        return "OPERATION_CHANGED";
      }
      if (mask()) {
        long l = oldValue & ~newValue;
        long g = newValue & ~oldValue;
        return l != 0 && g != 0 ? "BITS_CHANGED" : l != 0 ? "BITS_LOST" : "BITS_GAINED";
      }
      return Long.compareUnsigned(newValue, oldValue) > 0 ? "RAISED" : "LOWERED";
    }

    String key(String kind, String cluster) {
      String what =
          mask()
              ? hex(oldValue & ~newValue) + "/" + hex(newValue & ~oldValue)
              : oldOp + "/" + oldValue + "/" + newOp + "/" + newValue;
      return kind
          + "|"
          + cluster
          + "|"
          + Integer.toUnsignedString(id, 16)
          + "|"
          + kind()
          + "|"
          + what;
    }

    String describe() {
      String head =
          (name.isEmpty()
              ? "vector 0x" + Integer.toHexString(id)
              : name + " 0x" + Integer.toHexString(id));
      return switch (kind()) {
        case "ADDED" -> head + " added (" + newOp.displayName() + " " + hex(newValue) + ")";
        case "REMOVED" -> head + " removed (was " + hex(oldValue) + ")";
        case "OPERATION_CHANGED" ->
            head + " operation " + oldOp.displayName() + " -> " + newOp.displayName();
        case "BITS_LOST" -> head + " lost " + hex(oldValue & ~newValue);
        case "BITS_GAINED" -> head + " gained " + hex(newValue & ~oldValue);
        case "BITS_CHANGED" ->
            head
                + " lost "
                + hex(oldValue & ~newValue)
                + " and gained "
                + hex(newValue & ~oldValue);
        default ->
            head
                + " "
                + kind().toLowerCase(Locale.ROOT)
                + " "
                + hex(oldValue)
                + " -> "
                + hex(newValue);
      };
    }
  }

  static List<Change> diff(VectorSet x, VectorSet y, VectorCatalog catalog) {
    Map<Integer, Integer> xi = new TreeMap<>(Integer::compareUnsigned);
    Map<Integer, Integer> yi = new TreeMap<>(Integer::compareUnsigned);
    for (int i = 0; i < x.size(); i++) {
      xi.put(x.vectorId(i), i);
    }
    for (int i = 0; i < y.size(); i++) {
      yi.put(y.vectorId(i), i);
    }
    Set<Integer> ids = new TreeSet<>(Integer::compareUnsigned);
    ids.addAll(xi.keySet());
    ids.addAll(yi.keySet());
    List<Change> out = new ArrayList<>();
    for (int id : ids) {
      Integer i = xi.get(id);
      Integer j = yi.get(id);
      CompareOperation oo = i == null ? null : x.operation(i);
      CompareOperation no = j == null ? null : y.operation(j);
      long ov = i == null ? 0 : x.value(i);
      long nv = j == null ? 0 : y.value(j);
      if (oo != no || ov != nv) {
        out.add(new Change(id, catalog.name(id), oo, ov, no, nv));
      }
    }
    return out;
  }

  static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }

  /** One cause and its tally. */
  static final class Cause {
    final Change change;
    final String kind;
    final String cluster;
    final Set<String> systems = new LinkedHashSet<>();
    final Set<String> vmsLost = new HashSet<>();
    final Set<String> vmsGained = new HashSet<>();
    long pairsLost;
    long pairsGained;

    Cause(Change change, String kind, String cluster) {
      this.change = change;
      this.kind = kind;
      this.cluster = cluster;
    }

    String line() {
      boolean bits = change != null && change.mask();
      long l = bits ? change.oldValue & ~change.newValue : 0;
      long g = bits ? change.newValue & ~change.oldValue : 0;
      return String.join(
          ",",
          kind,
          cluster == null ? "" : cluster,
          change == null ? "" : "0x" + Integer.toHexString(change.id),
          change == null ? "" : change.name,
          change == null ? "" : change.kind(),
          l == 0 ? "" : hex(l),
          g == 0 ? "" : hex(g),
          Long.toString(systems.size()),
          Long.toString(vmsLost.size()),
          Long.toString(pairsLost),
          Long.toString(vmsGained.size()),
          Long.toString(pairsGained));
    }
  }
}
