package org.fleetcompat.drift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns the host groups of {@link DriftCalculator} into one {@link HostDrift} per changed host. */
final class HostChanges {
  private HostChanges() {}

  static List<HostDrift> rows(
      DriftCalculator.Night o, DriftCalculator.Night n, List<DriftCalculator.HostGroup> groups) {
    Map<String, DriftCalculator.HostGroup> groupOf = new HashMap<>();
    groups.forEach(g -> g.hostIds.forEach(id -> groupOf.put(id, g)));
    List<HostDrift> out = new ArrayList<>();
    for (String id : DriftCalculator.union(o.hosts.keySet(), n.hosts.keySet())) {
      ResultRows.Host a = o.hosts.get(id);
      ResultRows.Host b = n.hosts.get(id);
      List<VectorChange> changes = groupOf.get(id).changes;
      HostDrift.Change change;
      String reason = null;
      if (b == null) {
        reason = n.reason(true, id);
        change = reason != null ? HostDrift.Change.QUARANTINED : HostDrift.Change.RETIRED;
      } else if (a == null) {
        change =
            o.quarantinedHosts.contains(id) ? HostDrift.Change.RELEASED : HostDrift.Change.ADDED;
      } else if (!changes.isEmpty()) {
        change = HostDrift.Change.VECTORS_CHANGED;
      } else if (!Objects.equals(a.cluster(), b.cluster())) {
        change = HostDrift.Change.CLUSTER_CHANGED;
      } else if (!Objects.equals(o.evacuable.get(id), n.evacuable.get(id))) {
        change = HostDrift.Change.DRAIN_CHANGED;
      } else {
        continue;
      }
      List<String> words = new ArrayList<>();
      changes.forEach(c -> words.add(c.describe()));
      out.add(
          new HostDrift(
              id,
              change,
              a == null ? null : a.cluster(),
              b == null ? null : b.cluster(),
              a == null ? null : a.poolId(),
              b == null ? null : b.poolId(),
              changes.size(),
              String.join("; ", words),
              a == null ? null : o.evacuable.get(id),
              b == null ? null : n.evacuable.get(id),
              reason));
    }
    return out;
  }
}
