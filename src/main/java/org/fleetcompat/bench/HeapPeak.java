package org.fleetcompat.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The peak heap use of this JVM over one in-process measurement: a full GC, the pools' peaks reset
 * at {@link #start()}, their peaks summed at {@link #peakBytes()}. Native memory (DuckDB's,
 * Netty's) is not in it. Not thread safe: one measurement at a time.
 */
final class HeapPeak {
  private final List<MemoryPoolMXBean> pools;

  private HeapPeak(List<MemoryPoolMXBean> pools) {
    this.pools = pools;
  }

  /** Collects garbage and starts a measurement. */
  static HeapPeak start() {
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    return new HeapPeak(heap);
  }

  /** The highest heap use since {@link #start()}, all heap pools summed, in bytes. */
  long peakBytes() {
    return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }
}
