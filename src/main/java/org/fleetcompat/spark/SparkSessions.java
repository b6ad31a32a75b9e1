package org.fleetcompat.spark;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session a job runs in when it runs on Spark. A live session (a notebook's, or one this
 * JVM started before) and, under {@code spark-submit} (which passes its master and every setting to
 * the driver as {@code spark.*} system properties), the session that {@code spark-submit}'s
 * settings make, are taken as they are: their master, settings, jars and application name are never
 * overridden. Otherwise one is started: the given master or embedded {@code local[*]}, UTC, UI off
 * and the driver bound to loopback when local.
 */
public final class SparkSessions {
  /** The master used when none is given: embedded Spark on every core. */
  public static final String DEFAULT_MASTER = "local[*]";

  private SparkSessions() {}

  /**
   * Whether this JVM is a driver started by {@code spark-submit} (in client mode the submit JVM
   * itself, in cluster mode the driver it launches): {@code spark-submit} sets {@code spark.master}
   * as a system property before it calls the main class.
   */
  public static boolean isSubmitted() {
    return System.getProperty("spark.master") != null;
  }

  /** The live session of this JVM (the active one, else the default one), if there is one. */
  public static Optional<SparkSession> live() {
    for (scala.Option<SparkSession> s :
        List.of(SparkSession.getActiveSession(), SparkSession.getDefaultSession())) {
      if (s.isDefined() && !s.get().sparkContext().isStopped()) {
        return Optional.of(s.get());
      }
    }
    return Optional.empty();
  }

  /**
   * The live session, else a new one.
   *
   * @param master a Spark master URL, or null for {@link #DEFAULT_MASTER} (ignored when there is a
   *     live session or under {@code spark-submit}, whose master wins)
   * @param settings Spark settings applied last (they win over the defaults set here; ignored when
   *     there is a live session or under {@code spark-submit}, whose settings win)
   */
  public static SparkSession create(String master, Map<String, String> settings) {
    Optional<SparkSession> live = live();
    if (live.isPresent()) {
      return live.get();
    }
    if (isSubmitted()) {
      // No appName, master or config here: spark-submit's --name and --conf stand as given.
      return SparkSession.builder().getOrCreate();
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
      // Embedded, the executor is this JVM: a task's OutOfMemoryError must fail the job (status
      // 32778, one line) rather than make Spark call System.exit(52) from the task's thread.
      b.config("spark.executor.killOnFatalError.depth", "0");
    }
    settings.forEach(b::config);
    return b.getOrCreate();
  }
}
