package org.fleetcompat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BackgroundWrites}: results by name, failures rethrown, the scheduler pool, and a cancel
 * that stops running and late jobs.
 */
class BackgroundWritesTest {
  private static final String POOL = "spark.scheduler.pool";

  /** A pool the fairscheduler.xml resource declares, so Spark does not warn about it. */
  private static final String KERNEL_POOL = "fleetcompat-kernel";

  @TempDir Path tmp;

  private final SparkSession spark = SparkTestSession.get();
  private final SparkContext sc = spark.sparkContext();

  @Test
  void awaitGivesEachTablesRowsByName() {
    ResultWriter writer = new ResultWriter(tmp.toString());
    Map<String, Supplier<Long>> writes = new LinkedHashMap<>();
    writes.put("three", () -> writer.write("three", spark.range(3).toDF()));
    writes.put("seven", () -> writer.write("seven", spark.range(0, 7, 1, 3).toDF()));

    Map<String, Long> rows = new BackgroundWrites(sc, KERNEL_POOL, writes).await();

    assertThat(rows).containsExactly(Map.entry("three", 3L), Map.entry("seven", 7L));
  }

  @Test
  void writesRunInTheirPoolUnlessTheCallerNamedOne() {
    AtomicReference<String> pool = new AtomicReference<>();
    Map<String, Supplier<Long>> writes = new LinkedHashMap<>();
    writes.put(
        "pool",
        () -> {
          pool.set(sc.getLocalProperty(POOL));
          return 0L;
        });

    new BackgroundWrites(sc, KERNEL_POOL, writes).await();
    assertThat(pool).hasValue(KERNEL_POOL);
    sc.setLocalProperty(POOL, "notebook");
    try {
      new BackgroundWrites(sc, KERNEL_POOL, writes).await();
      assertThat(pool).hasValue("notebook");
    } finally {
      sc.setLocalProperty(POOL, null);
    }
  }

  @Test
  void awaitRethrowsAWritesFailure() {
    Map<String, Supplier<Long>> writes = new LinkedHashMap<>();
    writes.put("ok", () -> 1L);
    writes.put(
        "broken",
        () -> {
          throw new IllegalStateException("disk full");
        });

    BackgroundWrites w = new BackgroundWrites(sc, KERNEL_POOL, writes);

    assertThatThrownBy(w::await).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
  }

  @Test
  void cancelAddsAWritesOwnFailureToTheCause() {
    Map<String, Supplier<Long>> writes = new LinkedHashMap<>();
    writes.put(
        "broken",
        () -> {
          throw new IllegalStateException("disk full");
        });
    BackgroundWrites w = new BackgroundWrites(sc, KERNEL_POOL, writes);
    RuntimeException cause = new RuntimeException("summaries failed");

    w.cancel(cause);

    assertThat(cause.getSuppressed())
        .singleElement()
        .hasFieldOrPropertyWithValue("message", "disk full");
  }

  /**
   * The jobs would sleep for 400 task-seconds; the cancel must end them (the timeout fails the test
   * if it does not), a job submitted only after the first cancel included, and their tasks must
   * stop too, not sleep on in the shared test session.
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void cancelStopsRunningAndLateJobs() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    MapFunction<Long, Long> slow =
        x -> {
          Thread.sleep(1000);
          return x;
        };
    Map<String, Supplier<Long>> writes = new LinkedHashMap<>();
    writes.put(
        "running",
        () -> {
          started.countDown();
          return spark.range(0, 200, 1, 2).map(slow, Encoders.LONG()).count();
        });
    writes.put(
        "late",
        () -> {
          try {
            Thread.sleep(500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return spark.range(0, 200, 1, 2).map(slow, Encoders.LONG()).count();
        });
    BackgroundWrites w = new BackgroundWrites(sc, KERNEL_POOL, writes);
    started.await();
    RuntimeException cause = new RuntimeException("summaries failed");

    w.cancel(cause);

    assertThat(cause.getSuppressed()).as("a cancel is not a failure of its own").isEmpty();
    assertThatThrownBy(w::await).hasMessageContaining("cancelled");
    while (sc.statusTracker().getActiveJobIds().length > 0 || runningTasks() > 0) {
      Thread.sleep(50);
    }
  }

  private int runningTasks() {
    int running = 0;
    for (var executor : sc.statusTracker().getExecutorInfos()) {
      running += executor.numRunningTasks();
    }
    return running;
  }
}
