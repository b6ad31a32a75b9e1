package org.fleetcompat.drift;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.reference.NestedLoopReference.RefVector;
import org.fleetcompat.reference.ReferenceValidation;
import org.fleetcompat.reference.SnapshotFileReader;

/**
 * A snapshot directory turned into a {@link ResultFixture} by the test references alone: read with
 * {@link SnapshotFileReader}, validated by {@link ReferenceValidation}, every class pair checked by
 * the plain rule. It gives the report and drift tests a result with {@code vm_class_vectors} and
 * {@code host_class_vectors} while the engine does not write them yet, and an independent one
 * afterwards.
 */
public final class SnapshotResults {
  private SnapshotResults() {}

  /** The result a run of {@code snapshot} should give, as a fixture. */
  public static ResultFixture of(Path snapshot, VectorCatalog catalog) {
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
    ResultFixture f = new ResultFixture().catalog(catalog);
    hosts.systems().forEach((id, v) -> f.host(id, cluster.get(id), set(v)));
    vms.systems().forEach((id, v) -> f.vm(id, state.get(id), current.get(id), set(v)));
    for (ReferenceValidation.Rejection r : hosts.rejected()) {
      f.reject(r.table(), r.systemId(), r.reason());
    }
    for (ReferenceValidation.Rejection r : vms.rejected()) {
      f.reject(r.table(), r.systemId(), r.reason());
    }
    return f;
  }

  private static VectorSet set(List<RefVector> vectors) {
    VectorSet.Builder b = VectorSet.builder();
    for (RefVector v : vectors) {
      b.add((int) v.vectorId(), CompareOperation.ofCode(v.op()), v.valueBits());
    }
    return b.build();
  }
}
