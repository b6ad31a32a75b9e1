package org.fleetcompat.cli;

/**
 * The libraries' logging when fleetcompat runs in process: Parquet and Hadoop log through SLF4J,
 * and binding SLF4J to Log4j (which Spark brings) costs about half a second of class loading on
 * every command, for messages a user of the in-process runner never needs. Their messages go to
 * SLF4J's no-op provider instead; fleetcompat's own output never went through a logger.
 */
final class Logging {
  private Logging() {}

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
