package org.fleetcompat.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fleetcompat.io.VectorRow;
import org.fleetcompat.reference.NestedLoopReference.RefVector;

/** Turns one side of a reference fleet into the rows a snapshot writer takes. */
public final class SnapshotRows {
  private SnapshotRows() {}

  /**
   * The rows of one side, system by system; with {@code duplicates}, one row in ten is written
   * twice (exact duplicates the engine must collapse and count).
   */
  public static List<VectorRow> of(Map<String, List<RefVector>> side, boolean duplicates) {
    List<VectorRow> rows = new ArrayList<>();
    int n = 0;
    for (var e : side.entrySet()) {
      for (RefVector v : e.getValue()) {
        VectorRow row = new VectorRow(e.getKey(), v.vectorId(), (long) v.op(), v.value());
        rows.add(row);
        if (duplicates && n++ % 10 == 0) {
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
