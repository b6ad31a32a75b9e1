package org.fleetcompat.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * The host side of the matrix, indexed for the kernel: per ({@code vector_id}, operation), the
 * distinct host values in unsigned order and, for each, the bitmap of host classes holding it.
 *
 * <p>Built once on the driver from the host classes (small: thousands) and broadcast to every task.
 * Immutable after construction and thread safe. Memory: one bitmap entry per host class and host
 * vector, plus one sorted {@code long} per distinct value.
 *
 * <p>Host classes with another operation for the id, or without the id, are simply absent from the
 * column: that is how {@code OPERATION_MISMATCH} and {@code MISSING_ON_HOST} fail in the same pass
 * as the compares.
 */
public final class HostClassIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int hostClassCount;
  private final Map<Long, Column> columns;

  private HostClassIndex(int hostClassCount, Map<Long, Column> columns) {
    this.hostClassCount = hostClassCount;
    this.columns = columns;
  }

  /**
   * Indexes the host classes; class {@code i} of the list gets host-class number {@code i}. Cost
   * O(host vectors x log).
   */
  public static HostClassIndex of(List<VectorSet> hostClasses) {
    Map<Long, Map<Long, RoaringBitmap>> byKey = new HashMap<>();
    for (int hc = 0; hc < hostClasses.size(); hc++) {
      VectorSet host = hostClasses.get(hc);
      for (int i = 0; i < host.size(); i++) {
        byKey
            .computeIfAbsent(key(host.vectorId(i), host.operation(i)), k -> new HashMap<>())
            .computeIfAbsent(host.value(i), v -> new RoaringBitmap())
            .add(hc);
      }
    }
    Map<Long, Column> columns = new HashMap<>();
    byKey.forEach(
        (k, holders) ->
            columns.put(k, Column.of(holders, CompareOperation.ofCode(k & 0xff).isOrdered())));
    return new HostClassIndex(hostClasses.size(), columns);
  }

  /** How many host classes the index covers. */
  public int hostClassCount() {
    return hostClassCount;
  }

  /**
   * The host classes on which one VM vector passes. A new bitmap the caller may modify. Cost: a
   * hash lookup, then O(log distinct) for Equal, a union of the passing value buckets for the
   * ordered operations, a scan of the distinct values for the mask operations.
   */
  public RoaringBitmap passing(int vectorId, CompareOperation op, long vmValue) {
    Column column = columns.get(key(vectorId, op));
    if (column == null) {
      return new RoaringBitmap();
    }
    return column.passing(op, vmValue);
  }

  private static long key(int vectorId, CompareOperation op) {
    return (Integer.toUnsignedLong(vectorId) << 8) | op.code();
  }

  /** One ({@code vector_id}, operation) column: distinct values ascending (unsigned). */
  private static final class Column implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long[] values;
    private final RoaringBitmap[] holders;

    /**
     * Checkpoints for the ordered operations, every {@code step} values: {@code prefix[c]} holds
     * the union of the buckets before position {@code c * step}, {@code suffix[c]} the union from
     * there on. A prefix or suffix union then costs one checkpoint plus at most {@code step - 1}
     * buckets: O(sqrt(distinct)) instead of O(distinct), in O(sqrt(distinct)) bitmaps of memory.
     */
    private final int step;

    private final RoaringBitmap[] prefix;
    private final RoaringBitmap[] suffix;

    private Column(long[] values, RoaringBitmap[] holders, boolean ordered) {
      this.values = values;
      this.holders = holders;
      int n = values.length;
      // Only the ordered operations take prefix or suffix unions.
      this.step = ordered ? Math.max(1, (int) Math.sqrt(n)) : n + 1;
      int checkpoints = n / step + 1;
      this.prefix = new RoaringBitmap[checkpoints];
      this.suffix = new RoaringBitmap[checkpoints];
      RoaringBitmap acc = new RoaringBitmap();
      for (int i = 0; i <= n; i++) {
        if (i % step == 0) {
          prefix[i / step] = acc.clone();
        }
        if (i < n) {
          acc.or(holders[i]);
        }
      }
      acc = new RoaringBitmap();
      for (int i = n; i >= 0; i--) {
        if (i < n) {
          acc.or(holders[i]);
        }
        if (i % step == 0) {
          suffix[i / step] = acc.clone();
        }
      }
      for (RoaringBitmap b : prefix) {
        b.runOptimize();
      }
      for (RoaringBitmap b : suffix) {
        b.runOptimize();
      }
    }

    static Column of(Map<Long, RoaringBitmap> holdersByValue, boolean ordered) {
      long[] values = holdersByValue.keySet().stream().mapToLong(Long::longValue).toArray();
      // Unsigned order: flip the sign bit, sort signed, flip back.
      for (int i = 0; i < values.length; i++) {
        values[i] ^= Long.MIN_VALUE;
      }
      Arrays.sort(values);
      RoaringBitmap[] holders = new RoaringBitmap[values.length];
      for (int i = 0; i < values.length; i++) {
        values[i] ^= Long.MIN_VALUE;
        holders[i] = holdersByValue.get(values[i]);
        holders[i].runOptimize();
      }
      return new Column(values, holders, ordered);
    }

    RoaringBitmap passing(CompareOperation op, long vm) {
      return switch (op) {
        case EQUAL -> {
          int i = lowerBound(vm);
          yield i < values.length && values[i] == vm ? holders[i].clone() : new RoaringBitmap();
        }
        // vm > host: every host value strictly below vm.
        case GREATER_THAN -> union(0, lowerBound(vm));
        case GREATER_THAN_OR_EQUAL -> union(0, upperBound(vm));
        // vm < host: every host value strictly above vm.
        case LESS_THAN -> union(upperBound(vm), values.length);
        case LESS_THAN_OR_EQUAL -> union(lowerBound(vm), values.length);
        default -> scan(op, vm);
      };
    }

    private RoaringBitmap scan(CompareOperation op, long vm) {
      List<RoaringBitmap> passing = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        if (op.passes(vm, values[i])) {
          passing.add(holders[i]);
        }
      }
      return FastAggregation.or(passing.iterator());
    }

    /** The union of the buckets in [from, to), where the range is a prefix or a suffix. */
    private RoaringBitmap union(int from, int to) {
      if (from >= to) {
        return new RoaringBitmap();
      }
      if (from == 0) {
        int c = to / step;
        RoaringBitmap out = prefix[c].clone();
        for (int i = c * step; i < to; i++) {
          out.or(holders[i]);
        }
        return out;
      }
      int c = (from + step - 1) / step;
      RoaringBitmap out = c * step < values.length ? suffix[c].clone() : new RoaringBitmap();
      for (int i = from; i < Math.min(c * step, to); i++) {
        out.or(holders[i]);
      }
      return out;
    }

    /** The first position whose value is not below {@code v} (unsigned). */
    private int lowerBound(long v) {
      int lo = 0;
      int hi = values.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (Long.compareUnsigned(values[mid], v) < 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** The first position whose value is above {@code v} (unsigned). */
    private int upperBound(long v) {
      int lo = 0;
      int hi = values.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (Long.compareUnsigned(values[mid], v) <= 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
