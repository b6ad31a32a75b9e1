package org.fleetcompat.drift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.fleetcompat.core.PairCheck;
import org.fleetcompat.core.Utf8Order;
import org.fleetcompat.core.VectorOutcome;
import org.fleetcompat.core.VectorSet;

/**
 * Computes the {@link Drift} between two results of the same fleet from their tables: which VMs
 * lost or gained hosts and why, which hosts changed and which vectors and bits, where each pool's
 * hosts went, which blockers came and went.
 *
 * <p>It works on groups, not pairs: VMs that had the same class last night and have the same class
 * tonight form a group, and so do hosts (per cluster). A VM group and a host group either fitted or
 * not last night ({@code class_matrix}), and fit or not tonight; only the combinations where that
 * changed are explained, by checking the group's vectors against each other ({@code
 * core.PairCheck}) and keeping the failing (or newly passing) vectors that changed. A VM group with
 * unchanged vectors is compared only with host groups whose vectors changed, so the cost is about
 * (VM groups x changed host groups + changed VM groups x host groups) pair checks, not VMs x hosts.
 * Stateless.
 *
 * <pre>{@code
 * Drift d = DriftCalculator.compute(lastNight, tonight);
 * d.causes().get(0).description(); // "cpuid_features 0x10000701 lost 0x810 on 25 hosts of ..."
 * }</pre>
 */
public final class DriftCalculator {
  private DriftCalculator() {}

  /**
   * The drift from {@code old} to {@code neu}.
   *
   * @throws org.fleetcompat.core.FleetcompatException 32773 when they share fewer than half of the
   *     smaller result's hosts (different fleets), or as {@link ResultDirectory} does
   */
  public static Drift compute(ResultDirectory old, ResultDirectory neu) {
    Night o = new Night(old);
    Night n = new Night(neu);
    checkSameFleet(old, neu, o, n);
    IntFunction<String> names = id -> name(id, o, n);

    CauseLedger ledger = new CauseLedger();
    List<HostGroup> hostGroups = hostGroups(o, n, names, ledger);
    Map<String, VmGroup> vmGroups = vmGroups(o, n, names, ledger);
    int g = 0;
    for (VmGroup vg : vmGroups.values()) {
      vg.index = g++;
      for (HostGroup hg : hostGroups) {
        if (vg.changes.isEmpty() && hg.unchanged()) {
          continue;
        }
        compare(vg, hg, o, n, ledger);
      }
    }
    return new Drift(
        old.dir(),
        neu.dir(),
        old.manifest().snapshot(),
        neu.manifest().snapshot(),
        HeadlineFigures.of(old),
        HeadlineFigures.of(neu),
        VmChanges.rows(o, n, vmGroups),
        HostChanges.rows(o, n, hostGroups),
        ledger.causes(),
        PoolMatcher.match(old, neu),
        BlockerComparison.compare(old.blockers(), neu.blockers()));
  }

  /** One VM group against one host group: the pairs that changed, and why. */
  private static void compare(VmGroup vg, HostGroup hg, Night o, Night n, CauseLedger ledger) {
    boolean before = hg.oldClass >= 0 && o.result.classMatrix().fits(vg.oldClass, hg.oldClass);
    boolean after = hg.newClass >= 0 && n.result.classMatrix().fits(vg.newClass, hg.newClass);
    if (before == after) {
      return;
    }
    long hosts = hg.hostIds.size();
    long pairs = hosts * vg.vms.size();
    List<CauseLedger.Tally> causes = new ArrayList<>();
    if (before ? hg.newClass < 0 : hg.oldClass < 0) {
      causes.add(hg.membership);
    } else {
      // Lost: the vectors failing tonight that changed; gained: those failing last night.
      VectorSet vm = before ? n.vmVectors(vg.newClass) : o.vmVectors(vg.oldClass);
      VectorSet host = before ? n.hostVectors(hg.newClass) : o.hostVectors(hg.oldClass);
      Set<Integer> failing = new HashSet<>();
      for (VectorOutcome f : PairCheck.failures(vm, host)) {
        failing.add(f.vectorId());
      }
      addResponsible(hg.changes, hg.tallies, failing, causes);
      addResponsible(vg.changes, vg.tallies, failing, causes);
      if (causes.isEmpty()) {
        causes.addAll(hg.tallies);
        causes.addAll(vg.tallies);
      }
    }
    for (CauseLedger.Tally t : causes) {
      if (before) {
        t.lost(vg.index, vg.vms.size(), pairs);
      } else {
        t.gained(vg.index, vg.vms.size(), pairs);
      }
      (before ? vg.lostBy : vg.gainedBy).merge(t, hosts, Long::sum);
    }
    boolean own = causes.stream().anyMatch(t -> t.kind == DriftCause.Kind.VM_VECTOR_CHANGED);
    if (before) {
      vg.hostsLost += hosts;
      vg.ownLost += own ? hosts : 0;
    } else {
      vg.hostsGained += hosts;
      vg.ownGained += own ? hosts : 0;
    }
  }

  private static void addResponsible(
      List<VectorChange> changes,
      List<CauseLedger.Tally> tallies,
      Set<Integer> failing,
      List<CauseLedger.Tally> out) {
    for (int i = 0; i < changes.size(); i++) {
      if (failing.contains(changes.get(i).vectorId())) {
        out.add(tallies.get(i));
      }
    }
  }

  private static List<HostGroup> hostGroups(
      Night o, Night n, IntFunction<String> names, CauseLedger ledger) {
    Map<String, HostGroup> groups = new LinkedHashMap<>();
    for (String id : union(o.hosts.keySet(), n.hosts.keySet())) {
      ResultRows.Host a = o.hosts.get(id);
      ResultRows.Host b = n.hosts.get(id);
      String cluster = b != null ? b.cluster() : a.cluster();
      int oc = a == null ? -1 : a.hostClass();
      int nc = b == null ? -1 : b.hostClass();
      // Hosts that went away because they were quarantined are kept apart from retired ones.
      boolean quarantined =
          (b == null && n.quarantinedHosts.contains(id))
              || (a == null && o.quarantinedHosts.contains(id));
      HostGroup hg =
          groups.computeIfAbsent(
              oc + "|" + nc + "|" + cluster + "|" + quarantined,
              k -> new HostGroup(oc, nc, cluster, quarantined));
      hg.hostIds.add(id);
    }
    for (HostGroup hg : groups.values()) {
      if (hg.oldClass >= 0 && hg.newClass >= 0) {
        hg.changes =
            VectorChange.between(o.hostVectors(hg.oldClass), n.hostVectors(hg.newClass), names);
        for (VectorChange c : hg.changes) {
          CauseLedger.Tally t = ledger.hostVector(hg.cluster, c);
          t.systems.addAll(hg.hostIds);
          hg.tallies.add(t);
        }
      } else {
        DriftCause.Kind kind =
            hg.newClass < 0
                ? hg.quarantined ? DriftCause.Kind.HOSTS_QUARANTINED : DriftCause.Kind.HOSTS_RETIRED
                : hg.quarantined ? DriftCause.Kind.HOSTS_RELEASED : DriftCause.Kind.HOSTS_ADDED;
        hg.membership = ledger.hosts(kind, hg.cluster);
        hg.membership.systems.addAll(hg.hostIds);
      }
    }
    return new ArrayList<>(groups.values());
  }

  private static Map<String, VmGroup> vmGroups(
      Night o, Night n, IntFunction<String> names, CauseLedger ledger) {
    Map<String, VmGroup> groups = new LinkedHashMap<>();
    Map<Long, VmGroup> byClasses = new HashMap<>();
    for (String id : o.vmIds) {
      ResultRows.Vm b = n.vms.get(id);
      if (b == null) {
        continue;
      }
      int oc = o.vms.get(id).vmClass();
      int nc = b.vmClass();
      VmGroup g = byClasses.get(((long) oc << 32) | (nc & 0xffffffffL));
      if (g == null) {
        g = groups.computeIfAbsent(oc + "|" + nc, k -> new VmGroup(oc, nc));
        byClasses.put(((long) oc << 32) | (nc & 0xffffffffL), g);
      }
      g.vms.add(id);
    }
    for (VmGroup vg : groups.values()) {
      vg.changes = VectorChange.between(o.vmVectors(vg.oldClass), n.vmVectors(vg.newClass), names);
      for (VectorChange c : vg.changes) {
        CauseLedger.Tally t = ledger.vmVector(c);
        t.systems.addAll(vg.vms);
        vg.tallies.add(t);
      }
    }
    return groups;
  }

  private static void checkSameFleet(ResultDirectory old, ResultDirectory neu, Night o, Night n) {
    long shared = 0;
    for (String id : o.hosts.keySet()) {
      shared += n.hosts.containsKey(id) ? 1 : 0;
    }
    long smaller = Math.min(o.hosts.size(), n.hosts.size());
    if (smaller > 0 && shared * 2 < smaller) {
      throw ResultErrors.differentFleets(
          old.dir(), neu.dir(), shared, o.hosts.size(), n.hosts.size());
    }
  }

  private static String name(int id, Night o, Night n) {
    String s = n.result.hostClassVectors().name(id);
    if (s.isEmpty()) {
      s = n.result.vmClassVectors().name(id);
    }
    if (s.isEmpty()) {
      s = o.result.hostClassVectors().name(id);
    }
    return s.isEmpty() ? o.result.vmClassVectors().name(id) : s;
  }

  /** The ids in {@code a} or {@code b}, once each, in UTF-8 order. */
  static List<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(Utf8Order.COMPARATOR);
    all.addAll(a);
    all.addAll(b);
    return new ArrayList<>(all);
  }

  /** The ids in either of two lists sorted in UTF-8 order, once each, in that order: a merge. */
  static List<String> union(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(Math.max(a.size(), b.size()));
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      int c = i == a.size() ? 1 : j == b.size() ? -1 : Utf8Order.compare(a.get(i), b.get(j));
      out.add(c <= 0 ? a.get(i) : b.get(j));
      i += c <= 0 ? 1 : 0;
      j += c >= 0 ? 1 : 0;
    }
    return out;
  }

  /** One result's rows, indexed for the comparison. */
  static final class Night {
    final ResultDirectory result;
    final Map<String, ResultRows.Host> hosts = new HashMap<>();
    final Map<String, ResultRows.Vm> vms;

    /** The ids of {@link #vms} in UTF-8 order. */
    final List<String> vmIds;

    final Map<String, String> quarantineReasons = new HashMap<>();
    final Set<String> quarantinedHosts = new HashSet<>();
    final Set<String> quarantinedVms = new HashSet<>();
    final Map<String, Boolean> evacuable = new HashMap<>();

    Night(ResultDirectory r) {
      result = r;
      r.hosts().forEach(h -> hosts.put(h.hostId(), h));
      List<ResultRows.Vm> rows = r.vms();
      vms = new HashMap<>(rows.size() + rows.size() / 3 + 1);
      List<String> ids = new ArrayList<>(rows.size());
      for (ResultRows.Vm v : rows) {
        vms.put(v.vmId(), v);
        ids.add(v.vmId());
      }
      // vm_summary is written sorted by vm_id; sorting what is sorted is one pass.
      ids.sort(Utf8Order.COMPARATOR);
      vmIds = ids;
      for (ResultRows.Rejected x : r.rejected()) {
        if (x.systemId() == null) {
          continue;
        }
        (x.isHost() ? quarantinedHosts : quarantinedVms).add(x.systemId());
        quarantineReasons.merge(
            (x.isHost() ? "h|" : "v|") + x.systemId(),
            x.reason(),
            (p, q) -> "SYSTEM_QUARANTINED".equals(p) ? q : p);
      }
      r.evacuation().forEach(e -> evacuable.put(e.hostId(), e.evacuable()));
    }

    VectorSet hostVectors(int hostClass) {
      return result.hostClassVectors().of(hostClass);
    }

    VectorSet vmVectors(int vmClass) {
      return result.vmClassVectors().of(vmClass);
    }

    String reason(boolean host, String id) {
      return quarantineReasons.get((host ? "h|" : "v|") + id);
    }
  }

  /** Hosts with one old class, one new class (either may be -1: absent) and one cluster. */
  static final class HostGroup {
    final int oldClass;
    final int newClass;
    final String cluster;
    final boolean quarantined;
    final List<String> hostIds = new ArrayList<>();
    List<VectorChange> changes = List.of();
    final List<CauseLedger.Tally> tallies = new ArrayList<>();
    CauseLedger.Tally membership;

    HostGroup(int oldClass, int newClass, String cluster, boolean quarantined) {
      this.oldClass = oldClass;
      this.newClass = newClass;
      this.cluster = cluster;
      this.quarantined = quarantined;
    }

    boolean unchanged() {
      return oldClass >= 0 && newClass >= 0 && changes.isEmpty();
    }
  }

  /** VMs with one old class and one new class. */
  static final class VmGroup {
    final int oldClass;
    final int newClass;
    final List<String> vms = new ArrayList<>();
    List<VectorChange> changes = List.of();
    final List<CauseLedger.Tally> tallies = new ArrayList<>();
    final Map<CauseLedger.Tally, Long> lostBy = new LinkedHashMap<>();
    final Map<CauseLedger.Tally, Long> gainedBy = new LinkedHashMap<>();
    int index;
    long hostsLost;
    long hostsGained;
    long ownLost;
    long ownGained;

    VmGroup(int oldClass, int newClass) {
      this.oldClass = oldClass;
      this.newClass = newClass;
    }
  }
}
