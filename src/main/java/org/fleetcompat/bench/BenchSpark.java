package org.fleetcompat.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark side of the benchmark, used only when asked for (the naive plan, {@code --engine
 * spark}, {@code --master}): one session for the whole benchmark, created here before the engine
 * runs so that the engine's command line joins it, and a listener that counts the Spark jobs of
 * each engine run. Not thread safe.
 */
final class BenchSpark implements AutoCloseable {
  private final SparkSession spark;
  private final AtomicInteger jobs = new AtomicInteger();

  /**
   * A session with the settings {@code jobs/fleetcompat} gives its own embedded session (UTC, UI
   * off, the driver on loopback when local), then the launcher's config file (system property
   * {@code fleetcompat.conf}) when there is one, so the engine joins the session a run would have
   * made itself.
   *
   * @param master a Spark master URL, for example {@code local[2]}
   */
  BenchSpark(String master) {
    SparkSession.Builder b =
        SparkSession.builder()
            .appName("fleetcompat-bench")
            .master(master)
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.ui.enabled", "false");
    if (master.startsWith("local")) {
      b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    }
    String conf = System.getProperty("fleetcompat.conf");
    if (conf != null && Files.isRegularFile(Path.of(conf))) {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(Path.of(conf))) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot read config file " + conf + ": " + e.getMessage(), e);
      }
      p.stringPropertyNames().forEach(k -> b.config(k, p.getProperty(k)));
    }
    spark = b.getOrCreate();
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onJobStart(SparkListenerJobStart jobStart) {
                jobs.incrementAndGet();
              }
            });
  }

  /** The session. */
  SparkSession session() {
    return spark;
  }

  /** Starts counting Spark jobs from zero. */
  void resetJobCount() {
    drainListenerBus();
    jobs.set(0);
  }

  /** The Spark jobs started since {@link #resetJobCount()}, once the listener has seen them all. */
  int jobCount() {
    drainListenerBus();
    return jobs.get();
  }

  /** Listener events arrive asynchronously: wait (at most 10 s) until all posted ones are seen. */
  private void drainListenerBus() {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty(10_000);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain in 10 s", e);
    }
  }

  /** Stops the session. */
  @Override
  public void close() {
    spark.stop();
  }
}
