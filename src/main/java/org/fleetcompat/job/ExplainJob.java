package org.fleetcompat.job;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fleetcompat.core.BlockerCount;
import org.fleetcompat.core.BlockerTally;
import org.fleetcompat.core.HostClassIndex;
import org.fleetcompat.core.MatrixKernel;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotInspector;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.Storage;
import org.fleetcompat.pipeline.DriverTables;
import org.fleetcompat.pipeline.FleetAnalysis;
import org.fleetcompat.pipeline.Runner;
import org.fleetcompat.pipeline.SystemLookup;
import org.fleetcompat.pipeline.ValidatedSnapshot;

/**
 * {@code explain} (SPEC section 8): one VM against one host, vector by vector; or one VM against
 * every pool of the snapshot, with the vectors that keep it off each. Answers come from the same
 * rules as a run ({@link org.fleetcompat.core.PairCheck} is the definition the kernel is tested
 * against), so they agree with {@code class_matrix} and {@code compatible_pairs}.
 */
public final class ExplainJob {
  private ExplainJob() {}

  /** Every vector of {@code vmId} against {@code hostId}. */
  public static PairExplanation pair(
      Storage storage, String snapshot, String vmId, String hostId, VectorCatalog catalog) {
    SystemLookup lookup = lookup(storage, snapshot);
    VectorSet vm = lookup.vectors(SnapshotTable.VM_VECTORS, List.of(vmId)).get(vmId);
    VectorSet host = lookup.vectors(SnapshotTable.HOST_VECTORS, List.of(hostId)).get(hostId);
    return PairExplanation.of(vmId, vm, hostId, host, catalog)
        .withEnabledState(lookup.enabledStates(List.of(vmId)).get(vmId));
  }

  /**
   * Where {@code vmId} can go, pool by pool: how many hosts of each pool accept it and, where not
   * all do, which of its vectors fail on how many of the pool's hosts. Validates the whole snapshot
   * (pools depend on every VM), so it costs about as much as a run without writes.
   */
  public static VmExplanation vm(
      Runner runner, String snapshot, String vmId, VectorCatalog catalog) {
    Storage storage = runner.storage(snapshot);
    SnapshotInputs inputs = SnapshotInspector.inspect(storage, snapshot);
    SystemLookup lookup = new SystemLookup(storage, inputs);
    VectorSet vm = lookup.vectors(SnapshotTable.VM_VECTORS, List.of(vmId)).get(vmId);
    try (ValidatedSnapshot validated =
        ValidatedSnapshot.validate(runner, storage, inputs, catalog, false)) {
      FleetAnalysis a = validated.analyze();
      DriverTables tables = new DriverTables(a, catalog);
      int[] poolOf = a.pools().poolOfHostClass();
      HostClassIndex index = a.index();
      long[] hostClassSizes = new long[a.fits().hostClassCount()];
      for (int h = 0; h < hostClassSizes.length; h++) {
        hostClassSizes[h] = a.fits().hostClassSize(h);
      }
      BitSet fits = new MatrixKernel(index).compatibleHostClasses(vm);
      BlockerTally tally = new BlockerTally(index, poolOf, hostClassSizes);
      tally.add(vm, 1);
      Map<Integer, List<BlockerCount>> blockersByPool = new HashMap<>();
      for (BlockerCount c : tally.counts()) {
        blockersByPool.computeIfAbsent(c.pool(), k -> new ArrayList<>()).add(c);
      }
      List<VmExplanation.PoolReach> pools = new ArrayList<>();
      for (int p = 0; p < a.pools().poolCount(); p++) {
        BitSet classes = a.pools().hostClasses(p);
        BitSet accepting = (BitSet) classes.clone();
        accepting.and(fits);
        pools.add(
            new VmExplanation.PoolReach(
                p,
                a.fits().hostsIn(classes),
                a.fits().hostsIn(accepting),
                tables.clustersOf(p),
                blockersByPool.getOrDefault(p, List.of())));
      }
      Integer state = lookup.enabledStates(List.of(vmId)).get(vmId);
      return new VmExplanation(vmId, state, pools, catalog);
    }
  }

  static SystemLookup lookup(Storage storage, String snapshot) {
    return new SystemLookup(storage, SnapshotInspector.inspect(storage, snapshot));
  }
}
