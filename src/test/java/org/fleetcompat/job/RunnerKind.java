package org.fleetcompat.job;

import org.fleetcompat.local.LocalRunner;
import org.fleetcompat.pipeline.Runner;
import org.fleetcompat.spark.SparkRunner;
import org.fleetcompat.spark.SparkTestSession;

/**
 * The two runners tests run the pipeline with: in-process on two threads, and Spark on the shared
 * {@code local[2]} session. Tests take both ({@code @EnumSource(RunnerKind.class)}) and must get
 * identical answers from each.
 */
public enum RunnerKind {
  /** The in-process runner, two threads. */
  LOCAL {
    @Override
    public Runner open() {
      return new LocalRunner(2);
    }
  },
  /** The Spark runner on the tests' shared embedded session. */
  SPARK {
    @Override
    public Runner open() {
      return new SparkRunner(SparkTestSession.get());
    }
  };

  /** A new runner of this kind; close it after use (the Spark session stays). */
  public abstract Runner open();

  /** Runs the pipeline once with a runner of this kind. */
  public RunResult run(RunOptions options) {
    try (Runner r = open()) {
      return RunJob.run(r, options);
    }
  }

  /** Runs the pipeline once with a runner of this kind, timing phases with {@code timer}. */
  public RunResult run(RunOptions options, org.fleetcompat.pipeline.PhaseTimer timer) {
    try (Runner r = open()) {
      return RunJob.run(r, options, timer);
    }
  }
}
