package org.fleetcompat.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fleetcompat.io.Rejection;
import org.fleetcompat.io.RowAccounting;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.TableInput;

/**
 * The one row shape validation emits per system, accepted or rejected, so that a single grouped
 * pass yields the kept systems, the quarantined rows and the counts. Columns: {@code accepted
 * BOOLEAN, system_id STRING}, the table's own columns, {@code duplicates BIGINT, reason, message,
 * row, file STRING}.
 */
final class Verdicts {
  /** The columns of {@code rejected/}: table, system_id, reason, message, row, file. */
  static final StructType REJECTED =
      DataTypes.createStructType(
          java.util.stream.Stream.of("table", "system_id", "reason", "message", "row", "file")
              .map(f -> DataTypes.createStructField(f, DataTypes.StringType, true))
              .toList());

  private Verdicts() {}

  /** The verdict schema around a table's own columns. */
  static StructType schema(List<StructField> own) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("accepted", DataTypes.BooleanType, false));
    fields.add(DataTypes.createStructField("system_id", DataTypes.StringType, true));
    fields.addAll(own);
    fields.add(DataTypes.createStructField("duplicates", DataTypes.LongType, false));
    for (String f : new String[] {"reason", "message", "row", "file"}) {
      fields.add(DataTypes.createStructField(f, DataTypes.StringType, true));
    }
    return DataTypes.createStructType(fields);
  }

  /** An accepted system's verdict row: its own columns' values, then the duplicate count. */
  static Row accepted(String systemId, List<Object> own, long duplicates) {
    Object[] v = new Object[own.size() + 7];
    v[0] = true;
    v[1] = systemId;
    for (int i = 0; i < own.size(); i++) {
      v[2 + i] = own.get(i);
    }
    v[2 + own.size()] = duplicates;
    return RowFactory.create(v);
  }

  /** A rejected row's verdict row; the table's own columns are null. */
  static Row rejected(Rejection r, int ownColumns) {
    Object[] v = new Object[ownColumns + 7];
    v[0] = false;
    v[1] = r.systemId();
    v[2 + ownColumns] = 0L;
    v[3 + ownColumns] = r.reason().name();
    v[4 + ownColumns] = r.message();
    v[5 + ownColumns] = r.row();
    v[6 + ownColumns] = r.file();
    return RowFactory.create(v);
  }

  /**
   * Splits persisted verdicts into a {@link ValidatedTable}, counting in one pass over the
   * verdicts; the rows read come independently from the files' footers ({@link
   * TableInput#rowCount()}).
   *
   * @param keptRows how many accepted rows an accepted verdict stands for (SQL over its columns)
   */
  static ValidatedTable split(
      TableInput input, Dataset<Row> verdicts, String[] ownColumns, String keptRows) {
    SnapshotTable table = input.table();
    Dataset<Row> accepted =
        verdicts.filter("accepted").select(concat(col("system_id"), ownColumns));
    Dataset<Row> rejected =
        verdicts
            .filter("NOT accepted")
            .select(
                lit(table.tableName()).as("table"),
                col("system_id"),
                col("reason"),
                col("message"),
                col("row"),
                col("file"));
    Dataset<Row> statuses =
        verdicts.filter("system_id IS NOT NULL").select("system_id", "accepted").distinct();
    Row counts =
        verdicts
            .agg(
                expr("coalesce(sum(CASE WHEN accepted THEN " + keptRows + " ELSE 0 END), 0)"),
                expr("coalesce(sum(CASE WHEN accepted THEN 0 ELSE 1 END), 0)"),
                expr("coalesce(sum(duplicates), 0)"))
            .first();
    RowAccounting accounting =
        new RowAccounting(
            input.rowCount(), counts.getLong(0), counts.getLong(1), counts.getLong(2));
    return new ValidatedTable(accepted, rejected, statuses, accounting, verdicts);
  }

  private static Column[] concat(Column first, String[] rest) {
    Column[] all = new Column[rest.length + 1];
    all[0] = first;
    for (int i = 0; i < rest.length; i++) {
      all[i + 1] = col(rest[i]);
    }
    return all;
  }
}
