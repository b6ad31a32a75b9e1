package org.fleetcompat.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.io.ColumnContract;
import org.fleetcompat.io.RejectReason;
import org.fleetcompat.io.RowAccounting;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.TableInput;

/**
 * Reads and validates the optional {@code hosts} and {@code vms} tables (SPEC sections 3, 4).
 *
 * <p>Accepted output: {@code system_id} plus the contract's other columns ({@code cluster}; or
 * {@code enabled_state INT, current_host_id STRING}), null where the file lacks an optional column.
 * A row with a null id, a system with disagreeing rows, or a system that has no accepted vectors is
 * rejected with its reason; exact duplicates are collapsed and counted.
 */
public final class AttributeTableLoader {
  private AttributeTableLoader() {}

  /**
   * Loads and validates an attribute table against the vector table of the same side.
   *
   * @param vectors the validated vector table of the same side (hosts for {@code hosts})
   * @param vectorRows the loaded vector rows of that side, to tell quarantined from absent systems
   */
  public static ValidatedTable load(
      SparkSession spark, TableInput input, ValidatedTable vectors, Dataset<Row> vectorRows) {
    SnapshotTable table = input.table();
    Dataset<Row> raw = spark.read().parquet(input.files().toArray(String[]::new));
    List<Column> columns = new ArrayList<>();
    List<String> rowParts = new ArrayList<>();
    for (ColumnContract.Column c : ColumnContract.columns(table)) {
      String type = c.kind() == ColumnContract.Kind.INTEGER ? "INT" : "STRING";
      String name = c.required() ? "system_id" : c.name();
      Column value =
          input.hasColumn(c.name())
              ? expr("try_cast(`" + c.name() + "` AS " + type + ")")
              : expr("CAST(NULL AS " + type + ")");
      columns.add(value.as(name));
      if (input.hasColumn(c.name())) {
        rowParts.add(
            "concat('" + c.name() + "=', coalesce(CAST(`" + c.name() + "` AS STRING), 'null'))");
      }
    }
    columns.add(expr("concat_ws(', ', " + String.join(", ", rowParts) + ")").as("row"));
    columns.add(expr("input_file_name()").as("file"));
    Dataset<Row> rows = raw.select(columns.toArray(Column[]::new)).cache();
    String[] attributes =
        ColumnContract.columns(table).stream()
            .filter(c -> !c.required())
            .map(ColumnContract.Column::name)
            .toArray(String[]::new);

    Dataset<Row> accepted = vectors.accepted().select(col("system_id"), lit(true).as("accepted"));
    Dataset<Row> known =
        vectorRows
            .filter("system_id IS NOT NULL")
            .select("system_id")
            .distinct()
            .withColumn("known", lit(true));
    Dataset<Row> variants =
        rows.filter("system_id IS NOT NULL")
            .dropDuplicates(concat("system_id", attributes))
            .groupBy("system_id")
            .agg(count(lit(1)).as("variants"));
    Dataset<Row> judged =
        rows.join(variants, new String[] {"system_id"}, "left")
            .join(accepted, new String[] {"system_id"}, "left")
            .join(known, new String[] {"system_id"}, "left")
            .withColumn(
                "reason",
                expr(
                    "CASE WHEN system_id IS NULL THEN '"
                        + RejectReason.NULL_SYSTEM_ID
                        + "' WHEN variants > 1 THEN '"
                        + RejectReason.CONFLICTING_ATTRIBUTES
                        + "' WHEN accepted IS NULL AND known THEN '"
                        + RejectReason.SYSTEM_QUARANTINED
                        + "' WHEN accepted IS NULL THEN '"
                        + RejectReason.NO_VECTORS
                        + "' END"))
            .cache();
    String id = table.idColumn();
    Dataset<Row> rejected =
        judged
            .filter("reason IS NOT NULL")
            .select(
                lit(table.tableName()).as("table"),
                col("system_id"),
                col("reason"),
                expr("CASE reason WHEN 'NULL_SYSTEM_ID' THEN '"
                        + id
                        + " is null: the row belongs to no system'"
                        + " WHEN 'CONFLICTING_ATTRIBUTES' THEN concat('"
                        + id
                        + " ', system_id, ' has rows that disagree; all are rejected')"
                        + " WHEN 'SYSTEM_QUARANTINED' THEN concat('the vectors of ', system_id,"
                        + " ' are quarantined, so its attributes are too')"
                        + " ELSE concat(system_id, ' has no rows in the vector table') END")
                    .as("message"),
                col("row"),
                col("file"));
    Dataset<Row> good =
        judged.filter("reason IS NULL").dropDuplicates(concat("system_id", attributes));
    Dataset<Row> keptColumns = good.select(concatColumns("system_id", attributes));

    long read = rows.count();
    long rejectedCount = rejected.count();
    long goodRows = judged.filter("reason IS NULL").count();
    long acceptedCount = keptColumns.count();
    RowAccounting accounting =
        new RowAccounting(read, acceptedCount, rejectedCount, goodRows - acceptedCount);
    return new ValidatedTable(keptColumns, rejected, accounting);
  }

  private static String[] concat(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static Column[] concatColumns(String first, String[] rest) {
    String[] names = concat(first, rest);
    Column[] cols = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      cols[i] = col(names[i]);
    }
    return cols;
  }
}
