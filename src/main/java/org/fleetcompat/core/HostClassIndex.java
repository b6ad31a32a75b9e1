package org.fleetcompat.core;

import java.io.Serializable;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The host side of the matrix, indexed for the kernel: per ({@code vector_id}, operation), the
 * distinct host values in unsigned order and, for each, the host classes holding it.
 *
 * <p>Built once on the driver from the host classes (thousands at most) and broadcast to every
 * task. Immutable after construction and thread safe. Host-class sets are {@link BitSet}s of {@link
 * #hostClassCount()} bits: dense words are what makes the kernel's per-VM-class AND cheap. Memory:
 * one int per host vector, plus for the ordered operations O(sqrt(distinct values)) checkpoint sets
 * per column.
 *
 * <p>Host classes with another operation for the id, or without the id, are simply absent from the
 * column: that is how {@code OPERATION_MISMATCH} and {@code MISSING_ON_HOST} fail in the same pass
 * as the compares. {@link #holding}, {@link #holdingId} and {@link #holdingValue} name those
 * classes, for splitting failures by reason.
 */
public final class HostClassIndex implements Serializable {
  private static final long serialVersionUID = 2L;

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
    Map<Long, Map<Long, BitSet>> byKey = new HashMap<>();
    for (int hc = 0; hc < hostClasses.size(); hc++) {
      VectorSet host = hostClasses.get(hc);
      for (int i = 0; i < host.size(); i++) {
        byKey
            .computeIfAbsent(key(host.vectorId(i), host.operation(i)), k -> new HashMap<>())
            .computeIfAbsent(host.value(i), v -> new BitSet())
            .set(hc);
      }
    }
    Map<Long, Column> columns = new HashMap<>();
    byKey.forEach(
        (k, holders) ->
            columns.put(
                k,
                Column.of(
                    holders, CompareOperation.ofCode(k & 0xff).isOrdered(), hostClasses.size())));
    return new HostClassIndex(hostClasses.size(), columns);
  }

  /** How many host classes the index covers. */
  public int hostClassCount() {
    return hostClassCount;
  }

  /**
   * The host classes on which one VM vector passes, as a new set the caller owns. Cost: a hash
   * lookup, then a binary search for Equal, a binary search plus one checkpoint and at most
   * sqrt(distinct) buckets for the ordered operations, a scan of the distinct values for the mask
   * operations.
   */
  public BitSet passing(int vectorId, CompareOperation op, long vmValue) {
    Column column = columns.get(key(vectorId, op));
    return column == null ? new BitSet() : column.passing(op, vmValue);
  }

  /**
   * How many distinct host values a VM vector of this id and operation is compared against (0 if no
   * host class has it). The kernel caches only where this makes a lookup expensive.
   */
  public int distinctValues(int vectorId, CompareOperation op) {
    Column column = columns.get(key(vectorId, op));
    return column == null ? 0 : column.values.length;
  }

  /**
   * The host classes that have {@code vectorId} with operation {@code op} (whatever the value), as
   * a new set the caller owns: the classes on which a VM vector of that id and operation is
   * compared at all. Cost: a hash lookup and O(host classes in the column).
   */
  public BitSet holding(int vectorId, CompareOperation op) {
    Column column = columns.get(key(vectorId, op));
    return column == null ? new BitSet() : column.holdingAny();
  }

  /**
   * The host classes that have {@code vectorId} with any operation, as a new set the caller owns;
   * the others are where a VM vector of that id fails with {@link Reason#MISSING_ON_HOST}. Cost:
   * one hash lookup per operation and O(host classes holding the id).
   */
  public BitSet holdingId(int vectorId) {
    BitSet out = new BitSet();
    for (CompareOperation op : CompareOperation.values()) {
      Column column = columns.get(key(vectorId, op));
      if (column != null) {
        out.or(column.holdingAny());
      }
    }
    return out;
  }

  /**
   * The host classes that have {@code vectorId} with operation {@code op} and exactly the value
   * {@code hostValue}, as a new set the caller owns (for example the Multiple holders of 0, where
   * every VM vector fails with {@link Reason#ZERO_OPERAND}). Cost: a hash lookup and a binary
   * search.
   */
  public BitSet holdingValue(int vectorId, CompareOperation op, long hostValue) {
    Column column = columns.get(key(vectorId, op));
    return column == null ? new BitSet() : column.holdingValue(hostValue);
  }

  private static long key(int vectorId, CompareOperation op) {
    return (Integer.toUnsignedLong(vectorId) << 8) | op.code();
  }

  /** One ({@code vector_id}, operation) column: distinct values ascending (unsigned). */
  private static final class Column implements Serializable {
    private static final long serialVersionUID = 2L;
    private final long[] values;

    /** The host classes holding each value, ascending: small, so kept as plain arrays. */
    private final int[][] holders;

    /**
     * Checkpoints for the ordered operations, every {@code step} values: {@code prefix[c]} holds
     * the classes of the buckets before position {@code c * step}, {@code suffix[c]} those from
     * there on. A prefix or suffix union then costs one checkpoint copy plus at most {@code step -
     * 1} buckets: O(sqrt(distinct)) instead of O(distinct).
     */
    private final int step;

    private final BitSet[] prefix;
    private final BitSet[] suffix;

    private Column(long[] values, int[][] holders, int step, BitSet[] prefix, BitSet[] suffix) {
      this.values = values;
      this.holders = holders;
      this.step = step;
      this.prefix = prefix;
      this.suffix = suffix;
    }

    static Column of(Map<Long, BitSet> holdersByValue, boolean ordered, int hostClasses) {
      long[] values = holdersByValue.keySet().stream().mapToLong(Long::longValue).toArray();
      // Unsigned order: flip the sign bit, sort signed, flip back.
      for (int i = 0; i < values.length; i++) {
        values[i] ^= Long.MIN_VALUE;
      }
      Arrays.sort(values);
      int n = values.length;
      int[][] holders = new int[n][];
      for (int i = 0; i < n; i++) {
        values[i] ^= Long.MIN_VALUE;
        holders[i] = holdersByValue.get(values[i]).stream().toArray();
      }
      if (!ordered) {
        return new Column(values, holders, 0, null, null);
      }
      int step = Math.max(1, (int) Math.sqrt(n));
      BitSet[] prefix = new BitSet[n / step + 1];
      BitSet[] suffix = new BitSet[n / step + 1];
      BitSet acc = new BitSet(hostClasses);
      for (int i = 0; i <= n; i++) {
        if (i % step == 0) {
          prefix[i / step] = (BitSet) acc.clone();
        }
        if (i < n) {
          set(acc, holders[i]);
        }
      }
      acc = new BitSet(hostClasses);
      for (int i = n; i >= 0; i--) {
        if (i < n) {
          set(acc, holders[i]);
        }
        if (i % step == 0) {
          suffix[i / step] = (BitSet) acc.clone();
        }
      }
      return new Column(values, holders, step, prefix, suffix);
    }

    BitSet passing(CompareOperation op, long vm) {
      return switch (op) {
        case EQUAL -> holdingValue(vm);
        // vm > host: every host value strictly below vm.
        case GREATER_THAN -> prefixUnion(lowerBound(vm));
        case GREATER_THAN_OR_EQUAL -> prefixUnion(upperBound(vm));
        // vm < host: every host value strictly above vm.
        case LESS_THAN -> suffixUnion(upperBound(vm));
        case LESS_THAN_OR_EQUAL -> suffixUnion(lowerBound(vm));
        default -> scan(op, vm);
      };
    }

    BitSet holdingValue(long value) {
      int i = lowerBound(value);
      BitSet out = new BitSet();
      if (i < values.length && values[i] == value) {
        set(out, holders[i]);
      }
      return out;
    }

    BitSet holdingAny() {
      BitSet out = new BitSet();
      for (int[] classes : holders) {
        set(out, classes);
      }
      return out;
    }

    private BitSet scan(CompareOperation op, long vm) {
      BitSet out = new BitSet();
      for (int i = 0; i < values.length; i++) {
        if (op.passes(vm, values[i])) {
          set(out, holders[i]);
        }
      }
      return out;
    }

    /** The classes of the buckets in [0, to). */
    private BitSet prefixUnion(int to) {
      int c = to / step;
      BitSet out = (BitSet) prefix[c].clone();
      for (int i = c * step; i < to; i++) {
        set(out, holders[i]);
      }
      return out;
    }

    /** The classes of the buckets in [from, n). */
    private BitSet suffixUnion(int from) {
      int c = (from + step - 1) / step;
      BitSet out = c * step < values.length ? (BitSet) suffix[c].clone() : new BitSet();
      for (int i = from; i < Math.min(c * step, values.length); i++) {
        set(out, holders[i]);
      }
      return out;
    }

    private static void set(BitSet bits, int[] classes) {
      for (int c : classes) {
        bits.set(c);
      }
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
