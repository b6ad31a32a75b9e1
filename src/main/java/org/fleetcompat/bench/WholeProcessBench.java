package org.fleetcompat.bench;

import java.io.File;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole-process half of {@link BenchJob}: {@code processRepeat} rounds, each running {@code
 * jobs/fleetcompat run} (the user's command, a new JVM), the DuckDB peer's own JVM ({@code java -cp
 * <classes>:<duckdb jar> DuckDbPeer}), and with the Spark runner asked for {@code run --engine
 * spark --master local[2]}, one after the other, measured from outside by {@link ChildProcess}. The
 * engine's processes get the launcher's default JVM options unless {@code processJavaOpts} is set.
 * Single-threaded.
 */
final class WholeProcessBench {
  private WholeProcessBench() {}

  /**
   * Runs the rounds; with {@code keepFirst}, the first round's outputs stay in {@code outs} as
   * {@code process-engine-0/} and {@code process-peer-0/} for the check.
   *
   * @throws IllegalStateException with a contender's one-line reason if it exits non-zero
   */
  static List<BenchReport.Timing> measure(
      BenchJob.Options o, Path fleet, Path outs, boolean keepFirst, PrintWriter progress) {
    Map<String, String> engineEnv = new HashMap<>();
    engineEnv.put("FLEETCOMPAT_JAVA_OPTS", o.processJavaOpts().orElse(null));
    List<Contender> contenders = new ArrayList<>();
    contenders.add(new Contender("engine", engine(o, fleet, o.runFlags()), engineEnv));
    contenders.add(new Contender("duckdb-peer", peer(o, fleet), Map.of()));
    if (o.extras().contains(BenchJob.Extra.SPARK_RUNNER)) {
      List<String> flags =
          List.of(
              "--engine",
              "spark",
              "--master",
              o.master().orElse(InProcessBench.SPARK_RUNNER_MASTER));
      contenders.add(new Contender("engine-spark", engine(o, fleet, flags), engineEnv));
    }
    for (int i = 0; i < o.processRepeat(); i++) {
      StringBuilder line =
          new StringBuilder(
              String.format(Locale.ROOT, "bench: whole process %d/%d:", i + 1, o.processRepeat()));
      for (Contender c : contenders) {
        Path out = outs.resolve("process-" + c.prefix() + "-" + i);
        List<String> command = new ArrayList<>(c.command());
        command.addAll(List.of("--out", out.toString()));
        ChildProcess.Run r =
            ChildProcess.run(
                command,
                c.environment(),
                o.projectDir(),
                outs.resolve("logs/" + c.name() + "-" + i));
        if (r.exitCode() != 0) {
          throw new IllegalStateException(
              c.name()
                  + "'s process failed with exit code "
                  + r.exitCode()
                  + ": "
                  + r.reasonLine()
                  + " (command: "
                  + String.join(" ", command)
                  + ")");
        }
        c.nanos().add(r.elapsedNanos());
        c.peak()[0] = Math.max(c.peak()[0], r.peakRssBytes());
        line.append(
            String.format(
                Locale.ROOT,
                " %s %.2f s (peak RSS %s MiB)",
                c.name(),
                r.elapsedNanos() / 1e9,
                r.peakRssBytes() < 0 ? "?" : Long.toString(r.peakRssBytes() >> 20)));
        if (!(keepFirst && i == 0 && !c.name().equals("engine-spark"))) {
          BenchFiles.deleteTree(out);
        }
      }
      progress.println(line);
      progress.flush();
    }
    return contenders.stream()
        .map(c -> new BenchReport.Timing(c.name(), List.copyOf(c.nanos()), c.peak()[0]))
        .toList();
  }

  /** One contender: its command line without {@code --out}, its runs' times and peak RSS. */
  private record Contender(
      String name,
      List<String> command,
      Map<String, String> environment,
      List<Long> nanos,
      long[] peak) {
    Contender(String name, List<String> command, Map<String, String> environment) {
      this(name, command, environment, new ArrayList<>(), new long[] {-1});
    }

    /** The output directory's prefix: {@code engine} and {@code peer} are what the check reads. */
    String prefix() {
      return name.equals("duckdb-peer") ? "peer" : name;
    }
  }

  private static List<String> engine(BenchJob.Options o, Path fleet, List<String> flags) {
    List<String> command = new ArrayList<>();
    command.add(o.projectDir().resolve("jobs/fleetcompat").toString());
    command.addAll(List.of("run", "--snapshot", fleet.toString()));
    if (o.pairs()) {
      command.add("--pairs");
    }
    command.addAll(flags);
    return command;
  }

  private static List<String> peer(BenchJob.Options o, Path fleet) {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            peerClasspath(),
            DuckDbPeer.class.getName(),
            "--snapshot",
            fleet.toString()));
    if (o.pairs()) {
      command.add("--pairs");
    }
    if (o.peerThreads() > 0) {
      command.addAll(List.of("--threads", Integer.toString(o.peerThreads())));
    }
    return command;
  }

  /**
   * The class path of the peer's own JVM: this code's classes and DuckDB's JDBC driver, nothing
   * else (no Spark), so its start costs what a small JDBC program's does.
   */
  private static String peerClasspath() {
    try {
      Class<?> driver = Class.forName("org.duckdb.DuckDBDriver");
      return Path.of(DuckDbPeer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          + File.pathSeparator
          + Path.of(driver.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "DuckDB's JDBC driver is not on the class path: run `mvn -B -q package -DskipTests`"
              + " (it writes target/bench-classpath.txt) and start the benchmark with"
              + " jobs/fleetcompat bench",
          e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the peer's classes: " + e.getMessage(), e);
    }
  }
}
