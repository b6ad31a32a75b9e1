package org.fleetcompat.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fleetcompat.core.Hex;
import org.fleetcompat.core.Utf8Order;

/**
 * Collects the causes of a drift and what each cost or gained, while {@link DriftCalculator} walks
 * the VM-host groups. A cause is keyed by what changed, so the same feature lost on hosts of two
 * CPU types of one cluster is one cause. Not thread safe.
 */
final class CauseLedger {

  /** One cause being tallied. */
  static final class Tally {
    final DriftCause.Kind kind;
    final String cluster;
    final VectorChange change;

    /** The systems the cause is on, as added: disjoint groups' ids; see {@link #systemIds()}. */
    final List<String> systems = new ArrayList<>();

    private final Set<Integer> vmGroupsLost = new HashSet<>();
    private final Set<Integer> vmGroupsGained = new HashSet<>();
    long vmsLost;
    long pairsLost;
    long vmsGained;
    long pairsGained;
    private boolean oldUniform = true;
    private boolean newUniform = true;

    private Tally(DriftCause.Kind kind, String cluster, VectorChange change) {
      this.kind = kind;
      this.cluster = cluster;
      this.change = change;
    }

    private void sameValues(VectorChange c) {
      oldUniform &= c.oldValue() == change.oldValue();
      newUniform &= c.newValue() == change.newValue();
    }

    /** Counts pairs of VM group {@code group} (of {@code vms} VMs) lost through this cause. */
    void lost(int group, long vms, long pairs) {
      pairsLost += pairs;
      if (vmGroupsLost.add(group)) {
        vmsLost += vms;
      }
    }

    /** Counts pairs of VM group {@code group} gained through this cause. */
    void gained(int group, long vms, long pairs) {
      pairsGained += pairs;
      if (vmGroupsGained.add(group)) {
        vmsGained += vms;
      }
    }

    /** The cause in words, without its cost: what a VM's cause detail names. */
    String what() {
      String where = cluster == null ? "" : " of " + cluster;
      long n = systems.stream().distinct().count();
      return switch (kind) {
        case HOST_VECTOR_CHANGED -> change.describe() + " on " + count(n, "host") + where;
        case VM_VECTOR_CHANGED -> change.describe() + " on " + count(n, "VM");
        case HOSTS_RETIRED -> count(n, "host") + where + " retired";
        case HOSTS_ADDED -> count(n, "host") + " added" + (cluster == null ? "" : " to " + cluster);
        case HOSTS_QUARANTINED -> count(n, "host") + where + " quarantined";
        case HOSTS_RELEASED -> count(n, "host") + where + " no longer quarantined";
      };
    }

    /** The systems, once each, in UTF-8 order. */
    private List<String> systemIds() {
      List<String> sorted = new ArrayList<>(systems);
      sorted.sort(Utf8Order.COMPARATOR);
      List<String> out = new ArrayList<>(sorted.size());
      for (String id : sorted) {
        if (out.isEmpty() || !out.get(out.size() - 1).equals(id)) {
          out.add(id);
        }
      }
      return List.copyOf(out);
    }

    DriftCause toCause() {
      StringBuilder d = new StringBuilder(what());
      if (pairsLost > 0) {
        d.append(": ")
            .append(count(vmsLost, "VM"))
            .append(" lost ")
            .append(count(pairsLost, "pair"));
      }
      if (pairsGained > 0) {
        d.append(pairsLost > 0 ? ", " : ": ")
            .append(count(vmsGained, "VM"))
            .append(" gained ")
            .append(count(pairsGained, "pair"));
      }
      if (pairsLost == 0 && pairsGained == 0) {
        d.append(": no VM gained or lost a host");
      }
      boolean vector = change != null;
      boolean bits = vector && change.isBitChange();
      boolean hasOld = vector && change.oldOperation() != null;
      boolean hasNew = vector && change.newOperation() != null;
      return new DriftCause(
          kind,
          cluster,
          vector ? change.vectorId() : null,
          vector ? change.name() : "",
          vector ? change.kind() : null,
          bits && change.bitsLost() != 0 ? change.bitsLost() : null,
          bits && change.bitsGained() != 0 ? change.bitsGained() : null,
          hasOld && oldUniform ? change.oldValue() : null,
          hasNew && newUniform ? change.newValue() : null,
          systemIds(),
          vmsLost,
          pairsLost,
          vmsGained,
          pairsGained,
          d.toString());
    }
  }

  private final Map<String, Tally> tallies = new LinkedHashMap<>();

  /** The cause of host vector change {@code c} on hosts of {@code cluster}. */
  Tally hostVector(String cluster, VectorChange c) {
    return vector(DriftCause.Kind.HOST_VECTOR_CHANGED, cluster, c);
  }

  /** The cause of VM vector change {@code c}. */
  Tally vmVector(VectorChange c) {
    return vector(DriftCause.Kind.VM_VECTOR_CHANGED, null, c);
  }

  /** The cause of hosts of {@code cluster} retired, added, quarantined or released. */
  Tally hosts(DriftCause.Kind kind, String cluster) {
    return tallies.computeIfAbsent(kind + "|" + cluster, k -> new Tally(kind, cluster, null));
  }

  private Tally vector(DriftCause.Kind kind, String cluster, VectorChange c) {
    // A mask is keyed by the bits that changed (CPU types of one cluster differ in other bits);
    // anything else by both values.
    String what =
        c.isBitChange()
            ? Hex.value(c.bitsLost()) + "/" + Hex.value(c.bitsGained())
            : c.oldOperation() + "/" + c.oldValue() + "/" + c.newOperation() + "/" + c.newValue();
    String key = kind + "|" + cluster + "|" + c.vectorId() + "|" + c.kind() + "|" + what;
    Tally t = tallies.get(key);
    if (t == null) {
      t = new Tally(kind, cluster, c);
      tallies.put(key, t);
    } else {
      t.sameValues(c);
    }
    return t;
  }

  /** The causes, largest cost first (pairs lost, then gained), then by description. */
  List<DriftCause> causes() {
    List<DriftCause> out = new ArrayList<>();
    for (Tally t : tallies.values()) {
      out.add(t.toCause());
    }
    out.sort(
        Comparator.comparingLong(DriftCause::pairsLost)
            .reversed()
            .thenComparing(Comparator.comparingLong(DriftCause::pairsGained).reversed())
            .thenComparing(DriftCause::description));
    return out;
  }

  static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }
}
