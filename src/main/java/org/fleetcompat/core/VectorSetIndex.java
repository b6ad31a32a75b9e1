package org.fleetcompat.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Distinct vector sets numbered 0, 1, ... in the order they were first added, found by value. A set
 * can be looked up from its sorted arrays ({@link #numberOfSorted}), so that a fleet of millions of
 * systems in a few thousand classes makes a {@link VectorSet} only once per class, not once per
 * system.
 *
 * <pre>{@code
 * VectorSetIndex index = new VectorSetIndex();
 * int a = index.numberOf(vm);                          // 0: new
 * int b = index.numberOfSorted(ids, ops, values, n);   // 0 again when the arrays hold vm's vectors
 * }</pre>
 *
 * An open-addressing table of set numbers with their hashes. Not thread safe; serializable.
 */
public final class VectorSetIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<VectorSet> sets = new ArrayList<>();

  /** Slot to set number + 1; 0 is an empty slot. The length is a power of two. */
  private int[] slots = new int[16];

  /** Slot to the hash of the set in it. */
  private int[] hashes = new int[16];

  /** How many distinct sets. */
  public int size() {
    return sets.size();
  }

  /** Set number {@code n}. */
  public VectorSet get(int n) {
    return sets.get(n);
  }

  /** The number of {@code set}, adding it if it is new. */
  public int numberOf(VectorSet set) {
    int h = set.hashCode();
    int mask = slots.length - 1;
    for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
      if (slots[i] == 0) {
        return add(set, h);
      }
      if (hashes[i] == h && sets.get(slots[i] - 1).equals(set)) {
        return slots[i] - 1;
      }
    }
  }

  /**
   * The number of the set the leading {@code count} entries of the arrays make, adding it if it is
   * new. The arrays are read, not kept.
   *
   * @throws IllegalArgumentException as {@link VectorSet#ofSorted} when the set is new and the ids
   *     do not ascend strictly or an operation code is unknown
   */
  public int numberOfSorted(int[] vectorIds, byte[] operationCodes, long[] values, int count) {
    int h = VectorSet.hashOf(vectorIds, operationCodes, values, count);
    int mask = slots.length - 1;
    for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
      if (slots[i] == 0) {
        return add(VectorSet.ofSorted(vectorIds, operationCodes, values, count), h);
      }
      if (hashes[i] == h
          && sets.get(slots[i] - 1).equalsSorted(vectorIds, operationCodes, values, count)) {
        return slots[i] - 1;
      }
    }
  }

  private int add(VectorSet set, int hash) {
    int n = sets.size();
    sets.add(set);
    if (2 * sets.size() > slots.length) {
      rehash(slots.length * 2);
    } else {
      place(n, hash);
    }
    return n;
  }

  private void rehash(int length) {
    slots = new int[length];
    hashes = new int[length];
    for (int n = 0; n < sets.size(); n++) {
      place(n, sets.get(n).hashCode());
    }
  }

  private void place(int n, int hash) {
    int mask = slots.length - 1;
    int i = mix(hash) & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = n + 1;
    hashes[i] = hash;
  }

  /** Spreads a polynomial hash's bits over the low ones the table indexes by. */
  private static int mix(int h) {
    h *= 0x9e3779b9;
    return h ^ (h >>> 16);
  }
}
