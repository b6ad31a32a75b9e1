package org.fleetcompat.spark;

import java.util.List;
import org.apache.spark.sql.Row;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.VectorSet;

/** Converts the {@code vectors} array column of validated systems to core's {@link VectorSet}. */
public final class VectorRows {
  private VectorRows() {}

  /** The vector set held by {@code row}'s field {@code field} (validated, so never faulty). */
  public static VectorSet toVectorSet(Row row, String field) {
    List<Row> vectors = row.getList(row.fieldIndex(field));
    VectorSet.Builder b = VectorSet.builder();
    for (Row v : vectors) {
      b.add((int) v.getLong(0), CompareOperation.ofCode(v.getLong(1)), v.getLong(2));
    }
    return b.build();
  }
}
