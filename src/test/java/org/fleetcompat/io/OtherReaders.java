package org.fleetcompat.io;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.fleetcompat.spark.SparkTestSession;

/**
 * Reads a table directory written by our writers with two independent readers, Spark and DuckDB,
 * into {@link Canonical} rows of the declared columns (UINT64, which both show as the unsigned
 * decimal, back as the raw 64-bit pattern), sorted: neither promises the files' order.
 */
final class OtherReaders {
  private OtherReaders() {}

  /** {@code spark.read().parquet(dir)}, the declared columns selected by name. */
  static List<List<Object>> spark(Path dir, List<ResultColumn> columns) {
    String[] names = columns.stream().map(ResultColumn::name).toArray(String[]::new);
    List<Row> rows =
        SparkTestSession.get().read().parquet(dir.toString()).selectExpr(names).collectAsList();
    List<List<Object>> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(sparkFields(r, columns));
    }
    return Canonical.sorted(out);
  }

  private static List<Object> sparkFields(Row row, List<ResultColumn> fields) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      out.add(row.isNullAt(i) ? null : sparkValue(row.get(i), fields.get(i).type()));
    }
    return out;
  }

  private static Object sparkValue(Object v, ColumnType type) {
    if (type instanceof ColumnType.ListOf list) {
      List<Object> out = new ArrayList<>();
      for (Object e : scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) v)) {
        out.add(sparkValue(e, list.element()));
      }
      return out;
    }
    if (type instanceof ColumnType.Struct struct) {
      return sparkFields((Row) v, struct.fields());
    }
    return type == ColumnType.Scalar.UINT64 ? rawUint64((BigDecimal) v) : v;
  }

  /** {@code SELECT <columns> FROM read_parquet('<dir>/*.parquet')}, a new statement per query. */
  static List<List<Object>> duckdb(Connection duckdb, Path dir, List<ResultColumn> columns)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append('"').append(columns.get(i).name()).append('"');
    }
    sql.append(" FROM read_parquet('").append(dir.toAbsolutePath()).append("/*.parquet')");
    List<List<Object>> out = new ArrayList<>();
    try (Statement s = duckdb.createStatement();
        ResultSet r = s.executeQuery(sql.toString())) {
      while (r.next()) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = r.getObject(i + 1);
        }
        out.add(duckdbFields(values, columns));
      }
    }
    return Canonical.sorted(out);
  }

  private static List<Object> duckdbFields(Object[] values, List<ResultColumn> fields)
      throws SQLException {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      out.add(values[i] == null ? null : duckdbValue(values[i], fields.get(i).type()));
    }
    return out;
  }

  private static Object duckdbValue(Object v, ColumnType type) throws SQLException {
    if (type instanceof ColumnType.ListOf list) {
      List<Object> out = new ArrayList<>();
      for (Object e : (Object[]) ((Array) v).getArray()) {
        out.add(duckdbValue(e, list.element()));
      }
      return out;
    }
    if (type instanceof ColumnType.Struct struct) {
      return duckdbFields(((Struct) v).getAttributes(), struct.fields());
    }
    return type == ColumnType.Scalar.UINT64 ? rawUint64((BigDecimal) v) : v;
  }

  /** The unsigned decimal 0..2^64-1 as its raw 64-bit pattern. */
  static long rawUint64(BigDecimal unsigned) {
    java.math.BigInteger v = unsigned.toBigIntegerExact();
    if (v.signum() < 0 || v.bitLength() > Long.SIZE) {
      throw new AssertionError("not an unsigned 64-bit value: " + unsigned);
    }
    return v.longValue();
  }
}
