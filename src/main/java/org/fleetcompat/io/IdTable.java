package org.fleetcompat.io;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Ids as bytes to dense numbers 0, 1, 2, ... in order of first sight: the readers' lookup of a
 * row's system, among one bucket's ids, when the rows of a system are not next to each other in a
 * file (as Spark writes a shuffled table) and the id column is not dictionary-encoded. Open
 * addressing over int arrays and one byte arena, so a lookup touches two arrays and makes no
 * object: a {@code HashMap} keyed by parquet-mr's {@code Binary} cost ~1 us per row here, in
 * pointer chasing. Not thread safe.
 */
final class IdTable {
  private static final int EMPTY = -1;

  private int[] slots = new int[1 << 10];
  private int[] hashes = new int[1 << 9];
  private int[] offsets = new int[(1 << 9) + 1];
  private byte[] arena = new byte[1 << 14];
  private int size;

  /** How many ids. */
  int size() {
    return size;
  }

  /**
   * The number of the id in {@code bytes} (position to limit), added if new.
   *
   * @param h the bytes' {@link IdHash}
   */
  int indexOf(ByteBuffer bytes, int h) {
    int from = bytes.position();
    int length = bytes.remaining();
    int mask = slots.length - 1;
    for (int s = mix(h) & mask; ; s = (s + 1) & mask) {
      int e = slots[s];
      if (e == EMPTY) {
        return add(s, h, bytes, from, length);
      }
      if (hashes[e] == h && sameBytes(e, bytes, from, length)) {
        return e;
      }
    }
  }

  private boolean sameBytes(int e, ByteBuffer bytes, int from, int length) {
    int at = offsets[e];
    if (offsets[e + 1] - at != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (arena[at + i] != bytes.get(from + i)) {
        return false;
      }
    }
    return true;
  }

  private int add(int slot, int hash, ByteBuffer bytes, int from, int length) {
    if (size + 1 == hashes.length) {
      hashes = Arrays.copyOf(hashes, size * 2);
      offsets = Arrays.copyOf(offsets, size * 2 + 1);
    }
    int at = offsets[size];
    if (at + length > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, at + length));
    }
    for (int i = 0; i < length; i++) {
      arena[at + i] = bytes.get(from + i);
    }
    int e = size++;
    hashes[e] = hash;
    offsets[e + 1] = at + length;
    slots[slot] = e;
    if (2 * size > slots.length) {
      rehash();
    }
    return e;
  }

  private void rehash() {
    int[] grown = new int[slots.length * 2];
    Arrays.fill(grown, EMPTY);
    int mask = grown.length - 1;
    for (int e = 0; e < size; e++) {
      int s = mix(hashes[e]) & mask;
      while (grown[s] != EMPTY) {
        s = (s + 1) & mask;
      }
      grown[s] = e;
    }
    slots = grown;
  }

  {
    Arrays.fill(slots, EMPTY);
  }

  /** MurmurHash3's finalizer: the polynomial hash of similar ids differs only in low bits. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }
}
