package org.fleetcompat.io;

import java.util.List;
import java.util.Objects;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of a declared table ({@link ResultTable} or any other list of {@link
 * ResultColumn}s), in the one place every writer and reader takes it from. The mapping is the one
 * Spark writes and reads by default, so Spark, DuckDB and parquet-mr see the declared types:
 *
 * <ul>
 *   <li>{@link ColumnType.Scalar#STRING}: {@code BINARY} annotated {@code STRING} (UTF-8);
 *   <li>{@link ColumnType.Scalar#INT}: {@code INT32}; {@link ColumnType.Scalar#LONG}: {@code
 *       INT64}; {@link ColumnType.Scalar#BOOLEAN}: {@code BOOLEAN};
 *   <li>{@link ColumnType.Scalar#UINT64}: {@code FIXED_LEN_BYTE_ARRAY(9)} annotated {@code
 *       DECIMAL(20,0)}, the unsigned value as big-endian two's complement (Spark's decimal(20,0));
 *   <li>{@link ColumnType.ListOf}: the standard three-level list, {@code group NAME (LIST) {
 *       repeated group list { required ELEMENT element; } }};
 *   <li>{@link ColumnType.Struct}: a group of its fields.
 * </ul>
 *
 * A column is {@code REQUIRED} when it is not nullable, else {@code OPTIONAL}. The schema is a
 * function of the declaration only. Stateless and thread safe.
 */
public final class ParquetSchemas {
  /** The bytes of a DECIMAL(20,0): the smallest fixed length that holds 20 digits, as in Spark. */
  static final int UINT64_BYTES = 9;

  /** The digits of 2^64-1. */
  static final int UINT64_PRECISION = 20;

  /** The name of the repeated group of a three-level list. */
  static final String LIST_GROUP = "list";

  /** The name of the element field of a three-level list. */
  static final String LIST_ELEMENT = "element";

  private ParquetSchemas() {}

  /**
   * The schema of a table's files: one field per column, in order.
   *
   * @param tableName the table's name, used as the message name; not null
   * @param columns the columns; not null, not empty, names distinct
   * @throws IllegalArgumentException if {@code columns} is empty or names a column twice
   */
  public static MessageType messageType(String tableName, List<ResultColumn> columns) {
    Objects.requireNonNull(tableName, "tableName");
    checkColumns(tableName, columns);
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (ResultColumn c : columns) {
      message.addField(field(c));
    }
    return message.named(tableName);
  }

  /** The Parquet field of one column, named as the column. */
  public static Type field(ResultColumn column) {
    return type(column.type(), column.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED)
        .named(column.name());
  }

  private static Types.Builder<?, ? extends Type> type(ColumnType type, Repetition repetition) {
    if (type instanceof ColumnType.Scalar scalar) {
      return switch (scalar) {
        case STRING ->
            Types.primitive(PrimitiveTypeName.BINARY, repetition)
                .as(LogicalTypeAnnotation.stringType());
        case INT -> Types.primitive(PrimitiveTypeName.INT32, repetition);
        case LONG -> Types.primitive(PrimitiveTypeName.INT64, repetition);
        case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition);
        case UINT64 ->
            Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
                .length(UINT64_BYTES)
                .as(LogicalTypeAnnotation.decimalType(0, UINT64_PRECISION));
      };
    }
    if (type instanceof ColumnType.ListOf list) {
      GroupType repeated =
          Types.repeatedGroup()
              .addField(type(list.element(), Repetition.REQUIRED).named(LIST_ELEMENT))
              .named(LIST_GROUP);
      return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType()).addField(repeated);
    }
    ColumnType.Struct struct = (ColumnType.Struct) type;
    Types.GroupBuilder<GroupType> group = Types.buildGroup(repetition);
    for (ResultColumn f : struct.fields()) {
      group.addField(field(f));
    }
    return group;
  }

  private static void checkColumns(String tableName, List<ResultColumn> columns) {
    Objects.requireNonNull(columns, "columns");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("Table " + tableName + " declares no column");
    }
    for (int i = 0; i < columns.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (columns.get(i).name().equals(columns.get(j).name())) {
          throw new IllegalArgumentException(
              "Table " + tableName + " declares column " + columns.get(i).name() + " twice");
        }
      }
    }
  }

  /**
   * A raw 64-bit pattern as the unsigned DECIMAL(20,0) bytes: {@value #UINT64_BYTES} bytes,
   * big-endian two's complement, so the first byte is always 0.
   */
  static byte[] uint64Bytes(long raw) {
    byte[] out = new byte[UINT64_BYTES];
    putUint64(raw, out, 0);
    return out;
  }

  /** Writes {@link #uint64Bytes(long)} of {@code raw} into {@code out} at {@code offset}. */
  static void putUint64(long raw, byte[] out, int offset) {
    out[offset] = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      out[offset + UINT64_BYTES - 1 - i] = (byte) (raw >>> (8 * i));
    }
  }

  /**
   * The raw 64-bit pattern of unsigned DECIMAL(20,0) bytes, or {@code null} when the bytes hold a
   * value outside 0..2^64-1 (negative, or wider than 64 bits).
   */
  static Long uint64FromBytes(byte[] bytes) {
    int n = bytes.length;
    if (n == 0 || bytes[0] < 0) {
      return null;
    }
    for (int i = 0; i < n - Long.BYTES; i++) {
      if (bytes[i] != 0) {
        return null;
      }
    }
    long v = 0;
    for (int i = Math.max(0, n - Long.BYTES); i < n; i++) {
      v = (v << 8) | (bytes[i] & 0xff);
    }
    return v;
  }
}
