package org.fleetcompat.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.TableInput;

/**
 * Reads a vector table with Spark's Parquet source and normalizes every accepted physical type to
 * one shape, flagging row-level faults instead of failing (SPEC sections 3 and 4).
 *
 * <p>Output columns: {@code system_id STRING, vector_id BIGINT, compare_operation BIGINT, value
 * BIGINT} (the raw unsigned 64-bit pattern), {@code fault STRING} (a {@link
 * org.fleetcompat.io.RejectReason} name, or null), {@code message STRING}, {@code file STRING},
 * {@code row STRING} (the row as read, for {@code rejected/}).
 *
 * <p>UINT_64 columns are read as Spark's default {@code decimal(20,0)}, never as {@code bigint}:
 * Spark's vectorized reader crashes on dictionary-encoded UINT_64 chunks read as longs. Decimals at
 * and above 2^63 are mapped to their two's complement bit pattern exactly.
 */
public final class VectorTableLoader {
  private static final String TWO_POW_64 = "18446744073709551616";
  private static final String TWO_POW_63 = "9223372036854775808";
  private static final String MAX_UINT64 = "18446744073709551615";
  private static final String MAX_UINT32 = "4294967295";

  private VectorTableLoader() {}

  /** The normalized rows of a vector table; lazy, nothing is read until an action. */
  public static Dataset<Row> load(SparkSession spark, TableInput input) {
    return load(spark, input, null);
  }

  /**
   * The normalized rows of the named systems only ({@link #load(SparkSession, TableInput, Dataset)}
   * with these ids): what the point commands read.
   */
  public static Dataset<Row> loadSystems(
      SparkSession spark, TableInput input, Collection<String> systemIds) {
    return load(
        spark,
        input,
        spark.createDataset(List.copyOf(systemIds), Encoders.STRING()).toDF("system_id"));
  }

  /**
   * The normalized rows of some systems of a vector table; lazy.
   *
   * <p>The rows are picked by id straight from the files, before the fault, message and row text
   * are computed: reading back the few quarantined systems of a large table costs one scan of the
   * id column, not the text of every row. The pick is a broadcast semi-join, so {@code systems}
   * should be small next to the table (thousands of ids, not the whole fleet), and local: Spark
   * refuses the {@code file} column's {@code input_file_name()} above a join with another plan that
   * reads files (a cached one included).
   *
   * @param systems a {@code system_id STRING} column, e.g. of {@code createDataFrame(List)}: the
   *     systems whose rows to read; a null {@code system_id} picks the rows that name no system.
   *     Null for every row
   */
  public static Dataset<Row> load(SparkSession spark, TableInput input, Dataset<Row> systems) {
    SnapshotTable table = input.table();
    Dataset<Row> raw = spark.read().parquet(input.files().toArray(String[]::new));
    StructType schema = raw.schema();
    String id = q(table.idColumn());
    if (systems != null) {
      Dataset<Row> picked = broadcast(systems.select(col("system_id").as("picked_system_id")));
      raw =
          raw.join(
              picked,
              expr("CAST(" + id + " AS STRING)").eqNullSafe(picked.col("picked_system_id")),
              "left_semi");
    }
    String vid = q(SnapshotTable.VECTOR_ID);
    String op = q(SnapshotTable.COMPARE_OPERATION);
    String val = q(SnapshotTable.COMPATIBILITY_INFO);
    boolean decimalValue =
        schema.apply(SnapshotTable.COMPATIBILITY_INFO).dataType() instanceof DecimalType;

    String fault =
        "CASE WHEN "
            + id
            + " IS NULL THEN 'NULL_SYSTEM_ID'"
            + " WHEN "
            + vid
            + " IS NULL THEN 'NULL_VECTOR_ID'"
            + " WHEN "
            + vid
            + " < 0 OR "
            + vid
            + " > "
            + MAX_UINT32
            + " THEN 'VECTOR_ID_OUT_OF_RANGE'"
            + " WHEN "
            + op
            + " IS NULL THEN 'NULL_OPERATION'"
            + " WHEN "
            + op
            + " < 0 OR "
            + op
            + " > 9 THEN 'UNKNOWN_OPERATION'"
            + " WHEN "
            + val
            + " IS NULL THEN 'NULL_VALUE'"
            + (decimalValue
                ? " WHEN "
                    + val
                    + " < 0 OR "
                    + val
                    + " > "
                    + MAX_UINT64
                    + " THEN 'VALUE_OUT_OF_RANGE'"
                : "")
            + " END";
    String message =
        "CASE fault"
            + " WHEN 'NULL_SYSTEM_ID' THEN '"
            + table.idColumn()
            + " is null: the row belongs to no system'"
            + " WHEN 'NULL_VECTOR_ID' THEN 'vector_id is null'"
            + " WHEN 'VECTOR_ID_OUT_OF_RANGE' THEN concat('vector_id ', CAST("
            + vid
            + " AS STRING), ' is outside 0..4294967295')"
            + " WHEN 'NULL_OPERATION' THEN 'compare_operation is null'"
            + " WHEN 'UNKNOWN_OPERATION' THEN concat('compare_operation ', CAST("
            + op
            + " AS STRING), ' is not one of 0..9 (Equal..Divisor)')"
            + " WHEN 'NULL_VALUE' THEN 'compatibility_info is null'"
            + " WHEN 'VALUE_OUT_OF_RANGE' THEN concat('compatibility_info ', CAST("
            + val
            + " AS STRING), ' is outside 0..18446744073709551615')"
            + " END";
    String value =
        decimalValue
            ? "CASE WHEN "
                + val
                + " >= "
                + TWO_POW_63
                + " THEN try_cast("
                + val
                + " - "
                + TWO_POW_64
                + " AS BIGINT) ELSE try_cast("
                + val
                + " AS BIGINT) END"
            : "CAST(" + val + " AS BIGINT)";
    String row =
        "format_string('"
            + table.idColumn()
            + "=%s, vector_id=%s, compare_operation=%s, compatibility_info=%s', "
            + String.join(", ", asText(id), asText(vid), asText(op), asText(val))
            + ")";

    return raw.withColumn("fault", expr(fault))
        .select(
            expr("CAST(" + id + " AS STRING)").as("system_id"),
            guarded(vid).as("vector_id"),
            guarded(op).as("compare_operation"),
            expr("CASE WHEN fault IS NULL THEN " + value + " END").as("value"),
            expr("fault"),
            expr(message).as("message"),
            expr("input_file_name()").as("file"),
            expr(row).as("row"));
  }

  /** An integer column as BIGINT where it is valid for the row, else null (never throws). */
  private static Column guarded(String column) {
    return expr("CASE WHEN fault IS NULL THEN try_cast(" + column + " AS BIGINT) END");
  }

  private static String asText(String column) {
    return "coalesce(CAST(" + column + " AS STRING), 'null')";
  }

  private static String q(String column) {
    return "`" + column + "`";
  }
}
