package org.fleetcompat.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.core.HostClassIndex;
import org.fleetcompat.core.MatrixKernel;
import org.fleetcompat.core.VectorSet;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;
import scala.Tuple2;

/**
 * The class matrix on Spark (SPEC section 7): the host classes (small) are collected, indexed and
 * broadcast; the VM classes stay distributed and each task runs core's {@link MatrixKernel} over
 * its partition. Output: {@code vm_class INT, host_class INT}, one row per compatible pair.
 */
public final class MatrixStage {
  private MatrixStage() {}

  /**
   * The host classes in class-number order, collected to the driver.
   *
   * @param hostClasses {@link SystemClasses#classes()} of the host side
   */
  public static List<VectorSet> collectHostClasses(Dataset<Row> hostClasses) {
    List<VectorSet> out = new ArrayList<>();
    for (Row r : hostClasses.select("class", "vectors").orderBy("class").collectAsList()) {
      out.add(VectorRows.toVectorSet(r, "vectors"));
    }
    return out;
  }

  /** Computes the compatible (vm_class, host_class) pairs; lazy. */
  public static Dataset<Row> classMatrix(
      SparkSession spark, Dataset<Row> vmClasses, List<VectorSet> hostClasses) {
    HostClassIndex index = HostClassIndex.of(hostClasses);
    Broadcast<HostClassIndex> broadcast =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(index);
    MapPartitionsFunction<Row, Tuple2<Integer, Integer>> evaluate =
        rows -> new PairIterator(rows, new MatrixKernel(broadcast.value()));
    return vmClasses
        .select("class", "vectors")
        .mapPartitions(evaluate, Encoders.tuple(Encoders.INT(), Encoders.INT()))
        .toDF("vm_class", "host_class");
  }

  /** Streams one partition's pairs class by class, holding one bitmap at a time. */
  private static final class PairIterator implements Iterator<Tuple2<Integer, Integer>> {
    private final Iterator<Row> classes;
    private final MatrixKernel kernel;
    private int vmClass;
    private IntIterator hosts = RoaringBitmap.bitmapOf().getIntIterator();

    PairIterator(Iterator<Row> classes, MatrixKernel kernel) {
      this.classes = classes;
      this.kernel = kernel;
    }

    @Override
    public boolean hasNext() {
      while (!hosts.hasNext() && classes.hasNext()) {
        Row r = classes.next();
        vmClass = r.getInt(0);
        hosts = kernel.compatibleHostClasses(VectorRows.toVectorSet(r, "vectors")).getIntIterator();
      }
      return hosts.hasNext();
    }

    @Override
    public Tuple2<Integer, Integer> next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      return new Tuple2<>(vmClass, hosts.next());
    }
  }
}
