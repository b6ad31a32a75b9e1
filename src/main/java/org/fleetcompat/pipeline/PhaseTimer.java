package org.fleetcompat.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Wall time per named phase of a job, in milliseconds, in the order each phase first ended, and a
 * {@link Listener} told when each phase starts, how far it got and what it counted when it ended
 * (the CLI's progress on standard error). Thread safe; the listener is called from the job's
 * threads (and, for {@link #advance}, from the runner's), so it must be too.
 */
public final class PhaseTimer {
  private final Map<String, Long> millis = Collections.synchronizedMap(new LinkedHashMap<>());
  private final Listener listener;

  /** What a job counted in a phase, e.g. {@code 2998 VMs}: for people, not for the manifest. */
  public record Count(long value, String unit) {}

  /** Told about the phases of a job as they run. */
  public interface Listener {
    /** Phase {@code phase} starts. */
    void started(String phase);

    /** Phase {@code phase} ended after {@code elapsedMillis}, having counted {@code counts}. */
    default void ended(String phase, long elapsedMillis, List<Count> counts) {}

    /** Within phase {@code phase}, {@code done} of {@code total} {@code unit} are done. */
    default void advanced(String phase, long done, long total, String unit) {}
  }

  /** A timer that tells no one. */
  public PhaseTimer() {
    this(phase -> {});
  }

  /** A timer that tells {@code listener}. */
  public PhaseTimer(Listener listener) {
    this.listener = listener;
  }

  /** Runs {@code work} as phase {@code phase}, adding its wall time to the phase's. */
  public <T> T time(String phase, Supplier<T> work) {
    return time(phase, work, result -> List.of());
  }

  /**
   * As {@link #time(String, Supplier)}, telling the listener what {@code counts} says of the result
   * when the phase ends.
   */
  public <T> T time(String phase, Supplier<T> work, Function<T, List<Count>> counts) {
    listener.started(phase);
    long start = System.nanoTime();
    T result;
    try {
      result = work.get();
    } finally {
      millis.merge(phase, (System.nanoTime() - start) / 1_000_000, Long::sum);
    }
    listener.ended(phase, (System.nanoTime() - start) / 1_000_000, counts.apply(result));
    return result;
  }

  /** Tells the listener that {@code done} of {@code total} {@code unit} of a phase are done. */
  public void advance(String phase, long done, long total, String unit) {
    listener.advanced(phase, done, total, unit);
  }

  /** The phases' wall times so far. */
  public Map<String, Long> millis() {
    synchronized (millis) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(millis));
    }
  }
}
