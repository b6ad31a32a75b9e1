package org.fleetcompat.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns the VM groups of {@link DriftCalculator} into one {@link VmDrift} per changed VM. */
final class VmChanges {
  private VmChanges() {}

  static List<VmDrift> rows(
      DriftCalculator.Night o,
      DriftCalculator.Night n,
      Map<String, DriftCalculator.VmGroup> groups) {
    Map<String, DriftCalculator.VmGroup> groupOf = new HashMap<>();
    groups.values().forEach(g -> g.vms.forEach(id -> groupOf.put(id, g)));
    List<VmDrift> out = new ArrayList<>();
    for (String id : DriftCalculator.union(o.vmIds, n.vmIds)) {
      ResultRows.Vm a = o.vms.get(id);
      ResultRows.Vm b = n.vms.get(id);
      if (b == null) {
        boolean q = n.quarantinedVms.contains(id);
        out.add(
            only(
                id,
                q ? VmDrift.Change.QUARANTINED : VmDrift.Change.VANISHED,
                a,
                null,
                q ? "QUARANTINED" : "VANISHED",
                q ? "quarantined tonight: " + n.reason(false, id) : "not in tonight's snapshot"));
      } else if (a == null) {
        boolean r = o.quarantinedVms.contains(id);
        out.add(
            only(
                id,
                r ? VmDrift.Change.RELEASED : VmDrift.Change.APPEARED,
                null,
                b,
                r ? "RELEASED" : "APPEARED",
                r
                    ? "quarantined last night (" + o.reason(false, id) + "), evaluated tonight"
                    : "new tonight"));
      } else {
        VmDrift d = both(id, a, b, groupOf.get(id));
        if (d != null) {
          out.add(d);
        }
      }
    }
    return out;
  }

  private static VmDrift only(
      String id,
      VmDrift.Change change,
      ResultRows.Vm a,
      ResultRows.Vm b,
      String cause,
      String detail) {
    return new VmDrift(
        id,
        change,
        false,
        false,
        a == null ? null : a.enabledState(),
        b == null ? null : b.enabledState(),
        a == null ? null : a.currentHostId(),
        b == null ? null : b.currentHostId(),
        a == null ? null : a.compatibleHosts(),
        b == null ? null : b.compatibleHosts(),
        0,
        0,
        a == null ? null : a.stranded(),
        b == null ? null : b.stranded(),
        cause,
        detail);
  }

  private static VmDrift both(
      String id, ResultRows.Vm a, ResultRows.Vm b, DriftCalculator.VmGroup g) {
    boolean reconfigured =
        !g.changes.isEmpty() || !Objects.equals(a.enabledState(), b.enabledState());
    boolean moved = !Objects.equals(a.currentHostId(), b.currentHostId());
    boolean hostsChanged = g.hostsLost + g.hostsGained > 0;
    if (!reconfigured && !moved && !hostsChanged && a.stranded() == b.stranded()) {
      return null;
    }
    VmDrift.Change change =
        reconfigured
            ? VmDrift.Change.RECONFIGURED
            : hostsChanged ? VmDrift.Change.HOSTS_CHANGED : VmDrift.Change.MOVED;
    Map<CauseLedger.Tally, Long> main = g.hostsLost > 0 ? g.lostBy : g.gainedBy;
    String cause =
        main.entrySet().stream()
            .max(Comparator.comparingLong(Map.Entry<CauseLedger.Tally, Long>::getValue))
            .map(e -> e.getKey().kind.name())
            .orElse(null);
    StringBuilder detail = new StringBuilder();
    describe(detail, "lost", g.hostsLost, g.lostBy, g.ownLost, g.changes);
    describe(detail, "gained", g.hostsGained, g.gainedBy, g.ownGained, g.changes);
    if (detail.length() == 0) {
      detail.append(moved ? "moved from " + a.currentHostId() + " to " + b.currentHostId() : "");
      if (reconfigured) {
        detail.append(detail.length() > 0 ? "; " : "").append("reconfigured, same hosts");
      }
    }
    return new VmDrift(
        id,
        change,
        reconfigured,
        moved,
        a.enabledState(),
        b.enabledState(),
        a.currentHostId(),
        b.currentHostId(),
        a.compatibleHosts(),
        b.compatibleHosts(),
        g.hostsLost,
        g.hostsGained,
        a.stranded(),
        b.stranded(),
        cause,
        detail.toString());
  }

  /**
   * "lost 27 hosts: its reconfiguration (cpuid_features 0x10000702 added, and 2 more) (20),
   * cpuid_features 0x10000701 lost 0x810 on 27 hosts of cl-cooperlake-a (7)": the VM's own changes
   * as one entry, the hosts' changes each, most hosts first, at most three.
   */
  private static void describe(
      StringBuilder out,
      String verb,
      long hosts,
      Map<CauseLedger.Tally, Long> by,
      long own,
      List<VectorChange> ownChanges) {
    if (hosts == 0) {
      return;
    }
    if (out.length() > 0) {
      out.append("; ");
    }
    out.append(verb).append(' ').append(CauseLedger.count(hosts, "host")).append(": ");
    List<Map.Entry<String, Long>> es = new ArrayList<>();
    for (Map.Entry<CauseLedger.Tally, Long> e : by.entrySet()) {
      if (e.getKey().kind != DriftCause.Kind.VM_VECTOR_CHANGED) {
        es.add(Map.entry(e.getKey().what(), e.getValue()));
      }
    }
    if (own > 0) {
      StringBuilder w = new StringBuilder("its reconfiguration (");
      for (int i = 0; i < ownChanges.size() && i < 2; i++) {
        w.append(i > 0 ? ", " : "").append(ownChanges.get(i).describe());
      }
      if (ownChanges.size() > 2) {
        w.append(", and ").append(ownChanges.size() - 2).append(" more");
      }
      es.add(Map.entry(w.append(')').toString(), own));
    }
    es.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    for (int i = 0; i < es.size() && i < 3; i++) {
      out.append(i > 0 ? ", " : "")
          .append(es.get(i).getKey())
          .append(" (")
          .append(es.get(i).getValue())
          .append(')');
    }
    if (es.size() > 3) {
      out.append(", and ").append(es.size() - 3).append(" more");
    }
  }
}
