package org.fleetcompat.cli;

import java.net.URISyntaxException;
import java.net.URL;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;

/**
 * The libraries' logging. In process: Parquet and Hadoop log through SLF4J, and binding SLF4J to
 * Log4j (which Spark brings) costs about half a second of class loading on every command, for
 * messages a user of the in-process runner never needs; their messages go to SLF4J's no-op provider
 * instead. Under {@code spark-submit}: the job jar's quiet Log4j configuration replaces Spark's
 * built-in INFO profile, and only that. fleetcompat's own output never goes through a logger.
 */
final class Logging {
  /** The quiet configuration the jar carries: a copy of {@code conf/log4j2.properties}. */
  static final String QUIET_RESOURCE = "org/fleetcompat/conf/log4j2.properties";

  /** The prefix of the profiles Spark falls back to when nobody configured Log4j. */
  private static final String SPARK_DEFAULT_PROFILE = "org/apache/spark/log4j2";

  private Logging() {}

  /**
   * Replaces Spark's built-in log profile ({@code org/apache/spark/log4j2-defaults.properties},
   * which Spark loads only when no configuration was found, and which logs every component at INFO)
   * with the jar's quiet configuration ({@value #QUIET_RESOURCE}: warnings and errors only). A
   * configuration of the user's ({@code $SPARK_HOME/conf/log4j2.properties}, {@code
   * -Dlog4j2.configurationFile}, {@code --driver-java-options}) is left as it is.
   */
  static void quietSparkDefaults() {
    if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
      return;
    }
    ConfigurationSource source = context.getConfiguration().getConfigurationSource();
    String location = source == null ? null : source.getLocation();
    URL quiet = Logging.class.getClassLoader().getResource(QUIET_RESOURCE);
    if (location == null || !location.contains(SPARK_DEFAULT_PROFILE) || quiet == null) {
      return;
    }
    try {
      context.setConfigLocation(quiet.toURI());
    } catch (URISyntaxException e) {
      // A jar URL always parses; were it not to, Spark's own profile stays: noisy, not wrong.
      return;
    }
    // Spark re-applies its built-in profile at its next first log call whenever it applied it
    // once (Logging.defaultSparkLog4jConfig), and spark-submit applied it, then reset Spark's
    // logging, before it called main: clear that mark so the jar's configuration stays. An internal
    // of Spark 4.2 (a rename fails the build); LocalClusterIT checks that a submitted run is quiet.
    org.apache.spark.internal.Logging$.MODULE$
        .org$apache$spark$internal$Logging$$defaultSparkLog4jConfig_$eq(false);
  }

  /** Binds SLF4J to its no-op provider, unless a provider was chosen already; quiet about it. */
  static void quietLibraries() {
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
    }
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
  }
}
