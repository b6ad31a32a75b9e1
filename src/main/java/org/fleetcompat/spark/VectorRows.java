package org.fleetcompat.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
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

  /** The rows of a {@code vectors} array column holding {@code vectors}, in id order. */
  public static List<Row> toRows(VectorSet vectors) {
    List<Row> out = new ArrayList<>(vectors.size());
    for (int i = 0; i < vectors.size(); i++) {
      out.add(
          RowFactory.create(
              Integer.toUnsignedLong(vectors.vectorId(i)),
              (long) vectors.operation(i).code(),
              vectors.value(i)));
    }
    return out;
  }
}
