package org.fleetcompat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine as a contender in process: {@code run --snapshot S --out O [--pairs] [--engine E]}
 * through its command line in this JVM, exactly what {@code jobs/fleetcompat run} does after the
 * JVM has started. With a {@link BenchSpark} session the engine's command line joins it (the
 * session is live before the call), and its Spark jobs are counted. Not thread safe.
 */
final class EngineRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EngineCommandLine cli;
  private final boolean pairs;
  private final Optional<String> engine;
  private final BenchSpark spark;

  /**
   * One engine run.
   *
   * @param elapsedNanos wall time of the command
   * @param compatiblePairs the pairs its output holds (or the sum of per-VM host counts)
   * @param phasesMillis its manifest's {@code timings_millis}, empty if there is none
   * @param sparkJobs Spark jobs started during the run, 0 without a session
   */
  record Run(
      long elapsedNanos, long compatiblePairs, Map<String, Long> phasesMillis, int sparkJobs) {}

  /**
   * An engine contender.
   *
   * @param pairs whether {@code run} gets {@code --pairs}
   * @param engine the {@code --engine} value to pass, or empty to pass none
   * @param spark the live session the command joins, or null for none
   */
  EngineRunner(EngineCommandLine cli, boolean pairs, Optional<String> engine, BenchSpark spark) {
    this.cli = cli;
    this.pairs = pairs;
    this.engine = engine;
    this.spark = spark;
  }

  /**
   * Runs the engine on {@code snapshot} into {@code out}.
   *
   * @throws IllegalStateException with the engine's one-line reason if it exits non-zero
   */
  Run run(Path snapshot, Path out) {
    List<String> args = new ArrayList<>();
    args.addAll(List.of("run", "--snapshot", snapshot.toString(), "--out", out.toString()));
    if (pairs) {
      args.add("--pairs");
    }
    // In process the session made for the engine carries the master; --engine goes through as
    // given.
    engine.ifPresent(e -> args.addAll(List.of("--engine", e)));
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    if (spark != null) {
      spark.resetJobCount();
    }
    long start = System.nanoTime();
    int exit;
    try (PrintWriter o = new PrintWriter(stdout);
        PrintWriter e = new PrintWriter(stderr)) {
      exit = cli.execute(o, e, args.toArray(String[]::new));
    }
    long elapsed = System.nanoTime() - start;
    int jobs = spark == null ? 0 : spark.jobCount();
    if (exit != 0) {
      String reason =
          stderr.toString().lines().filter(l -> !l.isBlank()).findFirst().orElse("(no message)");
      throw new IllegalStateException(
          "The engine's run failed with exit code "
              + exit
              + ": "
              + reason
              + " (command: "
              + String.join(" ", args)
              + ")");
    }
    long found;
    try (Connection db = DuckDbPeer.connect(0)) {
      found = OutputCheck.compatiblePairs(db, out, pairs);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot read the engine's output in " + out + ": " + BenchJob.firstLine(e), e);
    }
    return new Run(elapsed, found, phases(out), jobs);
  }

  /** The manifest's phase timings, in its order; empty if absent or unreadable. */
  private static Map<String, Long> phases(Path out) {
    Path manifest = out.resolve("manifest.json");
    Map<String, Long> phases = new LinkedHashMap<>();
    if (!Files.isRegularFile(manifest)) {
      return phases;
    }
    try {
      JsonNode timings = JSON.readTree(manifest.toFile()).path("timings_millis");
      timings.properties().forEach(e -> phases.put(e.getKey(), e.getValue().asLong()));
    } catch (IOException e) {
      // The manifest's layout is the engine's; without timings the report just has no phase line.
    }
    return phases;
  }
}
