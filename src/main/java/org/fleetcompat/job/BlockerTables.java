package org.fleetcompat.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.fleetcompat.core.BlockerCount;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.Reason;
import org.fleetcompat.core.VectorCatalog;

/**
 * The {@code blockers} (fleet-wide) and {@code blockers_by_pool} tables from the summed tallies:
 * per vector, operation and reason, how many VM-host pairs it blocks and how many it alone blocks
 * (fixing it would make them compatible). Sorted by blocked pairs, most first. Small.
 */
final class BlockerTables {
  private static final List<StructField> COUNT_FIELDS =
      List.of(
          DataTypes.createStructField("vector_id", DataTypes.LongType, false),
          DataTypes.createStructField("name", DataTypes.StringType, false),
          DataTypes.createStructField("compare_operation", DataTypes.IntegerType, false),
          DataTypes.createStructField("operation", DataTypes.StringType, false),
          DataTypes.createStructField("reason", DataTypes.StringType, false),
          DataTypes.createStructField("blocked_pairs", DataTypes.LongType, false),
          DataTypes.createStructField("sole_blocker_pairs", DataTypes.LongType, false));

  private final SparkSession spark;
  private final List<BlockerCount> counts;
  private final VectorCatalog catalog;

  BlockerTables(SparkSession spark, List<BlockerCount> counts, VectorCatalog catalog) {
    this.spark = spark;
    this.counts = counts;
    this.catalog = catalog;
  }

  /** Fleet-wide: the per-pool counts summed over pools. */
  Dataset<Row> fleetWide() {
    Map<Key, long[]> sums = new TreeMap<>();
    for (BlockerCount c : counts) {
      long[] s = sums.computeIfAbsent(Key.of(c), k -> new long[2]);
      s[0] += c.blockedPairs();
      s[1] += c.soleBlockerPairs();
    }
    List<Map.Entry<Key, long[]>> sorted = new ArrayList<>(sums.entrySet());
    sorted.sort(
        Comparator.<Map.Entry<Key, long[]>>comparingLong(e -> -e.getValue()[0])
            .thenComparing(Map.Entry::getKey));
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<Key, long[]> e : sorted) {
      rows.add(RowFactory.create(values(e.getKey(), e.getValue()[0], e.getValue()[1])));
    }
    return spark.createDataFrame(rows, DataTypes.createStructType(COUNT_FIELDS));
  }

  /** Per pool: {@code pool_id} then the fleet-wide columns, by pool then blocked pairs. */
  Dataset<Row> byPool() {
    List<BlockerCount> sorted = new ArrayList<>(counts);
    sorted.sort(
        Comparator.comparingInt(BlockerCount::pool)
            .thenComparingLong(c -> -c.blockedPairs())
            .thenComparing(Key::of));
    List<Row> rows = new ArrayList<>();
    for (BlockerCount c : sorted) {
      Object[] v = values(Key.of(c), c.blockedPairs(), c.soleBlockerPairs());
      Object[] withPool = new Object[v.length + 1];
      withPool[0] = c.pool();
      System.arraycopy(v, 0, withPool, 1, v.length);
      rows.add(RowFactory.create(withPool));
    }
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("pool_id", DataTypes.IntegerType, false));
    fields.addAll(COUNT_FIELDS);
    return spark.createDataFrame(rows, DataTypes.createStructType(fields));
  }

  private Object[] values(Key k, long blocked, long sole) {
    return new Object[] {
      Integer.toUnsignedLong(k.vectorId()),
      catalog.name(k.vectorId()),
      k.operation().code(),
      k.operation().displayName(),
      k.reason().name(),
      blocked,
      sole
    };
  }

  /** A blocker row's identity, ordered by vector id (unsigned), operation, reason. */
  private record Key(int vectorId, CompareOperation operation, Reason reason)
      implements Comparable<Key> {
    static Key of(BlockerCount c) {
      return new Key(c.vectorId(), c.operation(), c.reason());
    }

    @Override
    public int compareTo(Key o) {
      int c = Integer.compareUnsigned(vectorId, o.vectorId);
      if (c == 0) {
        c = operation.compareTo(o.operation);
      }
      return c != 0 ? c : reason.compareTo(o.reason);
    }
  }
}
