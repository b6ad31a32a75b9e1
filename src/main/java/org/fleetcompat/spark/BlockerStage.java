package org.fleetcompat.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fleetcompat.core.BlockerCount;
import org.fleetcompat.core.BlockerTally;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.HostClassIndex;
import org.fleetcompat.core.Reason;

/**
 * Which vectors block the most VM-host pairs (SPEC section 5, {@code blockers}): each task tallies
 * its VM classes with core's {@link BlockerTally} against the broadcast host index, Spark sums the
 * tallies, and the result (vectors x reasons x pools rows, small) comes back to the driver.
 */
public final class BlockerStage {
  private static final StructType TALLY =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("vector_id", DataTypes.IntegerType, false),
              DataTypes.createStructField("compare_operation", DataTypes.IntegerType, false),
              DataTypes.createStructField("reason", DataTypes.StringType, false),
              DataTypes.createStructField("pool", DataTypes.IntegerType, false),
              DataTypes.createStructField("blocked_pairs", DataTypes.LongType, false),
              DataTypes.createStructField("sole_blocker_pairs", DataTypes.LongType, false)));

  private BlockerStage() {}

  /**
   * Tallies every VM class against every host class, weighted by class sizes, per pool.
   *
   * @param stage the matrix stage whose broadcast host index to use
   * @param vmClasses {@link SystemClasses#classes()} of the VM side
   * @param poolOfHostClass the pool of each host class
   * @return one count per (vector, operation, reason, pool) with at least one blocked pair
   */
  public static List<BlockerCount> tally(
      MatrixStage stage, Dataset<Row> vmClasses, int[] poolOfHostClass) {
    Broadcast<HostClassIndex> idx = stage.index();
    long[] hostClassSizes = stage.hostClassSizes();
    MapPartitionsFunction<Row, Row> count =
        rows -> {
          BlockerTally tally = new BlockerTally(idx.value(), poolOfHostClass, hostClassSizes);
          rows.forEachRemaining(
              r -> tally.add(VectorRows.toVectorSet(r, "vectors"), (long) r.getList(1).size()));
          List<Row> out = new ArrayList<>();
          for (BlockerCount c : tally.counts()) {
            out.add(
                RowFactory.create(
                    c.vectorId(),
                    c.operation().code(),
                    c.reason().name(),
                    c.pool(),
                    c.blockedPairs(),
                    c.soleBlockerPairs()));
          }
          return out.iterator();
        };
    List<Row> summed =
        vmClasses
            .select("vectors", "member_ids")
            .mapPartitions(count, Encoders.row(TALLY))
            .groupBy("vector_id", "compare_operation", "reason", "pool")
            .sum("blocked_pairs", "sole_blocker_pairs")
            .collectAsList();
    List<BlockerCount> counts = new ArrayList<>(summed.size());
    for (Row r : summed) {
      counts.add(
          new BlockerCount(
              r.getInt(0),
              CompareOperation.ofCode(r.getInt(1)),
              Reason.valueOf(r.getString(2)),
              r.getInt(3),
              r.getLong(4),
              r.getLong(5)));
    }
    return counts;
  }
}
