package org.fleetcompat.drift;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.reference.NestedLoopReference.RefVector;
import org.fleetcompat.reference.ReferenceValidation;
import org.fleetcompat.reference.SnapshotFileReader;

/**
 * A snapshot directory read and validated by the test references alone ({@link SnapshotFileReader},
 * {@link ReferenceValidation}), and the result a run of it should give as a {@link ResultFixture}.
 * It gives the report and drift tests a result with {@code vm_class_vectors} and {@code
 * host_class_vectors} while the engine does not write them yet, and the drift reference its
 * systems.
 */
public final class SnapshotResults {
  private SnapshotResults() {}

  /**
   * The systems of one snapshot as the references validate them.
   *
   * @param hosts evaluated hosts and their vectors, by id
   * @param vms evaluated VMs and their vectors, by id
   * @param cluster cluster by host id (evaluated or not)
   * @param state enabled_state by VM id, where known
   * @param currentHost current host by VM id, where known (evaluated or not)
   * @param quarantinedHosts hosts with rejected vector rows
   * @param quarantinedVms VMs with rejected vector rows
   * @param rejected every rejected row
   */
  public record Snapshot(
      Map<String, VectorSet> hosts,
      Map<String, VectorSet> vms,
      Map<String, String> cluster,
      Map<String, Integer> state,
      Map<String, String> currentHost,
      Set<String> quarantinedHosts,
      Set<String> quarantinedVms,
      List<ReferenceValidation.Rejection> rejected) {}

  /** Reads and validates {@code snapshot}. */
  public static Snapshot read(Path snapshot) {
    ReferenceValidation.VectorTable hosts =
        ReferenceValidation.validateVectors(
            "host_vectors", SnapshotFileReader.readHostVectors(snapshot));
    ReferenceValidation.VectorTable vms =
        ReferenceValidation.validateVectors(
            "vm_vectors", SnapshotFileReader.readVmVectors(snapshot));
    Map<String, String> cluster = new HashMap<>();
    SnapshotFileReader.readHosts(snapshot)
        .ifPresent(rows -> rows.forEach(r -> cluster.putIfAbsent(r.hostId(), r.cluster())));
    Map<String, Integer> state = new HashMap<>();
    Map<String, String> current = new HashMap<>();
    SnapshotFileReader.readVms(snapshot)
        .ifPresent(
            rows ->
                rows.forEach(
                    r -> {
                      if (r.enabledState() != null) {
                        state.putIfAbsent(r.vmId(), r.enabledState().intValue());
                      }
                      current.putIfAbsent(r.vmId(), r.currentHostId());
                    }));
    List<ReferenceValidation.Rejection> rejected = new java.util.ArrayList<>();
    rejected.addAll(hosts.rejected());
    rejected.addAll(vms.rejected());
    Set<String> qh = new HashSet<>();
    hosts.rejected().forEach(r -> qh.add(r.systemId()));
    qh.remove(null);
    Set<String> qv = new HashSet<>();
    vms.rejected().forEach(r -> qv.add(r.systemId()));
    qv.remove(null);
    // Attribute rows of systems that are not evaluated (SPEC section 4, DESIGN's NO_VECTORS).
    for (String h : new java.util.TreeSet<>(cluster.keySet())) {
      if (qh.contains(h)) {
        rejected.add(new ReferenceValidation.Rejection("hosts", h, "SYSTEM_QUARANTINED"));
      } else if (!hosts.systems().containsKey(h)) {
        rejected.add(new ReferenceValidation.Rejection("hosts", h, "NO_VECTORS"));
      }
    }
    for (String v : new java.util.TreeSet<>(current.keySet())) {
      if (qv.contains(v)) {
        rejected.add(new ReferenceValidation.Rejection("vms", v, "SYSTEM_QUARANTINED"));
      } else if (!vms.systems().containsKey(v)) {
        rejected.add(new ReferenceValidation.Rejection("vms", v, "NO_VECTORS"));
      }
    }
    return new Snapshot(
        sets(hosts.systems()), sets(vms.systems()), cluster, state, current, qh, qv, rejected);
  }

  /** The result a run of {@code snapshot} should give, as a fixture. */
  public static ResultFixture of(Path snapshot, VectorCatalog catalog) {
    Snapshot s = read(snapshot);
    ResultFixture f = new ResultFixture().catalog(catalog);
    s.hosts().forEach((id, v) -> f.host(id, s.cluster().get(id), v));
    s.vms().forEach((id, v) -> f.vm(id, s.state().get(id), s.currentHost().get(id), v));
    s.rejected().forEach(r -> f.reject(r.table(), r.systemId(), r.reason()));
    s.currentHost()
        .forEach(
            (vm, host) -> {
              if (!s.vms().containsKey(vm) && host != null && s.hosts().containsKey(host)) {
                f.unevaluated(vm, host);
              }
            });
    return f;
  }

  private static Map<String, VectorSet> sets(Map<String, List<RefVector>> systems) {
    Map<String, VectorSet> out = new TreeMap<>();
    systems.forEach((id, vectors) -> out.put(id, set(vectors)));
    return out;
  }

  private static VectorSet set(List<RefVector> vectors) {
    VectorSet.Builder b = VectorSet.builder();
    for (RefVector v : vectors) {
      b.add((int) v.vectorId(), CompareOperation.ofCode(v.op()), v.valueBits());
    }
    return b.build();
  }
}
