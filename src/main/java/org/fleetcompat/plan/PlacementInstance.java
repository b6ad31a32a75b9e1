package org.fleetcompat.plan;

/**
 * One multi-dimensional bin-packing instance: items (VMs) to place on bins (hosts), each item only
 * on its candidate bins (the compatible ones), the items on one bin within its free capacity in
 * every dimension. Arrays are owned by the instance and must not change. Not thread safe.
 *
 * @param demand per item, its demand per dimension ({@code >= 0})
 * @param free per bin, its free capacity per dimension (negative: overcommitted; only an item of
 *     demand 0 in that dimension fits)
 * @param candidates per item, its candidate bins in preference order (first fit takes the first
 *     with room)
 */
public record PlacementInstance(long[][] demand, long[][] free, int[][] candidates) {

  /** How many items. */
  public int itemCount() {
    return demand.length;
  }

  /** How many bins. */
  public int binCount() {
    return free.length;
  }

  /** How many dimensions. */
  public int dimensions() {
    return free.length == 0 ? 0 : free[0].length;
  }

  /** Whether item {@code i} fits in {@code room} (per dimension). */
  static boolean fits(long[] demand, long[] room) {
    for (int d = 0; d < room.length; d++) {
      if (demand[d] > 0 && demand[d] > room[d]) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code binOfItem} respects candidates and capacities. */
  public boolean isFeasible(int[] binOfItem) {
    long[][] used = new long[binCount()][dimensions()];
    for (int i = 0; i < itemCount(); i++) {
      int b = binOfItem[i];
      if (b < 0) {
        continue;
      }
      boolean candidate = false;
      for (int c : candidates[i]) {
        candidate |= c == b;
      }
      if (!candidate) {
        return false;
      }
      for (int d = 0; d < dimensions(); d++) {
        if (demand[i][d] > 0) {
          used[b][d] += demand[i][d];
          if (used[b][d] > free[b][d]) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
