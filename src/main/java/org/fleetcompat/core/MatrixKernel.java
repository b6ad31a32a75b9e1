package org.fleetcompat.core;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Computes, for VM classes, the set of compatible host classes: the AND over the VM's vectors of
 * the host classes each vector passes on ({@link HostClassIndex#passing}).
 *
 * <p>Per VM class the work is one lookup and one word-wise AND of {@code hostClasses / 64} words
 * per vector: no per-pair work. Equal and the ordered operations are answered from the index in
 * O(log distinct + sqrt(distinct)); the mask operations scan the distinct host values, so where a
 * column has many of them the answer for each distinct VM value is cached, because real fleets
 * repeat the same few values across thousands of VM classes.
 *
 * <p>Not thread safe: use one kernel per task or thread. The cache is dropped when it holds more
 * than {@link #MAX_CACHED_WORDS} words.
 *
 * <pre>{@code
 * MatrixKernel kernel = new MatrixKernel(HostClassIndex.of(hostClasses));
 * BitSet hosts = kernel.compatibleHostClasses(vmClass);
 * }</pre>
 */
public final class MatrixKernel {
  /** A mask column with at least this many distinct host values has its answers cached. */
  public static final int CACHE_FROM_DISTINCT_VALUES = 16;

  /** The most 64-bit words the cache holds (64 MiB) before it is cleared. */
  public static final long MAX_CACHED_WORDS = 8L << 20;

  private final HostClassIndex hosts;
  private final int cacheFromDistinctValues;
  private final BitSet allHostClasses;
  private final Map<ValueKey, BitSet> cache = new HashMap<>();
  private long cachedWords;

  /** A kernel over the indexed host classes. */
  public MatrixKernel(HostClassIndex hosts) {
    this(hosts, CACHE_FROM_DISTINCT_VALUES);
  }

  /** A kernel that caches mask columns from this many distinct values on (tests set 0 or max). */
  MatrixKernel(HostClassIndex hosts, int cacheFromDistinctValues) {
    this.hosts = hosts;
    this.cacheFromDistinctValues = cacheFromDistinctValues;
    this.allHostClasses = new BitSet(hosts.hostClassCount());
    this.allHostClasses.set(0, hosts.hostClassCount());
  }

  /**
   * The host classes every vector of {@code vmClass} passes on. A VM with no vectors passes on
   * every host class. Returns a new set the caller owns.
   */
  public BitSet compatibleHostClasses(VectorSet vmClass) {
    BitSet result = null;
    for (int i = 0; i < vmClass.size(); i++) {
      int id = vmClass.vectorId(i);
      CompareOperation op = vmClass.operation(i);
      long value = vmClass.value(i);
      if (isCached(id, op)) {
        BitSet shared = cached(id, op, value);
        if (result == null) {
          result = (BitSet) shared.clone();
        } else {
          result.and(shared);
        }
      } else if (result == null) {
        result = hosts.passing(id, op, value);
      } else {
        result.and(hosts.passing(id, op, value));
      }
      if (result.isEmpty()) {
        return result;
      }
    }
    return result == null ? (BitSet) allHostClasses.clone() : result;
  }

  private boolean isCached(int vectorId, CompareOperation op) {
    return !op.isOrdered()
        && op != CompareOperation.EQUAL
        && hosts.distinctValues(vectorId, op) >= cacheFromDistinctValues;
  }

  private BitSet cached(int vectorId, CompareOperation op, long value) {
    ValueKey key = new ValueKey(vectorId, op, value);
    BitSet bits = cache.get(key);
    if (bits == null) {
      bits = hosts.passing(vectorId, op, value);
      long words = (bits.length() + 63) / 64 + 4;
      if (cachedWords + words > MAX_CACHED_WORDS) {
        cache.clear();
        cachedWords = 0;
      }
      cache.put(key, bits);
      cachedWords += words;
    }
    return bits;
  }

  private record ValueKey(int vectorId, CompareOperation op, long value) {}
}
