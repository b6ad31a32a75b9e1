package org.fleetcompat.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.fleetcompat.io.LoadedVectorRow;
import org.fleetcompat.io.RejectReason;
import org.fleetcompat.io.Rejection;
import org.fleetcompat.io.RowAccounting;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SystemValidator;
import org.fleetcompat.io.SystemVerdict;
import org.fleetcompat.io.TableInput;

/**
 * Validation and quarantine of a vector table (SPEC section 4): rows are gathered by system and
 * io's rule ({@link org.fleetcompat.io.SystemRowBuffer}, the one {@link SystemValidator} applies)
 * keeps or quarantines each system whole.
 *
 * <p>Two passes, because bad rows are rare and their text is wide: the decision pass shuffles only
 * the compact columns (id, vector, operation, value, whether the row is faulty), sorts each task's
 * rows by a hash of the id and decides every system in primitive arrays; the rows of the
 * quarantined systems alone are then read again, with their text and file, and {@link
 * SystemValidator} explains them in {@code rejected/}. The counts come from the decision pass, and
 * {@code rows_read} independently from the files' footers ({@link TableInput#rowCount()}).
 *
 * <p>Accepted output: {@code system_id STRING, vectors ARRAY<STRUCT<vector_id BIGINT,
 * compare_operation BIGINT, value BIGINT>>}, sorted by {@code vector_id}.
 */
public final class VectorValidation {
  private static final StructType VECTOR =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("vector_id", DataTypes.LongType, false),
              DataTypes.createStructField("compare_operation", DataTypes.LongType, false),
              DataTypes.createStructField("value", DataTypes.LongType, false)));

  private static final StructType DECISIONS =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("accepted", DataTypes.BooleanType, false),
              DataTypes.createStructField("system_id", DataTypes.StringType, true),
              DataTypes.createStructField(
                  "vectors", DataTypes.createArrayType(VECTOR, false), true),
              DataTypes.createStructField("duplicates", DataTypes.LongType, false),
              DataTypes.createStructField("rejected_rows", DataTypes.LongType, false)));

  private VectorValidation() {}

  /**
   * Validates {@code rows}, {@link VectorTableLoader}'s rows of {@code input}; runs the counting
   * actions. The rejected rows are read again from {@code input}, for the quarantined systems only.
   */
  public static ValidatedTable validate(SparkSession spark, Dataset<Row> rows, TableInput input) {
    // One shuffle of the compact columns by system, then a radix sort on a hash of the id, so
    // each task sees a system's rows next to each other and judges them in primitive arrays.
    // Spark's own grouping cost 2-3x the CPU here (docs/DESIGN.md): collect_list makes an object
    // per row and sorts by the string id; a hash aggregate keyed by (system, vector_id) builds a
    // map as large as the input.
    Dataset<Row> decisions =
        rows.select(
                col("system_id"),
                col("vector_id"),
                col("compare_operation"),
                col("value"),
                col("fault").isNotNull().as("faulty"))
            .repartition(col("system_id"))
            .withColumn("system_hash", xxhash64(col("system_id")))
            .sortWithinPartitions("system_hash")
            .mapPartitions(
                (MapPartitionsFunction<Row, Row>) SystemDecisions::new, Encoders.row(DECISIONS))
            .persist(StorageLevel.MEMORY_AND_DISK());

    Row counts =
        decisions
            .agg(
                expr("coalesce(sum(CASE WHEN accepted THEN size(vectors) ELSE 0 END), 0)"),
                expr("coalesce(sum(rejected_rows), 0)"),
                expr("coalesce(sum(duplicates), 0)"))
            .first();
    RowAccounting accounting =
        new RowAccounting(
            input.rowCount(), counts.getLong(0), counts.getLong(1), counts.getLong(2));
    Dataset<Row> accepted = decisions.filter("accepted").select("system_id", "vectors");
    Dataset<Row> statuses =
        decisions.filter("system_id IS NOT NULL").select("system_id", "accepted");
    Dataset<Row> rejected =
        counts.getLong(1) == 0
            ? rejectedRows(rows.limit(0), input.table())
            : rejectedRows(
                VectorTableLoader.load(spark, input, quarantinedIds(spark, decisions)),
                input.table());
    return new ValidatedTable(accepted, rejected, statuses, accounting, decisions);
  }

  /**
   * The ids of the quarantined systems (null for the rows naming none), collected: a local table
   * can be broadcast to pick rows before the loader's {@code input_file_name()}, which Spark
   * refuses above a join with another file-backed plan such as the cached decisions.
   */
  private static Dataset<Row> quarantinedIds(SparkSession spark, Dataset<Row> decisions) {
    List<Row> ids = decisions.filter("NOT accepted").select("system_id").collectAsList();
    return spark.createDataFrame(ids, decisions.select("system_id").schema());
  }

  private static Dataset<Row> rejectedRows(Dataset<Row> rows, SnapshotTable table) {
    FlatMapGroupsFunction<String, Row, Row> explain =
        (systemId, group) -> {
          List<Row> out = new ArrayList<>();
          for (Rejection r : judge(systemId, group).rejections()) {
            out.add(
                RowFactory.create(
                    table.tableName(),
                    r.systemId(),
                    r.reason().name(),
                    r.message(),
                    r.row(),
                    r.file()));
          }
          return out.iterator();
        };
    return rows.groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups(explain, Encoders.row(Verdicts.REJECTED));
  }

  private static SystemVerdict judge(String systemId, Iterator<Row> group) {
    List<LoadedVectorRow> loaded = new ArrayList<>();
    group.forEachRemaining(r -> loaded.add(loadedRow(r)));
    return SystemValidator.validate(systemId, loaded);
  }

  /** Reads a row of {@link VectorTableLoader}'s shape, text and file included, by name. */
  static LoadedVectorRow loadedRow(Row r) {
    String fault = r.getAs("fault");
    return new LoadedVectorRow(
        r.getAs("system_id"),
        longOrZero(r, "vector_id"),
        longOrZero(r, "compare_operation"),
        longOrZero(r, "value"),
        fault == null ? null : RejectReason.valueOf(fault),
        r.getAs("message"),
        r.getAs("row"),
        r.getAs("file"));
  }

  private static long longOrZero(Row r, String field) {
    int i = r.fieldIndex(field);
    return r.isNullAt(i) ? 0 : r.getLong(i);
  }
}
