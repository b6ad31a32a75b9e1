package org.fleetcompat.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the Spark session a job runs in: embedded {@code local[*]} unless a master URL is given,
 * UTC, fair scheduling between concurrent jobs (the pools a run uses are declared in the {@code
 * fairscheduler.xml} resource), UI off for embedded runs, the driver bound to loopback when local.
 * A session that already exists (a notebook's) is returned with its own settings, scheduling mode
 * included: a run works the same there, its background writes only overlap less under FIFO.
 */
public final class SparkSessions {
  /** The master used when none is given: embedded Spark on every core. */
  public static final String DEFAULT_MASTER = "local[*]";

  private SparkSessions() {}

  /**
   * A new or the existing session.
   *
   * @param master a Spark master URL, or null for {@link #DEFAULT_MASTER}
   * @param settings Spark settings applied last (they win over the defaults set here)
   */
  public static SparkSession create(String master, Map<String, String> settings) {
    String m = master == null ? DEFAULT_MASTER : master;
    SparkSession.Builder b =
        SparkSession.builder()
            .appName("fleetcompat")
            .master(m)
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.shuffle.partitions", "16")
            .config("spark.sql.adaptive.enabled", "true")
            // A run writes its largest tables in the background while smaller jobs go on; fair
            // scheduling lets those jobs start instead of queueing behind every write task.
            .config("spark.scheduler.mode", "FAIR");
    if (m.startsWith("local")) {
      b.config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    settings.forEach(b::config);
    return b.getOrCreate();
  }
}
