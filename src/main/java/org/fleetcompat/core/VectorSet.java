package org.fleetcompat.core;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The compatibility vectors of one system (a VM or a host), sorted by {@code vector_id}, at most
 * one per id. Immutable and thread safe; equal vector sets define a class (SPEC section 6).
 *
 * <p>{@code vector_id} is an unsigned 32-bit value held in an {@code int}; values are raw 64-bit
 * patterns read as unsigned. Build one with {@link #builder()}; the io layer has already rejected
 * duplicate ids, so the builder treats them as a programming error.
 *
 * <pre>{@code
 * VectorSet vm = VectorSet.builder()
 *     .add(0x10000102, CompareOperation.SUB_SET, 0x3e98320bL)
 *     .add(1, CompareOperation.EQUAL, 2)
 *     .build();
 * }</pre>
 */
public final class VectorSet implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final VectorSet EMPTY = new VectorSet(new int[0], new byte[0], new long[0]);

  private final int[] vectorIds;
  private final byte[] operationCodes;
  private final long[] values;
  private final int hash;

  private VectorSet(int[] vectorIds, byte[] operationCodes, long[] values) {
    this.vectorIds = vectorIds;
    this.operationCodes = operationCodes;
    this.values = values;
    this.hash = hashOf(vectorIds, operationCodes, values, vectorIds.length);
  }

  /** The hash code of the set the leading {@code count} entries of the arrays make. */
  static int hashOf(int[] vectorIds, byte[] operationCodes, long[] values, int count) {
    int ids = 1;
    int ops = 1;
    int vals = 1;
    for (int i = 0; i < count; i++) {
      ids = 31 * ids + vectorIds[i];
      ops = 31 * ops + operationCodes[i];
      vals = 31 * vals + Long.hashCode(values[i]);
    }
    return 31 * (31 * ids + ops) + vals;
  }

  /** Whether this set is the one the leading {@code count} entries of the arrays make. */
  boolean equalsSorted(int[] vectorIds, byte[] operationCodes, long[] values, int count) {
    return this.vectorIds.length == count
        && Arrays.equals(this.vectorIds, 0, count, vectorIds, 0, count)
        && Arrays.equals(this.operationCodes, 0, count, operationCodes, 0, count)
        && Arrays.equals(this.values, 0, count, values, 0, count);
  }

  /** The set with no vectors. */
  public static VectorSet empty() {
    return EMPTY;
  }

  /**
   * The set of vectors already in ascending unsigned {@code vector_id} order, at most one per id:
   * the arrays are copied, checked in one pass, and no sort is done (what validation hands over,
   * for every system of a fleet).
   *
   * @param count how many leading entries of the arrays to take
   * @throws IllegalArgumentException if the ids are not strictly ascending or an operation code is
   *     not 0..9
   */
  public static VectorSet ofSorted(
      int[] vectorIds, byte[] operationCodes, long[] values, int count) {
    for (int i = 0; i < count; i++) {
      if (i > 0 && Integer.compareUnsigned(vectorIds[i - 1], vectorIds[i]) >= 0) {
        throw new IllegalArgumentException(
            "vector_ids must ascend strictly: "
                + Hex.vectorId(vectorIds[i - 1])
                + " then "
                + Hex.vectorId(vectorIds[i]));
      }
      if (!CompareOperation.isKnown(operationCodes[i])) {
        throw new IllegalArgumentException("Unknown compare_operation " + operationCodes[i]);
      }
    }
    if (count == 0) {
      return EMPTY;
    }
    return new VectorSet(
        Arrays.copyOf(vectorIds, count),
        Arrays.copyOf(operationCodes, count),
        Arrays.copyOf(values, count));
  }

  /** A new builder. Not thread safe. */
  public static Builder builder() {
    return new Builder();
  }

  /** How many vectors the system has. */
  public int size() {
    return vectorIds.length;
  }

  /** The {@code vector_id} at position {@code i} (unsigned 32-bit, ascending). */
  public int vectorId(int i) {
    return vectorIds[i];
  }

  /** The compare operation at position {@code i}. */
  public CompareOperation operation(int i) {
    return CompareOperation.ofCode(operationCodes[i]);
  }

  /** The raw value at position {@code i}. */
  public long value(int i) {
    return values[i];
  }

  /**
   * The position of {@code vectorId}, or a negative number if the system has no such vector. Binary
   * search, O(log size).
   */
  public int indexOf(int vectorId) {
    int lo = 0;
    int hi = vectorIds.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Integer.compareUnsigned(vectorIds[mid], vectorId);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VectorSet other
        && hash == other.hash
        && Arrays.equals(vectorIds, other.vectorIds)
        && Arrays.equals(operationCodes, other.operationCodes)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < size(); i++) {
      if (i > 0) {
        s.append("; ");
      }
      s.append(Hex.vectorId(vectorIds[i]))
          .append(' ')
          .append(operation(i).displayName())
          .append(' ')
          .append(Hex.value(values[i]));
    }
    return s.append(']').toString();
  }

  /** Collects vectors in any order and sorts them by id. Not thread safe. */
  public static final class Builder {
    private int[] ids = new int[8];
    private byte[] ops = new byte[8];
    private long[] vals = new long[8];
    private int n;

    private Builder() {}

    /** Adds one vector; ids must be distinct within a system. */
    public Builder add(int vectorId, CompareOperation operation, long value) {
      if (n == ids.length) {
        ids = Arrays.copyOf(ids, n * 2);
        ops = Arrays.copyOf(ops, n * 2);
        vals = Arrays.copyOf(vals, n * 2);
      }
      ids[n] = vectorId;
      ops[n] = (byte) operation.code();
      vals[n] = value;
      n++;
      return this;
    }

    /**
     * The sorted, immutable set.
     *
     * @throws IllegalArgumentException if two vectors share an id
     */
    public VectorSet build() {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Integer.compareUnsigned(ids[a], ids[b]));
      int[] sortedIds = new int[n];
      byte[] sortedOps = new byte[n];
      long[] sortedVals = new long[n];
      for (int i = 0; i < n; i++) {
        sortedIds[i] = ids[order[i]];
        sortedOps[i] = ops[order[i]];
        sortedVals[i] = vals[order[i]];
        if (i > 0 && sortedIds[i] == sortedIds[i - 1]) {
          throw new IllegalArgumentException(
              "Duplicate vector_id " + Hex.vectorId(sortedIds[i]) + " in one system");
        }
      }
      return new VectorSet(sortedIds, sortedOps, sortedVals);
    }
  }
}
