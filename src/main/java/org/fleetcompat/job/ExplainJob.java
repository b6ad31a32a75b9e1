package org.fleetcompat.job;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.core.BlockerCount;
import org.fleetcompat.core.BlockerTally;
import org.fleetcompat.core.HostClassIndex;
import org.fleetcompat.core.MatrixKernel;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotInspector;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.spark.SystemLookup;

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
      SparkSession spark, String snapshot, String vmId, String hostId, VectorCatalog catalog) {
    SystemLookup lookup = lookup(spark, snapshot);
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
      SparkSession spark, String snapshot, String vmId, VectorCatalog catalog) {
    SnapshotInputs inputs = inspect(spark, snapshot);
    VectorSet vm =
        new SystemLookup(spark, inputs).vectors(SnapshotTable.VM_VECTORS, List.of(vmId)).get(vmId);
    RunOptions options = new RunOptions(snapshot, null, false).withCatalog(catalog);
    try (RunPipeline pipeline = new RunPipeline(spark, inputs, catalog, new PhaseTimer())) {
      FleetAnalysis a = pipeline.analyze(options);
      int[] poolOf = a.pools().pools().poolOfHostClass();
      HostClassIndex index = HostClassIndex.of(a.hosts().classes());
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
      for (int p = 0; p < a.pools().pools().poolCount(); p++) {
        BitSet classes = a.pools().pools().hostClasses(p);
        BitSet accepting = (BitSet) classes.clone();
        accepting.and(fits);
        pools.add(
            new VmExplanation.PoolReach(
                p,
                a.fits().hostsIn(classes),
                a.fits().hostsIn(accepting),
                a.pools().clustersOf(p),
                blockersByPool.getOrDefault(p, List.of())));
      }
      Integer state = new SystemLookup(spark, inputs).enabledStates(List.of(vmId)).get(vmId);
      return new VmExplanation(vmId, state, pools, catalog);
    }
  }

  static SystemLookup lookup(SparkSession spark, String snapshot) {
    return new SystemLookup(spark, inspect(spark, snapshot));
  }

  static SnapshotInputs inspect(SparkSession spark, String snapshot) {
    return SnapshotInspector.inspect(snapshot, spark.sparkContext().hadoopConfiguration());
  }
}
