package org.fleetcompat.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall time per named phase of a job, in milliseconds, in the order each phase first ended. Thread
 * safe: phases that overlap (the background writes and the summaries) each add their own wall time,
 * so the phases may sum to more than the run took.
 */
final class PhaseTimer {
  private final Map<String, Long> millis = Collections.synchronizedMap(new LinkedHashMap<>());

  <T> T time(String phase, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      millis.merge(phase, (System.nanoTime() - start) / 1_000_000, Long::sum);
    }
  }

  Map<String, Long> millis() {
    synchronized (millis) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(millis));
    }
  }
}
