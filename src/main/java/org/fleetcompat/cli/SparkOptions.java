package org.fleetcompat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.spark.SparkSessions;
import picocli.CommandLine.Option;

/**
 * The Spark options every job command shares. Precedence: {@code --conf} on the command line, then
 * the file named by {@code --config} (default: the launcher's {@code conf/fleetcompat.properties},
 * passed as system property {@code fleetcompat.conf}), then fleetcompat's built-in defaults.
 */
public final class SparkOptions {
  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master URL (default: embedded local[*]).")
  String master;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "A Spark setting; wins over the config file. Repeatable.")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A properties file of Spark settings (default: conf/fleetcompat.properties).")
  Path config;

  /**
   * A session built from these options, for try-with-resources. Closing it stops the session only
   * if this call started it: a command run in process ({@link FleetcompatCommand#execute}) next to
   * a live session (a notebook's, a test's) is handed that session by Spark's {@code getOrCreate},
   * and its owner still needs it.
   */
  OpenSession open() {
    boolean started =
        !isLive(SparkSession.getActiveSession()) && !isLive(SparkSession.getDefaultSession());
    return new OpenSession(session(), started);
  }

  /**
   * A session a command uses.
   *
   * @param spark the session
   * @param started whether the command started it, and so stops it on {@link #close()}
   */
  record OpenSession(SparkSession spark, boolean started) implements AutoCloseable {
    @Override
    public void close() {
      if (started) {
        spark.stop();
      }
    }
  }

  private static boolean isLive(scala.Option<SparkSession> session) {
    return session.isDefined() && !session.get().sparkContext().isStopped();
  }

  private SparkSession session() {
    Map<String, String> settings = new LinkedHashMap<>();
    Path file = config;
    if (file == null && System.getProperty("fleetcompat.conf") != null) {
      file = Path.of(System.getProperty("fleetcompat.conf"));
    }
    if (file != null) {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read config file " + file, e);
      }
      p.stringPropertyNames().stream().sorted().forEach(k -> settings.put(k, p.getProperty(k)));
    }
    settings.putAll(conf);
    String jobJar = System.getProperty("fleetcompat.jobJar");
    if (master != null && !master.startsWith("local[") && jobJar != null) {
      settings.putIfAbsent("spark.jars", jobJar);
    }
    return SparkSessions.create(master, settings);
  }
}
