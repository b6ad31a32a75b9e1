package org.fleetcompat.spark;

import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.fleetcompat.io.AttributeRow;
import org.fleetcompat.io.AttributeValidator;
import org.fleetcompat.io.AttributeVerdict;
import org.fleetcompat.io.ColumnContract;
import org.fleetcompat.io.Rejection;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.TableInput;

/**
 * Reads and validates the optional {@code hosts} and {@code vms} tables (SPEC sections 3, 4) in one
 * grouped pass judged by io's {@link AttributeValidator}.
 *
 * <p>Accepted output: {@code system_id} plus the contract's optional columns ({@code cluster}; or
 * {@code enabled_state INT, current_host_id STRING}), null where the files lack one.
 */
public final class AttributeTableLoader {
  private AttributeTableLoader() {}

  /**
   * Loads and validates an attribute table.
   *
   * @param vectors the validated vector table of the same side ({@code host_vectors} for {@code
   *     hosts}), which decides whether a system's attributes can be kept
   */
  public static ValidatedTable load(SparkSession spark, TableInput input, ValidatedTable vectors) {
    SnapshotTable table = input.table();
    List<ColumnContract.Column> optional =
        ColumnContract.columns(table).stream().filter(c -> !c.required()).toList();
    List<StructField> own = new ArrayList<>();
    List<Column> select = new ArrayList<>();
    List<String> rowParts = new ArrayList<>();
    select.add(expr("try_cast(`" + table.idColumn() + "` AS STRING)").as("system_id"));
    for (ColumnContract.Column c : optional) {
      DataType type =
          c.kind() == ColumnContract.Kind.INTEGER ? DataTypes.IntegerType : DataTypes.StringType;
      own.add(DataTypes.createStructField(c.name(), type, true));
      select.add(
          (input.hasColumn(c.name())
                  ? expr("try_cast(`" + c.name() + "` AS " + type.sql() + ")")
                  : expr("CAST(NULL AS " + type.sql() + ")"))
              .as(c.name()));
    }
    for (String c : input.columns()) {
      rowParts.add("concat('" + c + "=', coalesce(CAST(`" + c + "` AS STRING), 'null'))");
    }
    select.add(expr("concat_ws(', ', " + String.join(", ", rowParts) + ")").as("row"));
    select.add(expr("input_file_name()").as("file"));
    Dataset<Row> rows =
        spark
            .read()
            .parquet(input.files().toArray(String[]::new))
            .select(select.toArray(Column[]::new))
            .join(vectors.statuses(), new String[] {"system_id"}, "left");

    int n = optional.size();
    FlatMapGroupsFunction<String, Row, Row> judge =
        (systemId, group) -> {
          List<AttributeRow> loaded = new ArrayList<>();
          group.forEachRemaining(r -> loaded.add(toAttributeRow(r, n)));
          AttributeVerdict v = AttributeValidator.validate(table, systemId, loaded);
          List<Row> out = new ArrayList<>();
          if (v.isAccepted()) {
            out.add(Verdicts.accepted(systemId, v.values(), v.duplicatesCollapsed()));
          }
          for (Rejection r : v.rejections()) {
            out.add(Verdicts.rejected(r, n));
          }
          return out.iterator();
        };
    Dataset<Row> verdicts =
        rows.groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
            .flatMapGroups(judge, Encoders.row(Verdicts.schema(own)))
            .persist(StorageLevel.MEMORY_AND_DISK());
    String[] ownColumns = optional.stream().map(ColumnContract.Column::name).toArray(String[]::new);
    return Verdicts.split(input, verdicts, ownColumns, "1");
  }

  /** Columns: system_id, the optional columns, row, file, accepted (from the vector statuses). */
  private static AttributeRow toAttributeRow(Row r, int optionalColumns) {
    List<Object> values = new ArrayList<>(optionalColumns);
    for (int i = 0; i < optionalColumns; i++) {
      values.add(r.get(1 + i));
    }
    int accepted = 3 + optionalColumns;
    AttributeRow.VectorStatus status =
        r.isNullAt(accepted)
            ? AttributeRow.VectorStatus.ABSENT
            : r.getBoolean(accepted)
                ? AttributeRow.VectorStatus.ACCEPTED
                : AttributeRow.VectorStatus.QUARANTINED;
    return new AttributeRow(
        r.getString(0),
        values,
        status,
        r.getString(1 + optionalColumns),
        r.getString(2 + optionalColumns));
  }
}
