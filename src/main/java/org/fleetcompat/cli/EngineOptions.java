package org.fleetcompat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.local.LocalRunner;
import org.fleetcompat.pipeline.Runner;
import org.fleetcompat.spark.SparkRunner;
import org.fleetcompat.spark.SparkSessions;
import picocli.CommandLine.Option;

/**
 * Which runner a command uses, and its settings. The in-process runner is the default; Spark runs
 * the pipeline when asked ({@code --engine spark}), when a master is named ({@code --master}), or
 * when the JVM was started by {@code spark-submit}; it then joins a live session (a notebook's) if
 * there is one. Spark settings: {@code --conf} wins over {@code --config FILE} (default: the
 * launcher's {@code conf/fleetcompat.properties}, system property {@code fleetcompat.conf}), which
 * wins over fleetcompat's defaults; under {@code spark-submit} its own master and settings win over
 * all of them.
 */
public final class EngineOptions {
  /** The runners. */
  enum Engine {
    /** In-process. */
    LOCAL,
    /** Spark. */
    SPARK
  }

  @Option(
      names = "--engine",
      paramLabel = "local|spark",
      description =
          "local: in-process, every core, no Spark (the default); spark: Spark, embedded"
              + " local[*] unless --master or spark-submit names a cluster.")
  String engine;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads of the in-process runner (default: one per core).")
  Integer threads;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master URL (implies --engine spark).")
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

  /** The runner these options name, for try-with-resources. */
  OpenRunner open() {
    Engine e = chosen();
    if (config != null && !Files.isReadable(config)) {
      throw CliErrors.configFile(config, null);
    }
    if (e == Engine.LOCAL) {
      if (threads != null && threads < 1) {
        throw CliErrors.tooFewThreads(threads);
      }
      Logging.quietLibraries();
      return new OpenRunner(threads == null ? new LocalRunner() : new LocalRunner(threads), null);
    }
    Map<String, String> settings = settings();
    if (!SparkSessions.isSubmitted()) {
      // Before anything of Spark loads: an unreachable master fails in seconds, not a minute.
      MasterProbe.requireReachable(master);
    }
    boolean started = SparkSessions.live().isEmpty();
    if (started && SparkSessions.isSubmitted()) {
      Logging.quietSparkDefaults();
      if (master != null || config != null || !conf.isEmpty()) {
        System.err.println(
            "fleetcompat: under spark-submit its master and settings are used as they are;"
                + " --master, --conf and --config are ignored (give them to spark-submit)");
      }
    }
    SparkSession session = SparkSessions.create(master, settings);
    return new OpenRunner(new SparkRunner(session), started ? session : null);
  }

  private Engine chosen() {
    if (engine != null) {
      try {
        Engine e = Engine.valueOf(engine.toUpperCase(Locale.ROOT));
        if (e == Engine.LOCAL && master != null) {
          throw CliErrors.masterNeedsSpark(master);
        }
        return e;
      } catch (IllegalArgumentException x) {
        throw CliErrors.unknownEngine(engine);
      }
    }
    return master != null || SparkSessions.isSubmitted() ? Engine.SPARK : Engine.LOCAL;
  }

  /**
   * A runner a command uses; closing it stops a Spark session only if this command started it: a
   * command run in process beside a live session (a notebook's, a test's) leaves it to its owner.
   *
   * @param runner the runner
   * @param startedSession the session this command started, or null
   */
  record OpenRunner(Runner runner, SparkSession startedSession) implements AutoCloseable {
    @Override
    public void close() {
      runner.close();
      if (startedSession != null) {
        startedSession.stop();
      }
    }
  }

  private Map<String, String> settings() {
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
        throw CliErrors.configFile(file, e);
      }
      p.stringPropertyNames().stream().sorted().forEach(k -> settings.put(k, p.getProperty(k)));
    }
    settings.putAll(conf);
    String jobJar = System.getProperty("fleetcompat.jobJar");
    if (master != null && !master.startsWith("local") && jobJar != null && !jobJar.isEmpty()) {
      settings.putIfAbsent("spark.jars", jobJar);
    }
    return settings;
  }
}
