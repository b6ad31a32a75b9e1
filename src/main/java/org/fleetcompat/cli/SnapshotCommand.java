package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that answers a question about one snapshot with an embedded (or named) Spark session:
 * parses, starts the session (or joins the live one), calls {@link #answer}, stops a session it
 * started.
 */
abstract class SnapshotCommand implements Callable<Integer> {
  @Mixin SnapshotOption snapshot;

  @Mixin CatalogOption catalog;

  @Mixin SparkOptions spark;

  @Spec CommandSpec spec;

  @Override
  public final Integer call() {
    try (SparkOptions.OpenSession session = spark.open()) {
      PrintWriter out = spec.commandLine().getOut();
      int code = answer(session.spark(), out);
      out.flush();
      return code;
    }
  }

  /** Answers on {@code out}; returns the exit code. */
  abstract int answer(SparkSession session, PrintWriter out);
}
