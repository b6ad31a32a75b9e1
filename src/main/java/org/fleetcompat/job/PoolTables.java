package org.fleetcompat.job;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fleetcompat.core.Baseline;
import org.fleetcompat.core.BaselineVector;
import org.fleetcompat.core.FitMatrix;
import org.fleetcompat.core.Hex;
import org.fleetcompat.core.PoolEdge;
import org.fleetcompat.core.Pools;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.spark.HostSide;

/**
 * The pool tables (SPEC sections 5 and 6), built on the driver from the class matrix: {@code
 * host_classes} with each host's pool, {@code pools} with each pool's size, reach and baseline, and
 * {@code pool_edges}, the partial order. Small: one row per host, pool or edge.
 */
final class PoolTables {
  /** One baseline vector of a pool, as the {@code baseline} column holds it. */
  static final StructType BASELINE_VECTOR =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("vector_id", DataTypes.LongType, false),
              DataTypes.createStructField("name", DataTypes.StringType, false),
              DataTypes.createStructField("compare_operation", DataTypes.IntegerType, true),
              DataTypes.createStructField(
                  "compatibility_info", DataTypes.createDecimalType(20, 0), true),
              DataTypes.createStructField("value_hex", DataTypes.StringType, true),
              DataTypes.createStructField("status", DataTypes.StringType, false)));

  private static final StructType HOST_CLASSES =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("host_id", DataTypes.StringType, false),
              DataTypes.createStructField("host_class", DataTypes.IntegerType, false),
              DataTypes.createStructField("pool_id", DataTypes.IntegerType, false),
              DataTypes.createStructField("cluster", DataTypes.StringType, true)));

  private static final StructType POOLS =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("pool_id", DataTypes.IntegerType, false),
              DataTypes.createStructField("first_host_id", DataTypes.StringType, false),
              DataTypes.createStructField("host_count", DataTypes.LongType, false),
              DataTypes.createStructField("host_class_count", DataTypes.IntegerType, false),
              DataTypes.createStructField(
                  "host_classes", DataTypes.createArrayType(DataTypes.IntegerType, false), false),
              DataTypes.createStructField(
                  "clusters", DataTypes.createArrayType(DataTypes.StringType, false), false),
              DataTypes.createStructField("vm_count_accepted", DataTypes.LongType, false),
              DataTypes.createStructField("vm_class_count_accepted", DataTypes.IntegerType, false),
              DataTypes.createStructField(
                  "baseline", DataTypes.createArrayType(BASELINE_VECTOR, false), false)));

  private static final StructType EDGES =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("super_pool_id", DataTypes.IntegerType, false),
              DataTypes.createStructField("sub_pool_id", DataTypes.IntegerType, false),
              DataTypes.createStructField("covering", DataTypes.BooleanType, false)));

  private final SparkSession spark;
  private final HostSide hosts;
  private final Map<String, String> clusterOfHost;
  private final FitMatrix fits;
  private final Pools pools;
  private final VectorCatalog catalog;

  PoolTables(
      SparkSession spark,
      HostSide hosts,
      Map<String, String> clusterOfHost,
      FitMatrix fits,
      VectorCatalog catalog) {
    this.spark = spark;
    this.hosts = hosts;
    this.clusterOfHost = clusterOfHost;
    this.fits = fits;
    this.pools = Pools.of(fits.acceptedVmClassesByHostClass());
    this.catalog = catalog;
  }

  Pools pools() {
    return pools;
  }

  /** {@code host_id, host_class, pool_id, cluster}, one row per evaluated host, by host id. */
  Dataset<Row> hostClasses() {
    List<Row> rows = new ArrayList<>();
    for (int c = 0; c < hosts.memberIds().size(); c++) {
      for (String id : hosts.memberIds().get(c)) {
        rows.add(RowFactory.create(id, c, pools.poolOf(c), clusterOfHost.get(id)));
      }
    }
    rows.sort((a, b) -> a.getString(0).compareTo(b.getString(0)));
    return spark.createDataFrame(rows, HOST_CLASSES);
  }

  /** The clusters the hosts of {@code pool} belong to, sorted. */
  List<String> clustersOf(int pool) {
    TreeSet<String> clusters = new TreeSet<>();
    BitSet hostClasses = pools.hostClasses(pool);
    for (int h = hostClasses.nextSetBit(0); h >= 0; h = hostClasses.nextSetBit(h + 1)) {
      for (String id : hosts.memberIds().get(h)) {
        String cluster = clusterOfHost.get(id);
        if (cluster != null) {
          clusters.add(cluster);
        }
      }
    }
    return List.copyOf(clusters);
  }

  /** One row per pool, by pool id. */
  Dataset<Row> poolsTable() {
    List<Row> rows = new ArrayList<>();
    for (int p = 0; p < pools.poolCount(); p++) {
      BitSet hostClasses = pools.hostClasses(p);
      List<Integer> classNumbers = new ArrayList<>();
      List<VectorSet> sets = new ArrayList<>();
      for (int h = hostClasses.nextSetBit(0); h >= 0; h = hostClasses.nextSetBit(h + 1)) {
        classNumbers.add(h);
        sets.add(hosts.classes().get(h));
      }
      BitSet accepted = pools.acceptedVmClasses(p);
      rows.add(
          RowFactory.create(
              p,
              // Host classes are numbered by smallest host id, so the pool's first class has it.
              hosts.memberIds().get(hostClasses.nextSetBit(0))[0],
              fits.hostsIn(hostClasses),
              classNumbers.size(),
              classNumbers.toArray(Integer[]::new),
              clustersOf(p).toArray(String[]::new),
              fits.vmsIn(accepted),
              accepted.cardinality(),
              baselineRows(Baseline.of(sets), catalog).toArray(Row[]::new)));
    }
    return spark.createDataFrame(rows, POOLS);
  }

  /** {@code super_pool_id, sub_pool_id, covering}: the partial order of pools. */
  Dataset<Row> edges() {
    List<Row> rows = new ArrayList<>();
    for (PoolEdge e : pools.edges()) {
      rows.add(RowFactory.create(e.superPool(), e.subPool(), e.covering()));
    }
    return spark.createDataFrame(rows, EDGES);
  }

  /** The baseline as rows of {@link #BASELINE_VECTOR}. */
  static List<Row> baselineRows(Baseline baseline, VectorCatalog catalog) {
    List<Row> rows = new ArrayList<>();
    for (BaselineVector v : baseline.vectors()) {
      rows.add(
          RowFactory.create(
              Integer.toUnsignedLong(v.vectorId()),
              catalog.name(v.vectorId()),
              v.operation() == null ? null : v.operation().code(),
              v.hasValue() ? new java.math.BigDecimal(unsigned(v.value())) : null,
              v.hasValue() ? Hex.value(v.value()) : null,
              v.status().name()));
    }
    return rows;
  }

  private static BigInteger unsigned(long value) {
    return new BigInteger(Long.toUnsignedString(value));
  }
}
