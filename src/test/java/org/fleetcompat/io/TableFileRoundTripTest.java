package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.types.StructType;
import org.fleetcompat.spark.SparkTestSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every result table, in every column set a run writes, written by {@link TableFileWriter} and (for
 * flat tables) by {@link ColumnarFileWriter} with and without dictionaries, as a directory of part
 * files (one of them empty), read back by {@link TableFileReader}, Spark and DuckDB: all three give
 * the rows written. Seeded random rows with nulls, empty lists, ids in several scripts and the
 * UINT64 edges; statistics exact; the same rows give the same bytes.
 */
class TableFileRoundTripTest {
  private static final int ROWS = 300;

  /** Part files of 130, 130, 40 and 0 rows: a table directory as a run leaves it. */
  private static final int[] PART_ROWS = {130, 130, 40, 0};

  @TempDir(factory = TargetTempDir.class)
  Path tmp;

  private static Connection duckdb;

  @BeforeAll
  static void openDuckdb() throws SQLException {
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterAll
  static void closeDuckdb() throws SQLException {
    duckdb.close();
  }

  /** Which writer writes the part files. */
  enum Writer {
    TABLE,
    COLUMNAR_BYTES,
    COLUMNAR_DICTIONARY
  }

  /** One table, one column set, one writer. */
  record Case(ResultTable table, boolean assumeStopped, Writer writer) {
    List<ResultColumn> columns() {
      return table.columns(assumeStopped);
    }

    long seed() {
      return toString().hashCode();
    }

    @Override
    public String toString() {
      return table + (assumeStopped ? " --assume-stopped" : "") + " " + writer;
    }
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (ResultTable t : ResultTable.values()) {
      List<Boolean> variants =
          t.columns(true).equals(t.columns(false)) ? List.of(false) : List.of(false, true);
      for (boolean stopped : variants) {
        cases.add(new Case(t, stopped, Writer.TABLE));
        if (t.columns(stopped).stream().allMatch(c -> c.type().isFlat())) {
          cases.add(new Case(t, stopped, Writer.COLUMNAR_BYTES));
          cases.add(new Case(t, stopped, Writer.COLUMNAR_DICTIONARY));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyReaderGetsTheRowsWritten(Case c) throws Exception {
    List<ResultColumn> columns = c.columns();
    List<Object[]> rows = new RandomResultRows(c.seed()).rows(columns, ROWS);
    Path dir = tmp.resolve("first").resolve(c.table.tableName());
    List<Path> files = write(c, dir, rows, PART_ROWS);
    List<List<Object>> expected = Canonical.rows(rows);
    String seed = "seed " + c.seed() + " (" + c + ")";

    assertThat(Canonical.rows(readAll(dir, c))).as(seed).isEqualTo(expected);
    assertThat(OtherReaders.spark(dir, columns)).as(seed).isEqualTo(Canonical.sorted(expected));
    assertThat(OtherReaders.duckdb(duckdb, dir, columns))
        .as(seed)
        .isEqualTo(Canonical.sorted(expected));

    if (c.writer != Writer.TABLE || columns.stream().allMatch(x -> x.type().isFlat())) {
      int first = 0;
      for (int p = 0; p < files.size(); p++) {
        FooterStatistics.assertExact(
            files.get(p), columns, rows.subList(first, first + PART_ROWS[p]));
        first += PART_ROWS[p];
      }
    }

    List<Path> again = write(c, tmp.resolve("again").resolve(c.table.tableName()), rows, PART_ROWS);
    for (int p = 0; p < files.size(); p++) {
      assertThat(Files.readAllBytes(again.get(p)))
          .as("%s: same rows, same bytes in part %d", seed, p)
          .isEqualTo(Files.readAllBytes(files.get(p)));
    }
  }

  /** A table with no rows is one empty file: every reader takes the declared types from it. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aTableWithNoRowsIsReadableByEveryReaderWithTheDeclaredTypes(Case c) throws Exception {
    Path dir = tmp.resolve(c.table.tableName());
    write(c, dir, List.of(), new int[] {0});
    List<ResultColumn> columns = c.columns();

    assertThat(readAll(dir, c)).isEmpty();
    StructType spark = SparkTestSession.get().read().parquet(dir.toString()).schema();
    assertThat(spark.fieldNames()).containsExactlyElementsOf(names(columns));
    for (ResultColumn col : columns) {
      assertThat(spark.apply(col.name()).dataType().simpleString())
          .as("Spark's type of %s.%s", c.table, col.name())
          .isEqualTo(sparkType(col.type()));
    }
    assertThat(OtherReaders.spark(dir, columns)).isEmpty();

    assertThat(OtherReaders.duckdb(duckdb, dir, columns)).isEmpty();
    try (Statement s = duckdb.createStatement();
        ResultSet r =
            s.executeQuery(
                "DESCRIBE SELECT * FROM read_parquet('" + dir.toAbsolutePath() + "/*.parquet')")) {
      for (ResultColumn col : columns) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString("column_name")).isEqualTo(col.name());
        assertThat(r.getString("column_type").replace("\"", ""))
            .as("DuckDB's type of %s.%s", c.table, col.name())
            .isEqualTo(duckdbType(col.type()));
      }
    }
  }

  private static List<String> names(List<ResultColumn> columns) {
    return columns.stream().map(ResultColumn::name).toList();
  }

  /** The type Spark reads a declared column as, in {@code simpleString} form. */
  private static String sparkType(ColumnType type) {
    if (type instanceof ColumnType.ListOf l) {
      return "array<" + sparkType(l.element()) + ">";
    }
    if (type instanceof ColumnType.Struct s) {
      return s.fields().stream()
          .map(f -> f.name() + ":" + sparkType(f.type()))
          .collect(Collectors.joining(",", "struct<", ">"));
    }
    return switch ((ColumnType.Scalar) type) {
      case STRING -> "string";
      case INT -> "int";
      case LONG -> "bigint";
      case BOOLEAN -> "boolean";
      case UINT64 -> "decimal(20,0)";
    };
  }

  /** The type DuckDB reads a declared column as, quotes left out. */
  private static String duckdbType(ColumnType type) {
    if (type instanceof ColumnType.ListOf l) {
      return duckdbType(l.element()) + "[]";
    }
    if (type instanceof ColumnType.Struct s) {
      return s.fields().stream()
          .map(f -> f.name() + " " + duckdbType(f.type()))
          .collect(Collectors.joining(", ", "STRUCT(", ")"));
    }
    return switch ((ColumnType.Scalar) type) {
      case STRING -> "VARCHAR";
      case INT -> "INTEGER";
      case LONG -> "BIGINT";
      case BOOLEAN -> "BOOLEAN";
      case UINT64 -> "DECIMAL(20,0)";
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theRowsHoldEveryUint64Edge(Case c) {
    List<Object[]> rows = new RandomResultRows(c.seed()).rows(c.columns(), ROWS);
    if (c.columns().stream().anyMatch(x -> holdsUint64(x.type()))) {
      List<Object> found = new ArrayList<>();
      rows.forEach(r -> flatten(r, found));
      for (long edge : RandomResultRows.UINT64_EDGES) {
        assertThat(found).as("seed %d", c.seed()).contains(edge);
      }
    }
  }

  private static boolean holdsUint64(ColumnType t) {
    return t == ColumnType.Scalar.UINT64
        || t instanceof ColumnType.ListOf l && holdsUint64(l.element())
        || t instanceof ColumnType.Struct s
            && s.fields().stream().anyMatch(f -> holdsUint64(f.type()));
  }

  private static void flatten(Object v, List<Object> out) {
    if (v instanceof Object[] a) {
      for (Object e : a) {
        flatten(e, out);
      }
    } else if (v instanceof List<?> l) {
      l.forEach(e -> flatten(e, out));
    } else {
      out.add(v);
    }
  }

  private static List<Object[]> readAll(Path dir, Case c) {
    return TableFileReader.readAll(LocalStorage.INSTANCE, dir.toString(), c.table, c.assumeStopped);
  }

  /** The rows as part files of {@code partRows} rows under {@code dir}; returns the files. */
  private static List<Path> write(Case c, Path dir, List<Object[]> rows, int[] partRows)
      throws IOException {
    Files.createDirectories(dir);
    List<ResultColumn> columns = c.columns();
    List<Path> files = new ArrayList<>();
    int first = 0;
    for (int p = 0; p < partRows.length; p++) {
      Path file = dir.resolve(String.format(Locale.ROOT, "part-%05d.parquet", p));
      List<Object[]> part = rows.subList(first, first + partRows[p]);
      first += partRows[p];
      if (c.writer == Writer.TABLE) {
        TableFileWriter.write(
            LocalStorage.INSTANCE, file.toString(), c.table.tableName(), columns, part);
      } else {
        Map<String, byte[][]> dictionaries =
            ColumnarRows.dictionaries(
                columns,
                part,
                c.writer == Writer.COLUMNAR_DICTIONARY
                    ? ColumnarRows.Strings.DICTIONARY
                    : ColumnarRows.Strings.BYTES);
        // Small pages and row groups, so that every file has several of both.
        ColumnarFileWriter w =
            ColumnarRows.builder(file.toString(), c.table.tableName(), columns, dictionaries)
                .pageRows(16)
                .rowGroupRows(50)
                .open();
        ColumnarRows.write(w, columns, part, dictionaries);
      }
      files.add(file);
    }
    return files;
  }
}
