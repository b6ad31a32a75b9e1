package org.fleetcompat.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fleetcompat.core.FitMatrix;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.HostClassIndex;
import org.fleetcompat.core.MatrixKernel;
import org.fleetcompat.core.ReturnCode;
import scala.Tuple2;
import scala.Tuple3;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The matrix on Spark (SPEC section 7): the host side (small) is indexed once on the driver and
 * broadcast; the VM classes stay distributed and each task runs core's {@link MatrixKernel} over
 * its partition. Both outputs stream out of the tasks one class at a time, so memory grows with a
 * partition's classes, not with the fleet, and nothing pair-sized reaches the driver.
 */
public final class MatrixStage {
  /** The largest class matrix {@link #fitMatrix} collects: 2^31 bits, 256 MiB. */
  public static final long MAX_FIT_BITS = 1L << 31;

  private static final StructType CLASS_HOSTS =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField(
                  "member_ids", DataTypes.createArrayType(DataTypes.StringType, false), false),
              DataTypes.createStructField(
                  "host_ids", DataTypes.createArrayType(DataTypes.StringType, false), false)));

  private final Broadcast<HostClassIndex> index;
  private final Broadcast<List<String[]>> hostIds;
  private final long[] hostClassSizes;

  /** Indexes and broadcasts the host side. */
  public MatrixStage(SparkSession spark, HostSide hosts) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.index = jsc.broadcast(HostClassIndex.of(hosts.classes()));
    this.hostIds = jsc.broadcast(hosts.memberIds());
    this.hostClassSizes = hosts.memberIds().stream().mapToLong(m -> m.length).toArray();
  }

  /**
   * The compatible {@code (vm_class, host_class)} pairs; lazy.
   *
   * @param vmClasses {@link SystemClasses#classes()} of the VM side
   */
  public Dataset<Row> classMatrix(Dataset<Row> vmClasses) {
    Broadcast<HostClassIndex> idx = index;
    MapPartitionsFunction<Row, Tuple2<Integer, Integer>> evaluate =
        rows -> new ClassPairs(rows, new MatrixKernel(idx.value()));
    return vmClasses
        .select("class", "vectors")
        .mapPartitions(evaluate, Encoders.tuple(Encoders.INT(), Encoders.INT()))
        .toDF("vm_class", "host_class");
  }

  /**
   * The compatible {@code (vm_id, host_id)} pairs; lazy. One row per pair: write it, never collect
   * it. Each task turns its VM classes into (member ids, compatible host ids) with the kernel and
   * the broadcast host ids, and Spark's own {@code explode} then expands them to pairs as they are
   * written, so no Java object is made per pair.
   *
   * @param vmClasses {@link SystemClasses#classes()} of the VM side
   * @param partitions how many tasks expand and write the pairs (classes are spread round robin)
   */
  public Dataset<Row> compatiblePairs(Dataset<Row> vmClasses, int partitions) {
    Broadcast<HostClassIndex> idx = index;
    Broadcast<List<String[]>> ids = hostIds;
    MapPartitionsFunction<Row, Row> withHosts =
        rows -> new ClassHosts(rows, new MatrixKernel(idx.value()), ids.value());
    return vmClasses
        .select("vectors", "member_ids")
        .repartition(partitions)
        .mapPartitions(withHosts, Encoders.row(CLASS_HOSTS))
        .select(explode(col("member_ids")).as("vm_id"), col("host_ids"))
        .select(col("vm_id"), explode(col("host_ids")).as("host_id"));
  }

  /**
   * The class-level matrix on the driver: one row of host-class bits per VM class, computed in the
   * tasks and collected (VM classes x host classes bits; 12.5 MB for 20,000 x 5,000 classes).
   *
   * @param vmClasses {@link SystemClasses#classes()} of the VM side
   * @throws FleetcompatException (32778) when the matrix would exceed {@link #MAX_FIT_BITS}
   */
  public FitMatrix fitMatrix(Dataset<Row> vmClasses) {
    long vmClassCount = vmClasses.count();
    long bits = vmClassCount * hostClassSizes.length;
    if (bits > MAX_FIT_BITS) {
      throw new FleetcompatException(
          ReturnCode.OUT_OF_MEMORY,
          "The class matrix of "
              + vmClassCount
              + " VM classes x "
              + hostClassSizes.length
              + " host classes needs "
              + bits
              + " bits on the driver, more than the "
              + MAX_FIT_BITS
              + " pools and summaries are built for; the fleet has almost no shared"
              + " configurations: check that system ids are not part of the vectors");
    }
    Broadcast<HostClassIndex> idx = index;
    MapPartitionsFunction<Row, Tuple3<Integer, Long, byte[]>> evaluate =
        rows -> {
          MatrixKernel kernel = new MatrixKernel(idx.value());
          return new MappedIterator<>(
              rows,
              r ->
                  new Tuple3<>(
                      r.getInt(0),
                      (long) r.getList(2).size(),
                      kernel
                          .compatibleHostClasses(VectorRows.toVectorSet(r, "vectors"))
                          .toByteArray()));
        };
    List<Tuple3<Integer, Long, byte[]>> rows =
        vmClasses
            .select("class", "vectors", "member_ids")
            .mapPartitions(
                evaluate, Encoders.tuple(Encoders.INT(), Encoders.LONG(), Encoders.BINARY()))
            .collectAsList();
    BitSet[] fits = new BitSet[rows.size()];
    long[] sizes = new long[rows.size()];
    for (Tuple3<Integer, Long, byte[]> r : rows) {
      fits[r._1()] = BitSet.valueOf(r._3());
      sizes[r._1()] = r._2();
    }
    return new FitMatrix(Arrays.asList(fits), sizes, hostClassSizes);
  }

  /** The broadcast host index, for other stages that evaluate VM classes. */
  Broadcast<HostClassIndex> index() {
    return index;
  }

  /** How many hosts each host class has, by class number. */
  long[] hostClassSizes() {
    return hostClassSizes.clone();
  }

  /** Drops the broadcast host side from the executors. */
  public void release() {
    index.destroy();
    hostIds.destroy();
  }

  /** One partition's (vm_class, host_class) pairs, one VM class bitmap at a time. */
  private static final class ClassPairs implements Iterator<Tuple2<Integer, Integer>> {
    private final Iterator<Row> classes;
    private final MatrixKernel kernel;
    private int vmClass;
    private BitSet hostClasses = new BitSet();
    private int next = -1;

    ClassPairs(Iterator<Row> classes, MatrixKernel kernel) {
      this.classes = classes;
      this.kernel = kernel;
    }

    @Override
    public boolean hasNext() {
      while (next < 0 && classes.hasNext()) {
        Row r = classes.next();
        vmClass = r.getInt(0);
        hostClasses = kernel.compatibleHostClasses(VectorRows.toVectorSet(r, "vectors"));
        next = hostClasses.nextSetBit(0);
      }
      return next >= 0;
    }

    @Override
    public Tuple2<Integer, Integer> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Tuple2<Integer, Integer> pair = new Tuple2<>(vmClass, next);
      next = hostClasses.nextSetBit(next + 1);
      return pair;
    }
  }

  /** Each VM class of a partition as (its member ids, the ids of every host it fits). */
  private static final class ClassHosts implements Iterator<Row> {
    private final Iterator<Row> classes;
    private final MatrixKernel kernel;
    private final List<String[]> hostIds;

    ClassHosts(Iterator<Row> classes, MatrixKernel kernel, List<String[]> hostIds) {
      this.classes = classes;
      this.kernel = kernel;
      this.hostIds = hostIds;
    }

    @Override
    public boolean hasNext() {
      return classes.hasNext();
    }

    @Override
    public Row next() {
      Row r = classes.next();
      BitSet fits = kernel.compatibleHostClasses(VectorRows.toVectorSet(r, "vectors"));
      List<String> hosts = new ArrayList<>();
      for (int c = fits.nextSetBit(0); c >= 0; c = fits.nextSetBit(c + 1)) {
        Collections.addAll(hosts, hostIds.get(c));
      }
      return RowFactory.create(r.get(1), CollectionConverters.asScala(hosts));
    }
  }
}
