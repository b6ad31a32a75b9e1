package org.fleetcompat.core;

import java.util.HashMap;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * Computes, for VM classes, the bitmap of compatible host classes: the AND over the VM's vectors of
 * the host classes each vector passes on ({@link HostClassIndex#passing}).
 *
 * <p>Each distinct ({@code vector_id}, operation, value) seen by this kernel is compared against
 * the host side once and its bitmap cached, because real fleets repeat the same few values across
 * thousands of VM classes. No per-pair work is done beyond bitmap words.
 *
 * <p>Not thread safe: use one kernel per task or thread. The cache grows with the distinct VM
 * values seen and is dropped when it passes {@link #MAX_CACHED_VALUES}.
 *
 * <pre>{@code
 * MatrixKernel kernel = new MatrixKernel(HostClassIndex.of(hostClasses));
 * RoaringBitmap hosts = kernel.compatibleHostClasses(vmClass);
 * }</pre>
 */
public final class MatrixKernel {
  /** The most distinct VM values cached before the cache is cleared. */
  public static final int MAX_CACHED_VALUES = 1 << 20;

  private final HostClassIndex hosts;
  private final RoaringBitmap allHostClasses;
  private final Map<ValueKey, RoaringBitmap> cache = new HashMap<>();

  /** A kernel over the indexed host classes. */
  public MatrixKernel(HostClassIndex hosts) {
    this.hosts = hosts;
    this.allHostClasses = new RoaringBitmap();
    this.allHostClasses.add(0L, hosts.hostClassCount());
  }

  /**
   * The host classes every vector of {@code vmClass} passes on. A VM with no vectors passes on
   * every host class. Returns a new bitmap the caller owns.
   */
  public RoaringBitmap compatibleHostClasses(VectorSet vmClass) {
    RoaringBitmap result = null;
    for (int i = 0; i < vmClass.size(); i++) {
      RoaringBitmap passing = passing(vmClass.vectorId(i), vmClass.operation(i), vmClass.value(i));
      if (result == null) {
        result = passing.clone();
      } else {
        result.and(passing);
      }
      if (result.isEmpty()) {
        return result;
      }
    }
    return result == null ? allHostClasses.clone() : result;
  }

  private RoaringBitmap passing(int vectorId, CompareOperation op, long value) {
    ValueKey key = new ValueKey(vectorId, op, value);
    RoaringBitmap cached = cache.get(key);
    if (cached == null) {
      if (cache.size() >= MAX_CACHED_VALUES) {
        cache.clear();
      }
      cached = hosts.passing(vectorId, op, value);
      cached.runOptimize();
      cache.put(key, cached);
    }
    return cached;
  }

  private record ValueKey(int vectorId, CompareOperation op, long value) {}
}
