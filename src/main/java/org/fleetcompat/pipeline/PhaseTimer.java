package org.fleetcompat.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Wall time per named phase of a job, in milliseconds, in the order each phase first ended, and a
 * listener told when each phase starts and ends (the CLI's progress). Thread safe.
 */
public final class PhaseTimer {
  private final Map<String, Long> millis = Collections.synchronizedMap(new LinkedHashMap<>());
  private final Consumer<String> onStart;

  /** A timer that tells no one. */
  public PhaseTimer() {
    this(phase -> {});
  }

  /** A timer that calls {@code onStart} with each phase's name as it starts. */
  public PhaseTimer(Consumer<String> onStart) {
    this.onStart = onStart;
  }

  /** Runs {@code work} as phase {@code phase}, adding its wall time to the phase's. */
  public <T> T time(String phase, Supplier<T> work) {
    onStart.accept(phase);
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      millis.merge(phase, (System.nanoTime() - start) / 1_000_000, Long::sum);
    }
  }

  /** The phases' wall times so far. */
  public Map<String, Long> millis() {
    synchronized (millis) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(millis));
    }
  }
}
