package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;

/**
 * Checks a flat table file's statistics against the rows written into it: for every row group's
 * column chunk (footer) and every page (column index), the null count, and the minimum and maximum
 * in the column's sort order (signed numbers, false before true, strings by unsigned UTF-8 bytes,
 * UINT64 unsigned). Spark and DuckDB skip row groups by these: a wrong one loses rows.
 */
final class FooterStatistics {
  private FooterStatistics() {}

  /** Asserts exact statistics in {@code file}, which holds {@code rows}, in order. */
  static void assertExact(Path file, List<ResultColumn> columns, List<Object[]> rows)
      throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      long first = 0;
      for (BlockMetaData block : reader.getFooter().getBlocks()) {
        for (int c = 0; c < columns.size(); c++) {
          ColumnChunkMetaData chunk = block.getColumns().get(c);
          String where = file.getFileName() + " row group at row " + first + " column " + c;
          List<Object> values = column(rows, c, first, block.getRowCount());
          assertChunk(where, columns.get(c).type(), chunk.getStatistics(), values);
          assertPages(where, reader, chunk, columns.get(c).type(), values);
        }
        first += block.getRowCount();
      }
      assertThat(first).as("rows in %s", file).isEqualTo(rows.size());
    }
  }

  private static List<Object> column(List<Object[]> rows, int c, long first, long count) {
    return rows.subList((int) first, (int) (first + count)).stream().map(r -> r[c]).toList();
  }

  private static void assertChunk(
      String where, ColumnType type, Statistics<?> stats, List<Object> values) {
    assertThat(stats).as("statistics of %s", where).isNotNull();
    assertThat(stats.isEmpty()).as("statistics of %s are empty", where).isFalse();
    assertThat(stats.getNumNulls())
        .as("null count of %s", where)
        .isEqualTo(values.stream().filter(Objects::isNull).count());
    List<Object> present = values.stream().filter(Objects::nonNull).toList();
    assertThat(stats.hasNonNullValue())
        .as("min/max present in %s", where)
        .isEqualTo(!present.isEmpty());
    if (!present.isEmpty()) {
      assertThat(decode(type, stats.genericGetMin()))
          .as("min of %s", where)
          .isEqualTo(min(type, present));
      assertThat(decode(type, stats.genericGetMax()))
          .as("max of %s", where)
          .isEqualTo(max(type, present));
    }
  }

  private static void assertPages(
      String where,
      ParquetFileReader reader,
      ColumnChunkMetaData chunk,
      ColumnType type,
      List<Object> values)
      throws IOException {
    ColumnIndex index = reader.readColumnIndex(chunk);
    OffsetIndex offsets = reader.readOffsetIndex(chunk);
    assertThat(index).as("column index of %s", where).isNotNull();
    for (int p = 0; p < offsets.getPageCount(); p++) {
      int from = (int) offsets.getFirstRowIndex(p);
      int to =
          p + 1 < offsets.getPageCount() ? (int) offsets.getFirstRowIndex(p + 1) : values.size();
      List<Object> page = values.subList(from, to);
      List<Object> present = page.stream().filter(Objects::nonNull).toList();
      String at = where + " page " + p;
      assertThat(index.getNullCounts().get(p))
          .as("null count of %s", at)
          .isEqualTo(page.size() - present.size());
      assertThat(index.getNullPages().get(p)).as("null page %s", at).isEqualTo(present.isEmpty());
      if (!present.isEmpty()) {
        assertThat(plain(type, index.getMinValues().get(p)))
            .as("min of %s", at)
            .isEqualTo(min(type, present));
        assertThat(plain(type, index.getMaxValues().get(p)))
            .as("max of %s", at)
            .isEqualTo(max(type, present));
      }
    }
  }

  /** A footer statistic as the writer's value type. */
  private static Object decode(ColumnType type, Object stat) {
    if (type == ColumnType.Scalar.STRING) {
      return ((Binary) stat).toStringUsingUTF8();
    }
    if (type == ColumnType.Scalar.UINT64) {
      return ParquetSchemas.uint64FromBytes(((Binary) stat).getBytes());
    }
    return stat;
  }

  /** A column index bound, PLAIN encoded, as the writer's value type. */
  private static Object plain(ColumnType type, ByteBuffer bytes) {
    ByteBuffer b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    byte[] raw = new byte[b.remaining()];
    b.duplicate().get(raw);
    return switch ((ColumnType.Scalar) type) {
      case STRING -> new String(raw, StandardCharsets.UTF_8);
      case INT -> b.getInt(b.position());
      case LONG -> b.getLong(b.position());
      case BOOLEAN -> raw[0] != 0;
      case UINT64 -> ParquetSchemas.uint64FromBytes(raw);
    };
  }

  private static Object min(ColumnType type, List<Object> present) {
    return present.stream().min(order(type)).orElseThrow();
  }

  private static Object max(ColumnType type, List<Object> present) {
    return present.stream().max(order(type)).orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Comparator<Object> order(ColumnType type) {
    return switch ((ColumnType.Scalar) type) {
      case STRING ->
          (a, b) ->
              Arrays.compareUnsigned(
                  ((String) a).getBytes(StandardCharsets.UTF_8),
                  ((String) b).getBytes(StandardCharsets.UTF_8));
      case UINT64 -> (a, b) -> Long.compareUnsigned((Long) a, (Long) b);
      default -> (a, b) -> ((Comparable<Object>) a).compareTo(b);
    };
  }
}
