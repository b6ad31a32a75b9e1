package org.fleetcompat.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session a job runs in when it runs on Spark. Under {@code spark-submit} (which sets
 * {@code spark.master} for the driver) and in a notebook (a live session), the session is taken as
 * it is: its master, settings and jars are never overridden. Otherwise one is started: the given
 * master or embedded {@code local[*]}, UTC, UI off and the driver bound to loopback when local.
 */
public final class SparkSessions {
  /** The master used when none is given: embedded Spark on every core. */
  public static final String DEFAULT_MASTER = "local[*]";

  private SparkSessions() {}

  /** Whether this JVM is a driver started by {@code spark-submit}. */
  public static boolean isSubmitted() {
    return System.getProperty("spark.master") != null;
  }

  /**
   * A new or the existing session.
   *
   * @param master a Spark master URL, or null for {@link #DEFAULT_MASTER} (ignored under {@code
   *     spark-submit}, whose master wins)
   * @param settings Spark settings applied last (they win over the defaults set here; ignored under
   *     {@code spark-submit}, whose settings win)
   */
  public static SparkSession create(String master, Map<String, String> settings) {
    if (isSubmitted()) {
      return SparkSession.builder().appName("fleetcompat").getOrCreate();
    }
    String m = master == null ? DEFAULT_MASTER : master;
    SparkSession.Builder b =
        SparkSession.builder()
            .appName("fleetcompat")
            .master(m)
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.ui.enabled", "false");
    if (m.startsWith("local")) {
      b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    }
    settings.forEach(b::config);
    return b.getOrCreate();
  }
}
