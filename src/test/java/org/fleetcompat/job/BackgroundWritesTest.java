package org.fleetcompat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link BackgroundWrites}: results by name, failures rethrown, and a cancel that stops jobs. */
class BackgroundWritesTest {
  @TempDir Path tmp;

  private final SparkSession spark = SparkTestSession.get();

  @Test
  void awaitGivesEachTablesRowsByName() {
    ResultWriter writer = new ResultWriter(tmp.toString());
    Map<String, Supplier<Long>> writes = new LinkedHashMap<>();
    writes.put("three", () -> writer.write("three", spark.range(3).toDF()));
    writes.put("seven", () -> writer.write("seven", spark.range(0, 7, 1, 3).toDF()));

    Map<String, Long> rows = new BackgroundWrites(spark.sparkContext(), "test", writes).await();

    assertThat(rows).containsExactly(Map.entry("three", 3L), Map.entry("seven", 7L));
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

    BackgroundWrites w = new BackgroundWrites(spark.sparkContext(), "test", writes);

    assertThatThrownBy(w::await).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
  }

  /**
   * The job would sleep for 400 task-seconds; the cancel must end it (the timeout fails the test if
   * it does not), including a job submitted only after the first cancel.
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
    BackgroundWrites w = new BackgroundWrites(spark.sparkContext(), "test", writes);
    started.await();

    w.cancel();

    assertThatThrownBy(w::await).hasMessageContaining("cancelled");
    assertThat(spark.sparkContext().statusTracker().getActiveJobIds()).isEmpty();
  }
}
