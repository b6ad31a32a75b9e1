package org.fleetcompat.pipeline;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.fleetcompat.io.InputSplit;
import org.fleetcompat.io.Storage;

/**
 * What runs the pipeline's stages: the one engine-specific piece, as Delta Kernel's {@code Engine}
 * is. A runner reads splits in parallel, moves each bucket's rows to one place, keeps each bucket's
 * state between stages, and runs a stage function on every bucket; every decision about the data is
 * made by the stage functions it is handed, which are the same for every runner. So the in-process
 * runner ({@code local.LocalRunner}: threads of one JVM) and the Spark runner ({@code
 * spark.SparkRunner}: tasks of a cluster) give identical tables.
 *
 * <p>Functions handed to a runner must be serializable and must not rely on state outside their
 * arguments: Spark runs them in other JVMs, and may run one again after a lost executor.
 */
public interface Runner extends AutoCloseable {

  /** Reads one split: index b of the result holds its rows of bucket b, or null where none. */
  @FunctionalInterface
  interface SplitReader extends Serializable {
    /** The split's rows by bucket. */
    Object[] read(InputSplit split);
  }

  /** Builds one bucket's state from all its batches, in split order. */
  @FunctionalInterface
  interface BucketBuilder<S> extends Serializable {
    /** The state of bucket {@code bucket}. */
    S build(int bucket, List<Object> batches);
  }

  /** A stage over one bucket's state, with a value shared by all buckets (read only). */
  @FunctionalInterface
  interface BucketFunction<S, C, R> extends Serializable {
    /** The stage's result for one bucket. */
    R apply(int bucket, S state, C shared);
  }

  /** Told on the calling JVM as each bucket's result arrives, in any order (progress). */
  @FunctionalInterface
  interface BucketDone<R> {
    /** Bucket {@code bucket} finished with {@code result}. */
    void finished(int bucket, R result);
  }

  /** The states of the buckets of one partitioning, held by the runner. */
  interface Buckets<S> {
    /** How many buckets. */
    int count();
  }

  /** The runner's name as the manifest records it: {@code local} or {@code spark}. */
  String name();

  /**
   * The storage to read or write {@code path} with: the local disk through {@code java.nio}, other
   * file systems through Hadoop with the runner's configuration (Spark's, for the Spark runner).
   */
  Storage storage(String path);

  /**
   * Where and how it runs, for the manifest: for example {@code master} and {@code parallelism}.
   */
  Map<String, String> describe();

  /**
   * Reads every split, hands each bucket all its batches (ordered by split), and keeps the states.
   * The batches themselves are released once the states are built.
   *
   * @param splits the splits to read, of one or more tables
   * @param read reads one split
   * @param buckets how many buckets {@code read} routes rows to
   * @param build builds one bucket's state
   */
  <S extends Serializable> Buckets<S> partition(
      List<InputSplit> splits, SplitReader read, int buckets, BucketBuilder<S> build);

  /**
   * Runs {@code function} on every bucket's state; returns the results in bucket order.
   *
   * @param shared a read-only value every call sees (Spark broadcasts it)
   */
  <S extends Serializable, C extends Serializable, R extends Serializable> List<R> map(
      Buckets<S> buckets, C shared, BucketFunction<S, C, R> function);

  /**
   * As {@link #map(Buckets, Serializable, BucketFunction)}, calling {@code done} on this JVM as
   * each bucket finishes (possibly from several threads at once: it must be thread safe). The
   * default tells it of every bucket at the end.
   */
  default <S extends Serializable, C extends Serializable, R extends Serializable> List<R> map(
      Buckets<S> buckets, C shared, BucketFunction<S, C, R> function, BucketDone<R> done) {
    List<R> results = map(buckets, shared, function);
    for (int b = 0; b < results.size(); b++) {
      done.finished(b, results.get(b));
    }
    return results;
  }

  /** Frees the states of {@code buckets}. */
  void release(Buckets<?> buckets);

  /** Frees everything the runner holds; a runner that was handed its resources leaves them. */
  @Override
  void close();
}
