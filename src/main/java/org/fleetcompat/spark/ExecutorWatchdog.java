package org.fleetcompat.spark;

import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.pipeline.PipelineErrors;

/**
 * Fails a job that has no executor left for too long. Spark itself waits forever when a cluster
 * loses every worker ("Initial job has not accepted any resources"); a nightly job should rather
 * fail within bounded time, say why, and publish nothing. Watches a cluster master only ({@code
 * local} masters run tasks in the driver): when no executor has been registered for {@code
 * spark.fleetcompat.noExecutorTimeoutSeconds} (a Spark setting, default 120; 0 turns the watchdog
 * off) it cancels every job of the context, and {@link #failure()} then tells that cancellation
 * apart from any other by its flag.
 *
 * <p>Thread safe; one per runner, stopped by {@link #close()}.
 */
final class ExecutorWatchdog implements AutoCloseable {
  /** The Spark setting that sets the timeout, in seconds. */
  static final String TIMEOUT_KEY = "spark.fleetcompat.noExecutorTimeoutSeconds";

  private static final long DEFAULT_TIMEOUT_SECONDS = 120;

  private final SparkContext sc;
  private final long timeoutSeconds;
  private final Thread thread;
  private volatile boolean fired;

  private ExecutorWatchdog(SparkContext sc, long timeoutSeconds) {
    this.sc = sc;
    this.timeoutSeconds = timeoutSeconds;
    this.thread = new Thread(this::watch, "fleetcompat-executor-watchdog");
    thread.setDaemon(true);
  }

  /** A started watchdog for {@code sc}, or one that never fires on a local master or timeout 0. */
  static ExecutorWatchdog start(SparkContext sc) {
    long timeout = sc.getConf().getLong(TIMEOUT_KEY, DEFAULT_TIMEOUT_SECONDS);
    ExecutorWatchdog w = new ExecutorWatchdog(sc, timeout);
    if (timeout > 0 && !sc.master().startsWith("local")) {
      w.thread.start();
    }
    return w;
  }

  private void watch() {
    long lastSeen = System.nanoTime();
    try {
      while (!sc.isStopped()) {
        // The driver is one of the executor infos; the others are the executors.
        if (sc.statusTracker().getExecutorInfos().length > 1) {
          lastSeen = System.nanoTime();
        } else if (System.nanoTime() - lastSeen > TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
          fired = true;
          sc.cancelAllJobs();
          lastSeen = System.nanoTime();
        }
        Thread.sleep(500);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The failure to report instead of a Spark job's exception when this watchdog cancelled it
   * (status 32777), else null.
   */
  FleetcompatException failure(Exception cause) {
    if (!fired) {
      return null;
    }
    return PipelineErrors.noExecutors(sc.master(), timeoutSeconds, TIMEOUT_KEY, cause);
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
