package org.fleetcompat.plan;

import java.util.Arrays;
import java.util.Comparator;

/**
 * First fit decreasing: items by decreasing demand (the last dimension first: memory, then
 * processors; ties by item number), each on its first candidate bin with room. O(items x
 * candidates); the fast fallback at fleet scale. Stateless and thread safe.
 */
public final class FirstFitDecreasing implements PlacementSolver {
  /** The one instance. */
  public static final FirstFitDecreasing INSTANCE = new FirstFitDecreasing();

  private FirstFitDecreasing() {}

  @Override
  public Placement place(PlacementInstance p) {
    int dims = p.dimensions();
    long[][] room = new long[p.binCount()][];
    for (int b = 0; b < room.length; b++) {
      room[b] = p.free()[b].clone();
    }
    int[] bins = new int[p.itemCount()];
    Arrays.fill(bins, -1);
    boolean allPlaced = true;
    for (int i : order(p)) {
      for (int b : p.candidates()[i]) {
        if (PlacementInstance.fits(p.demand()[i], room[b])) {
          bins[i] = b;
          for (int d = 0; d < dims; d++) {
            room[b][d] -= p.demand()[i][d];
          }
          break;
        }
      }
      allPlaced &= bins[i] >= 0 || p.candidates()[i].length == 0;
    }
    return new Placement(bins, Placement.SolverName.FIRST_FIT, allPlaced);
  }

  /** The items by decreasing demand, last dimension first; ties by item number. */
  static Integer[] order(PlacementInstance p) {
    Integer[] order = new Integer[p.itemCount()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Comparator<Integer> byDemand =
        (a, b) -> {
          for (int d = p.dimensions() - 1; d >= 0; d--) {
            int c = Long.compare(p.demand()[b][d], p.demand()[a][d]);
            if (c != 0) {
              return c;
            }
          }
          return Integer.compare(a, b);
        };
    Arrays.sort(order, byDemand);
    return order;
  }
}
