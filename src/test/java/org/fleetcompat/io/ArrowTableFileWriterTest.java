package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Arrow copies our Parquet writers write ({@code run --format arrow|both}), read back with
 * Arrow's own {@link ArrowFileReader}: for every result table, in every column set a run writes,
 * through {@link TableFileWriter} and (flat tables) {@link ColumnarFileWriter} with and without
 * dictionaries, the Arrow file holds the rows of the Parquet file in the same order, with {@link
 * ArrowSchemas}'s schema; empty tables keep their schema; batches split at {@link
 * ArrowTableFileWriter#BATCH_ROWS}; the same rows give the same bytes; a failed part leaves neither
 * file. polars reads them in {@code ArrowResultReadByPolarsTest}.
 */
class ArrowTableFileWriterTest {
  private static final int ROWS = 300;

  @TempDir(factory = TargetTempDir.class)
  Path tmp;

  /** Which writer writes the part file. */
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
  void theArrowCopyHoldsTheRowsOfTheParquetFile(Case c) throws IOException {
    List<Object[]> rows = new RandomResultRows(c.toString().hashCode()).rows(c.columns(), ROWS);
    Path parquet = tmp.resolve("a/part-00000.parquet");
    Path arrow = tmp.resolve("a/arrow/part-00000.arrow");
    write(c, parquet, arrow, rows);

    assertThat(schema(arrow)).isEqualTo(ArrowSchemas.schema(c.table.tableName(), c.columns()));
    List<List<Object>> fromParquet =
        Canonical.rows(
            TableFileReader.readAll(
                LocalStorage.INSTANCE, parquet.toString(), c.table.tableName(), c.columns()));
    assertThat(read(arrow)).as(c.toString()).isEqualTo(Canonical.rows(rows)).isEqualTo(fromParquet);

    Path again = tmp.resolve("b/arrow/part-00000.arrow");
    write(c, tmp.resolve("b/part-00000.parquet"), again, rows);
    assertThat(Files.readAllBytes(again))
        .as("%s: same rows, same bytes", c)
        .isEqualTo(Files.readAllBytes(arrow));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aTableWithNoRowsKeepsItsSchema(Case c) throws IOException {
    Path arrow = tmp.resolve("arrow/part-00000.arrow");
    write(c, tmp.resolve("part-00000.parquet"), arrow, List.of());
    assertThat(schema(arrow)).isEqualTo(ArrowSchemas.schema(c.table.tableName(), c.columns()));
    assertThat(read(arrow)).isEmpty();
  }

  @Test
  void rowsSpanSeveralBatchesInOrder() throws IOException {
    Case c = new Case(ResultTable.COMPATIBLE_PAIRS, false, Writer.COLUMNAR_DICTIONARY);
    List<Object[]> rows =
        new RandomResultRows(7).rows(c.columns(), 2 * ArrowTableFileWriter.BATCH_ROWS + 5);
    Path arrow = tmp.resolve("arrow/part-00000.arrow");
    write(c, tmp.resolve("part-00000.parquet"), arrow, rows);
    assertThat(batchRows(arrow))
        .containsExactly(ArrowTableFileWriter.BATCH_ROWS, ArrowTableFileWriter.BATCH_ROWS, 5);
    assertThat(read(arrow)).isEqualTo(Canonical.rows(rows));
  }

  @Test
  void anAbortedPartLeavesNeitherFile() throws IOException {
    Path parquet = tmp.resolve("part-00000.parquet");
    Path arrow = tmp.resolve("arrow/part-00000.arrow");
    TableFileWriter w =
        TableFileWriter.open(
            LocalStorage.INSTANCE,
            parquet.toString(),
            ResultTable.POOL_EDGES,
            false,
            arrow.toString());
    w.write(new Object[] {1, 0, true});
    assertThatThrownBy(() -> w.write(new Object[] {1, null, true}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column sub_pool_id is null");
    w.abort();
    assertThat(parquet).doesNotExist();
    assertThat(arrow).doesNotExist();

    ColumnarFileWriter cw =
        ColumnarFileWriter.builder(
                LocalStorage.INSTANCE, parquet.toString(), ResultTable.CLASS_MATRIX, false)
            .arrowCopy(arrow.toString())
            .open();
    cw.setInt(0, 1);
    cw.setInt(1, 2);
    cw.endRow();
    cw.abort();
    assertThat(parquet).doesNotExist();
    assertThat(arrow).doesNotExist();
  }

  private static void write(Case c, Path parquet, Path arrow, List<Object[]> rows) {
    if (c.writer == Writer.TABLE) {
      try (TableFileWriter w =
          TableFileWriter.open(
              LocalStorage.INSTANCE,
              parquet.toString(),
              c.table.tableName(),
              c.columns(),
              arrow.toString())) {
        rows.forEach(w::write);
      }
      return;
    }
    Map<String, byte[][]> dictionaries =
        ColumnarRows.dictionaries(
            c.columns(),
            rows,
            c.writer == Writer.COLUMNAR_DICTIONARY
                ? ColumnarRows.Strings.DICTIONARY
                : ColumnarRows.Strings.BYTES);
    ColumnarFileWriter w =
        ColumnarRows.builder(parquet.toString(), c.table.tableName(), c.columns(), dictionaries)
            .arrowCopy(arrow.toString())
            .open();
    ColumnarRows.write(w, c.columns(), rows, dictionaries);
  }

  private static Schema schema(Path arrow) throws IOException {
    try (RootAllocator allocator = new RootAllocator();
        ArrowFileReader r = new ArrowFileReader(Files.newByteChannel(arrow), allocator)) {
      return r.getVectorSchemaRoot().getSchema();
    }
  }

  private static List<Integer> batchRows(Path arrow) throws IOException {
    List<Integer> out = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator();
        ArrowFileReader r = new ArrowFileReader(Files.newByteChannel(arrow), allocator)) {
      while (r.loadNextBatch()) {
        out.add(r.getVectorSchemaRoot().getRowCount());
      }
    }
    return out;
  }

  /** Every row of an Arrow file, as {@link Canonical} lists them (UINT64 as the raw pattern). */
  static List<List<Object>> read(Path arrow) throws IOException {
    List<List<Object>> out = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator();
        ArrowFileReader r = new ArrowFileReader(Files.newByteChannel(arrow), allocator)) {
      VectorSchemaRoot root = r.getVectorSchemaRoot();
      while (r.loadNextBatch()) {
        for (int i = 0; i < root.getRowCount(); i++) {
          List<Object> row = new ArrayList<>();
          for (FieldVector v : root.getFieldVectors()) {
            row.add(value(v, i));
          }
          out.add(row);
        }
      }
    }
    return out;
  }

  /** Read vector by vector: {@code getObject} of a struct drops its null fields. */
  private static Object value(FieldVector v, int i) {
    if (v.isNull(i)) {
      return null;
    }
    if (v instanceof StructVector struct) {
      List<Object> out = new ArrayList<>();
      for (FieldVector child : struct.getChildrenFromFields()) {
        out.add(value(child, i));
      }
      return out;
    }
    if (v instanceof ListVector list) {
      List<Object> out = new ArrayList<>();
      int start = list.getElementStartIndex(i);
      for (int k = start; k < list.getElementEndIndex(i); k++) {
        out.add(value(list.getDataVector(), k));
      }
      return out;
    }
    Object o = v.getObject(i);
    if (o instanceof Text t) {
      return t.toString();
    }
    if (o instanceof BigDecimal d) {
      return d.toBigIntegerExact().longValue();
    }
    return o;
  }
}
