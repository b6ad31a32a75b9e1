package org.fleetcompat.pipeline;

import org.fleetcompat.core.Utf8Order;

/**
 * Sorts positions by the ids at them (UTF-8 order) without boxing: a natural merge sort, which
 * finds the ascending runs first, so the few long runs a bucket's splits hand over (each split's
 * systems in file order) merge in a handful of passes. Stable. Stateless.
 */
final class IdSort {
  private IdSort() {}

  /** Sorts {@code positions} in place so that {@code ids[positions[i]]} ascends. */
  static void sort(String[] ids, int[] positions) {
    int n = positions.length;
    int[] runEnds = runEnds(ids, positions);
    int runs = runEnds.length;
    int[] from = positions;
    int[] to = new int[n];
    while (runs > 1) {
      int merged = 0;
      int start = 0;
      for (int r = 0; r < runs; r += 2) {
        int mid = runEnds[r];
        int end = r + 1 < runs ? runEnds[r + 1] : mid;
        merge(ids, from, to, start, mid, end);
        runEnds[merged++] = end;
        start = end;
      }
      runs = merged;
      int[] t = from;
      from = to;
      to = t;
    }
    if (from != positions) {
      System.arraycopy(from, 0, positions, 0, n);
    }
  }

  /** Where each maximal non-descending run of {@code positions} ends (exclusive). */
  private static int[] runEnds(String[] ids, int[] positions) {
    int n = positions.length;
    int count = 0;
    int[] ends = new int[Math.max(1, n)];
    for (int i = 1; i <= n; i++) {
      if (i == n || Utf8Order.compare(ids[positions[i - 1]], ids[positions[i]]) > 0) {
        ends[count++] = i;
      }
    }
    if (count == 0) {
      ends[count++] = 0;
    }
    return java.util.Arrays.copyOf(ends, count);
  }

  private static void merge(String[] ids, int[] from, int[] to, int start, int mid, int end) {
    int a = start;
    int b = mid;
    for (int o = start; o < end; o++) {
      if (b >= end || (a < mid && Utf8Order.compare(ids[from[a]], ids[from[b]]) <= 0)) {
        to[o] = from[a++];
      } else {
        to[o] = from[b++];
      }
    }
  }
}
