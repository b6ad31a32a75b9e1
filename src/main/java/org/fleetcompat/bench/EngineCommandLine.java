package org.fleetcompat.bench;

import java.io.PrintWriter;

/**
 * The engine's command line, run in this JVM: how the benchmark reaches the engine, so that it
 * measures exactly what a user's {@code jobs/fleetcompat run} does and depends on no engine API.
 * The {@code cli} package hands in {@code FleetcompatCommand::execute}.
 */
@FunctionalInterface
public interface EngineCommandLine {
  /**
   * Runs one command line and returns its exit code (0 on success).
   *
   * @param out where the command prints its answer; not closed
   * @param err where it prints its one-line reason on failure; not closed
   * @param args the command and its options, for example {@code run --snapshot DIR --out DIR}
   */
  int execute(PrintWriter out, PrintWriter err, String... args);
}
