package org.fleetcompat.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.LoadedVectorRow;
import org.fleetcompat.io.RejectReason;
import org.fleetcompat.io.Rejection;
import org.fleetcompat.io.SystemValidator;
import org.fleetcompat.io.SystemVerdict;
import org.fleetcompat.io.TableInput;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Validation and quarantine of a vector table (SPEC section 4) in one grouped pass: rows are
 * grouped by system and io's {@link SystemValidator} judges each system, so a system is kept or
 * quarantined whole.
 *
 * <p>Accepted output: {@code system_id STRING, vectors ARRAY<STRUCT<vector_id BIGINT,
 * compare_operation BIGINT, value BIGINT>>}, sorted by {@code vector_id}.
 */
public final class VectorValidation {
  /** The {@code vectors} column type: one struct per vector, sorted by id. */
  public static final StructType VECTOR =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("vector_id", DataTypes.LongType, false),
              DataTypes.createStructField("compare_operation", DataTypes.LongType, false),
              DataTypes.createStructField("value", DataTypes.LongType, false)));

  private static final StructType SCHEMA =
      Verdicts.schema(
          List.of(
              DataTypes.createStructField(
                  "vectors", DataTypes.createArrayType(VECTOR, false), true)));

  private VectorValidation() {}

  /** Validates rows shaped by {@link VectorTableLoader}; runs the counting actions. */
  public static ValidatedTable validate(SparkSession spark, Dataset<Row> rows, TableInput input) {
    FlatMapGroupsFunction<String, Row, Row> judge =
        (systemId, group) -> {
          List<LoadedVectorRow> loaded = new ArrayList<>();
          group.forEachRemaining(r -> loaded.add(toLoaded(r)));
          SystemVerdict v = SystemValidator.validate(systemId, loaded);
          List<Row> out = new ArrayList<>();
          if (v.isAccepted()) {
            out.add(
                Verdicts.accepted(
                    systemId,
                    List.of(CollectionConverters.asScala(toRows(v.vectors()))),
                    v.duplicatesCollapsed()));
          }
          for (Rejection r : v.rejections()) {
            out.add(Verdicts.rejected(r, 1));
          }
          return out.iterator();
        };
    Dataset<Row> verdicts =
        rows.groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
            .flatMapGroups(judge, Encoders.row(SCHEMA))
            .persist(StorageLevel.MEMORY_AND_DISK());
    return Verdicts.split(spark, input, verdicts, new String[] {"vectors"}, "size(vectors)");
  }

  private static LoadedVectorRow toLoaded(Row r) {
    String fault = r.getString(4);
    return new LoadedVectorRow(
        r.getString(0),
        r.isNullAt(1) ? 0 : r.getLong(1),
        r.isNullAt(2) ? 0 : r.getLong(2),
        r.isNullAt(3) ? 0 : r.getLong(3),
        fault == null ? null : RejectReason.valueOf(fault),
        r.getString(5),
        r.getString(7),
        r.getString(6));
  }

  private static List<Row> toRows(VectorSet vectors) {
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
