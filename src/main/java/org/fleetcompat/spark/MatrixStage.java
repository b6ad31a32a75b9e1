package org.fleetcompat.spark;

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
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.core.HostClassIndex;
import org.fleetcompat.core.MatrixKernel;
import scala.Tuple2;

/**
 * The matrix on Spark (SPEC section 7): the host side (small) is indexed once on the driver and
 * broadcast; the VM classes stay distributed and each task runs core's {@link MatrixKernel} over
 * its partition. Both outputs stream out of the tasks one class at a time, so memory grows with a
 * partition's classes, not with the fleet, and nothing pair-sized reaches the driver.
 */
public final class MatrixStage {
  private final Broadcast<HostClassIndex> index;
  private final Broadcast<List<String[]>> hostIds;

  /** Indexes and broadcasts the host side. */
  public MatrixStage(SparkSession spark, HostSide hosts) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.index = jsc.broadcast(HostClassIndex.of(hosts.classes()));
    this.hostIds = jsc.broadcast(hosts.memberIds());
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
   * The compatible {@code (vm_id, host_id)} pairs, expanded inside the tasks from each VM class's
   * bitmap and the broadcast host ids; lazy. One row per pair: write it, never collect it.
   *
   * @param vmClasses {@link SystemClasses#classes()} of the VM side
   * @param partitions how many tasks expand and write the pairs (classes are spread round robin)
   */
  public Dataset<Row> compatiblePairs(Dataset<Row> vmClasses, int partitions) {
    Broadcast<HostClassIndex> idx = index;
    Broadcast<List<String[]>> ids = hostIds;
    MapPartitionsFunction<Row, Tuple2<String, String>> expand =
        rows -> new SystemPairs(rows, new MatrixKernel(idx.value()), ids.value());
    return vmClasses
        .select("vectors", "member_ids")
        .repartition(partitions)
        .mapPartitions(expand, Encoders.tuple(Encoders.STRING(), Encoders.STRING()))
        .toDF("vm_id", "host_id");
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

  /** One partition's (vm_id, host_id) pairs: VMs of a class x its host classes x their hosts. */
  private static final class SystemPairs implements Iterator<Tuple2<String, String>> {
    private final Iterator<Row> classes;
    private final MatrixKernel kernel;
    private final List<String[]> hostIds;
    private List<String> vms = Collections.emptyList();
    private int[] hostClasses;
    private int vm;
    private int hostClass;
    private int host;

    SystemPairs(Iterator<Row> classes, MatrixKernel kernel, List<String[]> hostIds) {
      this.classes = classes;
      this.kernel = kernel;
      this.hostIds = hostIds;
    }

    @Override
    public boolean hasNext() {
      while (vm >= vms.size() && classes.hasNext()) {
        Row r = classes.next();
        hostClasses =
            kernel.compatibleHostClasses(VectorRows.toVectorSet(r, "vectors")).stream().toArray();
        vms = hostClasses.length == 0 ? Collections.emptyList() : r.getList(1);
        vm = 0;
        hostClass = 0;
        host = 0;
      }
      return vm < vms.size();
    }

    @Override
    public Tuple2<String, String> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      String[] members = hostIds.get(hostClasses[hostClass]);
      Tuple2<String, String> pair = new Tuple2<>(vms.get(vm), members[host]);
      if (++host == members.length) {
        host = 0;
        if (++hostClass == hostClasses.length) {
          hostClass = 0;
          vm++;
        }
      }
      return pair;
    }
  }
}
