package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fleetcompat.pipeline.Runner;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that answers a question about one snapshot: parses, opens the runner its options name
 * (in-process by default), calls {@link #answer}, closes the runner.
 */
abstract class SnapshotCommand implements Callable<Integer> {
  @Mixin SnapshotOption snapshot;

  @Mixin CatalogOption catalog;

  @Mixin EngineOptions engine;

  @Option(
      names = "--json",
      description =
          "Print the answer as one JSON document (snake_case keys; 64-bit values as strings).")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public final Integer call() {
    try (EngineOptions.OpenRunner open = engine.open()) {
      PrintWriter out = spec.commandLine().getOut();
      int code = answer(open.runner(), out);
      out.flush();
      return code;
    }
  }

  /** Answers on {@code out}; returns the exit code. */
  abstract int answer(Runner runner, PrintWriter out);
}
