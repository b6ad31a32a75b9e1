package org.fleetcompat.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;

/**
 * Table writes started now and collected later, so they run beside the driver-side work of a run
 * (pools, summaries) that leaves executor cores idle. Each write has its own thread, made by the
 * caller's thread so it inherits the caller's Spark properties, as {@link ConcurrentJobs}' do.
 * Their Spark jobs carry one job tag: when the rest of the run fails they are cancelled, not left
 * writing into a directory being abandoned.
 */
final class BackgroundWrites {
  private static final long CANCEL_POLL_MILLIS = 200;

  private final SparkContext spark;
  private final String pool;
  private final String tag = "fleetcompat-writes-" + UUID.randomUUID();
  private final ExecutorService threads;
  private final Map<String, Future<Long>> rows = new LinkedHashMap<>();

  /**
   * Starts every write.
   *
   * @param pool the Spark scheduler pool of their jobs: under {@code spark.scheduler.mode=FAIR}
   *     (fleetcompat's sessions) each pool gets its share of the cores, so the run's other jobs
   *     start at once instead of queueing behind these tasks; ignored under FIFO
   * @param writes by table name, each returning the rows it wrote
   */
  BackgroundWrites(SparkContext spark, String pool, Map<String, Supplier<Long>> writes) {
    this.spark = spark;
    this.pool = pool;
    this.threads = Executors.newFixedThreadPool(Math.max(1, writes.size()));
    writes.forEach((name, write) -> rows.put(name, threads.submit(() -> tagged(write))));
    threads.shutdown();
  }

  /** Waits for every write; returns each table's row count by name, or rethrows a failure. */
  Map<String, Long> await() {
    Map<String, Long> byName = new LinkedHashMap<>();
    rows.forEach((name, f) -> byName.put(name, ConcurrentJobs.result(f)));
    return byName;
  }

  /**
   * Cancels the writes' Spark jobs and waits until none is left running; keeps no result. A write
   * may submit its job just after a cancel, so the cancel is repeated until every write has ended.
   */
  void cancel() {
    for (Future<Long> f : rows.values()) {
      while (!f.isDone()) {
        spark.cancelJobsWithTag(tag);
        try {
          f.get(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (ExecutionException | TimeoutException e) {
          // Cancelled (the expected end; the caller reports its own failure), or not yet.
        }
      }
    }
  }

  private long tagged(Supplier<Long> write) {
    spark.addJobTag(tag);
    spark.setLocalProperty("spark.scheduler.pool", pool);
    try {
      return write.get();
    } finally {
      spark.removeJobTag(tag);
      spark.setLocalProperty("spark.scheduler.pool", null);
    }
  }
}
