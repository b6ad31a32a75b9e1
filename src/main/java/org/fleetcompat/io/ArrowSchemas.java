package org.fleetcompat.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow schema of a declared table ({@link ResultTable} or any other list of {@link
 * ResultColumn}s), in the one place {@link ArrowTableFileWriter} takes it from, beside {@link
 * ParquetSchemas}: the same columns, names, nullability and types as the Parquet files, so Spark,
 * polars, DuckDB and pyarrow see the same table in either format.
 *
 * <ul>
 *   <li>{@link ColumnType.Scalar#STRING}: {@code Utf8};
 *   <li>{@link ColumnType.Scalar#INT}: {@code Int(32, signed)}; {@link ColumnType.Scalar#LONG}:
 *       {@code Int(64, signed)}; {@link ColumnType.Scalar#BOOLEAN}: {@code Bool};
 *   <li>{@link ColumnType.Scalar#UINT64}: {@code Decimal(20, 0)} in 128 bits, the unsigned value,
 *       as Parquet's {@code DECIMAL(20,0)} is;
 *   <li>{@link ColumnType.ListOf}: {@code List} of a non-null field named {@code element} (as
 *       Parquet's three-level list names it);
 *   <li>{@link ColumnType.Struct}: {@code Struct} of its fields.
 * </ul>
 *
 * A field is nullable when its column is. No schema metadata: the schema is a function of the
 * declaration only. Stateless and thread safe.
 */
public final class ArrowSchemas {
  /** Bits of the decimal that holds a UINT64, as Spark and pyarrow write DECIMAL(20,0). */
  static final int UINT64_DECIMAL_BITS = 128;

  private ArrowSchemas() {}

  /**
   * The schema of a table's Arrow files: one field per column, in order.
   *
   * @param tableName the table's name, for messages; not null
   * @param columns the columns; not null, not empty, names distinct
   * @throws IllegalArgumentException if {@code columns} is empty or names a column twice
   */
  public static Schema schema(String tableName, List<ResultColumn> columns) {
    Objects.requireNonNull(tableName, "tableName");
    ParquetSchemas.messageType(tableName, columns);
    List<Field> fields = new ArrayList<>();
    for (ResultColumn c : columns) {
      fields.add(field(c));
    }
    return new Schema(fields);
  }

  /** The Arrow field of one column, named as the column. */
  public static Field field(ResultColumn column) {
    return field(column.name(), column.type(), column.nullable());
  }

  private static Field field(String name, ColumnType type, boolean nullable) {
    if (type instanceof ColumnType.Scalar scalar) {
      return new Field(name, new FieldType(nullable, arrowType(scalar), null), null);
    }
    if (type instanceof ColumnType.ListOf list) {
      Field element = field(ParquetSchemas.LIST_ELEMENT, list.element(), false);
      return new Field(
          name, new FieldType(nullable, ArrowType.List.INSTANCE, null), List.of(element));
    }
    List<Field> children = new ArrayList<>();
    for (ResultColumn f : ((ColumnType.Struct) type).fields()) {
      children.add(field(f));
    }
    return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), children);
  }

  private static ArrowType arrowType(ColumnType.Scalar scalar) {
    return switch (scalar) {
      case STRING -> ArrowType.Utf8.INSTANCE;
      case INT -> new ArrowType.Int(32, true);
      case LONG -> new ArrowType.Int(64, true);
      case BOOLEAN -> ArrowType.Bool.INSTANCE;
      case UINT64 -> new ArrowType.Decimal(ParquetSchemas.UINT64_PRECISION, 0, UINT64_DECIMAL_BITS);
    };
  }
}
