package org.fleetcompat.spark;

import java.io.Serializable;
import java.util.BitSet;
import java.util.Map;
import org.fleetcompat.core.FitMatrix;

/**
 * What the per-VM feasibility rows are read from, broadcast to every task: the class matrix, how
 * many pools each VM class reaches, and each host's class. Immutable.
 *
 * @param fits the class-level matrix
 * @param poolsByVmClass per VM class, how many pools hold at least one host it fits
 * @param hostClassOfHost every evaluated host's class, by host id
 */
record FeasibilityView(FitMatrix fits, int[] poolsByVmClass, Map<String, Integer> hostClassOfHost)
    implements Serializable {

  /** Builds the view; {@code poolOfHostClass} maps host classes to pools. */
  static FeasibilityView of(
      FitMatrix fits, int[] poolOfHostClass, Map<String, Integer> hostClassOfHost) {
    int[] pools = new int[fits.vmClassCount()];
    for (int c = 0; c < pools.length; c++) {
      BitSet reached = new BitSet();
      BitSet f = fits.fits(c);
      for (int h = f.nextSetBit(0); h >= 0; h = f.nextSetBit(h + 1)) {
        reached.set(poolOfHostClass[h]);
      }
      pools[c] = reached.cardinality();
    }
    return new FeasibilityView(fits, pools, Map.copyOf(hostClassOfHost));
  }
}
