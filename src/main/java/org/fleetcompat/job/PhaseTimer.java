package org.fleetcompat.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall time per named phase of a job, in milliseconds, in the order the phases ran. Thread safe:
 * phases that overlap each add their own wall time.
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
