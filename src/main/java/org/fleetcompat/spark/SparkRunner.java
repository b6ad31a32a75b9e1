package org.fleetcompat.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.io.AttributeBatch;
import org.fleetcompat.io.InputSplit;
import org.fleetcompat.io.Storage;
import org.fleetcompat.io.VectorBatch;
import org.fleetcompat.pipeline.Runner;
import scala.Tuple2;

/**
 * The Spark runner: the pipeline's stages inside Spark tasks, on whatever cluster the session it is
 * given runs on (a {@code spark-submit}, a notebook's session, {@code --master URL}); it never
 * changes the session's master or settings.
 *
 * <p>Per side, one job reads the splits in parallel ({@code parallelize} of the split list), routes
 * each split's batches by bucket through one shuffle (a partitioner that is the identity on bucket
 * numbers), and builds every bucket's state in the task of its partition; the states stay cached on
 * the executors ({@code MEMORY_AND_DISK}), and a lost executor's buckets are rebuilt from the
 * lineage, to the same result. Every later stage is one job over the cached states, its shared
 * value broadcast; results come back in bucket order.
 */
public final class SparkRunner implements Runner {
  private final SparkSession spark;
  private final JavaSparkContext jsc;
  private final ExecutorWatchdog watchdog;

  /** A runner on {@code spark}; closing the runner leaves the session running. */
  public SparkRunner(SparkSession spark) {
    this.spark = spark;
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.watchdog = ExecutorWatchdog.start(spark.sparkContext());
  }

  /**
   * Runs a Spark action, reporting the watchdog's cancellation as what it is. Spark's job failures
   * are checked {@code SparkException}s thrown through Scala without a declaration, hence {@code
   * Exception}.
   */
  private <T> T guarded(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (Exception e) {
      FleetcompatException f = watchdog.failure(e);
      if (f != null) {
        throw f;
      }
      throw SparkRunner.<RuntimeException>sneaky(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> E sneaky(Exception e) throws E {
    throw (E) e;
  }

  /** The session the runner uses. */
  public SparkSession session() {
    return spark;
  }

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public Storage storage(String path) {
    return Storage.forPath(path, () -> spark.sparkContext().hadoopConfiguration());
  }

  @Override
  public Map<String, String> describe() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("master", spark.sparkContext().master());
    d.put("spark_version", spark.version());
    d.put("parallelism", Integer.toString(spark.sparkContext().defaultParallelism()));
    return d;
  }

  @Override
  public <S extends Serializable> Buckets<S> partition(
      List<InputSplit> splits, SplitReader read, int buckets, BucketBuilder<S> build) {
    JavaRDD<InputSplit> input = jsc.parallelize(splits, Math.max(1, splits.size()));
    JavaPairRDD<Integer, Object> routed =
        input.flatMapToPair(
            split -> {
              Object[] byBucket = read.read(split);
              List<Tuple2<Integer, Object>> out = new ArrayList<>();
              for (int b = 0; b < byBucket.length; b++) {
                if (byBucket[b] != null) {
                  out.add(new Tuple2<>(b, byBucket[b]));
                }
              }
              return out.iterator();
            });
    JavaRDD<S> states =
        routed
            .partitionBy(new BucketPartitioner(buckets))
            .mapPartitionsWithIndex(
                (bucket, rows) -> {
                  List<Object> batches = new ArrayList<>();
                  rows.forEachRemaining(t -> batches.add(t._2()));
                  batches.sort(SPLIT_ORDER);
                  return List.of(build.build(bucket, batches)).iterator();
                },
                true);
    states.persist(StorageLevel.MEMORY_AND_DISK());
    return new SparkBuckets<>(states, buckets);
  }

  @Override
  public <S extends Serializable, C extends Serializable, R extends Serializable> List<R> map(
      Buckets<S> buckets, C shared, BucketFunction<S, C, R> function) {
    JavaRDD<S> states = ((SparkBuckets<S>) buckets).states;
    Broadcast<C> value = shared == null ? null : jsc.broadcast(shared);
    try {
      return guarded(
          () ->
              states
                  .mapPartitionsWithIndex(
                      (bucket, it) -> {
                        S state = it.next();
                        return List.of(
                                function.apply(bucket, state, value == null ? null : value.value()))
                            .iterator();
                      },
                      true)
                  .collect());
    } finally {
      if (value != null) {
        value.destroy();
      }
    }
  }

  /** Runs the stage as one job whose result handler tells {@code done} of each finished task. */
  @Override
  public <S extends Serializable, C extends Serializable, R extends Serializable> List<R> map(
      Buckets<S> buckets, C shared, BucketFunction<S, C, R> function, BucketDone<R> done) {
    JavaRDD<S> states = ((SparkBuckets<S>) buckets).states;
    Broadcast<C> value = shared == null ? null : jsc.broadcast(shared);
    try {
      JavaRDD<R> results =
          states.mapPartitionsWithIndex(
              (bucket, it) -> {
                S state = it.next();
                return List.of(function.apply(bucket, state, value == null ? null : value.value()))
                    .iterator();
              },
              true);
      List<R> out = new ArrayList<>(java.util.Collections.nCopies(buckets.count(), null));
      guarded(
          () -> {
            spark
                .sparkContext()
                .runJob(
                    results.rdd(),
                    new OnlyElement<R>(),
                    new ResultHandler<R>(out, done),
                    scala.reflect.ClassTag$.MODULE$.<R>apply(Object.class));
            return out;
          });
      return out;
    } finally {
      if (value != null) {
        value.destroy();
      }
    }
  }

  /** A task's one result: each partition holds exactly one. */
  private static final class OnlyElement<R>
      extends scala.runtime.AbstractFunction1<scala.collection.Iterator<R>, R>
      implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public R apply(scala.collection.Iterator<R> it) {
      return it.next();
    }
  }

  /** On the driver: keeps each bucket's result and tells the listener. */
  private static final class ResultHandler<R>
      extends scala.runtime.AbstractFunction2<Object, R, scala.runtime.BoxedUnit> {
    private final List<R> out;
    private final BucketDone<R> done;

    ResultHandler(List<R> out, BucketDone<R> done) {
      this.out = out;
      this.done = done;
    }

    @Override
    public scala.runtime.BoxedUnit apply(Object bucket, R result) {
      int b = (Integer) bucket;
      synchronized (out) {
        out.set(b, result);
      }
      done.finished(b, result);
      return scala.runtime.BoxedUnit.UNIT;
    }
  }

  @Override
  public void release(Buckets<?> buckets) {
    ((SparkBuckets<?>) buckets).states.unpersist(false);
  }

  @Override
  public void close() {
    // The session belongs to whoever made it: a spark-submit, a notebook, the CLI.
    watchdog.close();
  }

  /** Batches in the order their splits were made: by table, then split number. */
  private static final Comparator<Object> SPLIT_ORDER =
      Comparator.comparingInt(SparkRunner::tableOf).thenComparingInt(SparkRunner::splitOf);

  private static int tableOf(Object batch) {
    return batch instanceof VectorBatch v
        ? v.table().ordinal()
        : ((AttributeBatch) batch).table().ordinal();
  }

  private static int splitOf(Object batch) {
    return batch instanceof VectorBatch v ? v.splitIndex() : ((AttributeBatch) batch).splitIndex();
  }

  /** The cached states of one partitioning. */
  private record SparkBuckets<S>(JavaRDD<S> states, int count) implements Buckets<S> {}

  /** Bucket b goes to partition b. */
  private static final class BucketPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int buckets;

    BucketPartitioner(int buckets) {
      this.buckets = buckets;
    }

    @Override
    public int numPartitions() {
      return buckets;
    }

    @Override
    public int getPartition(Object key) {
      return (Integer) key;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BucketPartitioner p && p.buckets == buckets;
    }

    @Override
    public int hashCode() {
      return buckets;
    }
  }
}
