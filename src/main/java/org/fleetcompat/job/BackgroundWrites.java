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
  private static final String POOL_PROPERTY = "spark.scheduler.pool";
  private static final String INTERRUPT_PROPERTY = "spark.job.interruptOnCancel";

  private final SparkContext spark;
  private final String pool;
  private final String tag = "fleetcompat-writes-" + UUID.randomUUID();
  private final ExecutorService threads;
  private final Map<String, Future<Long>> rows = new LinkedHashMap<>();

  /**
   * Starts every write.
   *
   * @param pool the Spark scheduler pool of their jobs, unless the caller's thread has one: under
   *     {@code spark.scheduler.mode=FAIR} (fleetcompat's sessions; the pools are declared in the
   *     {@code fairscheduler.xml} resource) each pool gets its share of the cores, so the run's
   *     other jobs start at once instead of queueing behind these tasks; ignored under FIFO
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
   * Cancels the writes' Spark jobs (their tasks are interrupted) and waits until every write has
   * ended; keeps no result. A write may submit its job just after a cancel, so the cancel is
   * repeated until then. A write that failed for another reason than this cancel adds its failure
   * to {@code cause}, suppressed.
   */
  void cancel(Throwable cause) {
    boolean interrupted = false;
    for (Future<Long> f : rows.values()) {
      boolean ended = false;
      while (!ended) {
        spark.cancelJobsWithTag(tag);
        try {
          f.get(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
          ended = true;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          ended = true;
          if (!String.valueOf(e.getCause().getMessage()).contains(tag)) {
            cause.addSuppressed(e.getCause());
          }
        } catch (TimeoutException e) {
          // Still running: cancel again.
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs {@code write} with the writes' job tag, their pool unless the caller's thread named one (a
   * notebook's own pool wins), and tasks interrupted on cancel; restores the thread's properties.
   */
  private long tagged(Supplier<Long> write) {
    String inheritedPool = spark.getLocalProperty(POOL_PROPERTY);
    String inheritedInterrupt = spark.getLocalProperty(INTERRUPT_PROPERTY);
    spark.addJobTag(tag);
    if (inheritedPool == null) {
      spark.setLocalProperty(POOL_PROPERTY, pool);
    }
    spark.setLocalProperty(INTERRUPT_PROPERTY, "true");
    try {
      return write.get();
    } finally {
      spark.removeJobTag(tag);
      spark.setLocalProperty(POOL_PROPERTY, inheritedPool);
      spark.setLocalProperty(INTERRUPT_PROPERTY, inheritedInterrupt);
    }
  }
}
