package org.fleetcompat.drift;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A result's {@code class_matrix} as one bit row per VM class: bit {@code h} of row {@code v} is
 * set when VMs of class {@code v} fit hosts of class {@code h}. Immutable once built; memory is
 * about one bit per class pair of the rows present.
 */
public final class ClassMatrix {
  private static final BitSet EMPTY = new BitSet();
  private final Map<Integer, BitSet> rows;

  private ClassMatrix(Map<Integer, BitSet> rows) {
    this.rows = rows;
  }

  /** The matrix of these {@code (vm_class, host_class)} pairs. */
  public static ClassMatrix of(List<int[]> pairs) {
    Map<Integer, BitSet> rows = new HashMap<>();
    for (int[] p : pairs) {
      rows.computeIfAbsent(p[0], k -> new BitSet()).set(p[1]);
    }
    return new ClassMatrix(rows);
  }

  /** Whether VMs of {@code vmClass} fit hosts of {@code hostClass}. */
  public boolean fits(int vmClass, int hostClass) {
    BitSet row = rows.get(vmClass);
    return row != null && row.get(hostClass);
  }

  /** The host classes {@code vmClass} fits; do not modify. Empty when it fits none. */
  public BitSet row(int vmClass) {
    return rows.getOrDefault(vmClass, EMPTY);
  }

  /** Compatible class pairs in all. */
  public long pairCount() {
    long n = 0;
    for (BitSet b : rows.values()) {
      n += b.cardinality();
    }
    return n;
  }
}
