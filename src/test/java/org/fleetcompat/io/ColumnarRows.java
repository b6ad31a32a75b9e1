package org.fleetcompat.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes {@code Object[]} rows of a flat table through {@link ColumnarFileWriter}'s setters, the
 * way the engine will: STRING columns either as UTF-8 bytes or, bound to a dictionary of the rows'
 * distinct values, as indices.
 */
final class ColumnarRows {
  private ColumnarRows() {}

  /** How STRING columns are handed to the writer. */
  enum Strings {
    /** {@link ColumnarFileWriter#setString(int, byte[])}. */
    BYTES,
    /** A dictionary per STRING column and {@link ColumnarFileWriter#setDictionaryIndex}. */
    DICTIONARY
  }

  /** A builder for {@code file} with {@code dictionaries} bound, by column name. */
  static ColumnarFileWriter.Builder builder(
      String file, String table, List<ResultColumn> columns, Map<String, byte[][]> dictionaries) {
    ColumnarFileWriter.Builder b =
        ColumnarFileWriter.builder(LocalStorage.INSTANCE, file, table, columns);
    dictionaries.forEach(b::dictionary);
    return b;
  }

  /**
   * Writes {@code rows} and closes the writer.
   *
   * @param dictionaries the dictionaries bound, by column name (empty for none)
   * @return the rows written
   */
  static long write(
      ColumnarFileWriter w,
      List<ResultColumn> columns,
      List<Object[]> rows,
      Map<String, byte[][]> dictionaries) {
    for (Object[] row : rows) {
      setRow(w, columns, row, dictionaries);
      w.endRow();
    }
    return w.close();
  }

  /** Sets every column of one row. */
  static void setRow(
      ColumnarFileWriter w,
      List<ResultColumn> columns,
      Object[] row,
      Map<String, byte[][]> dictionaries) {
    for (int c = 0; c < columns.size(); c++) {
      Object v = row[c];
      if (v == null) {
        w.setNull(c);
        continue;
      }
      switch ((ColumnType.Scalar) columns.get(c).type()) {
        case STRING -> {
          byte[] utf8 = ((String) v).getBytes(StandardCharsets.UTF_8);
          byte[][] dictionary = dictionaries.get(columns.get(c).name());
          if (dictionary == null) {
            w.setString(c, utf8);
          } else {
            w.setDictionaryIndex(c, Arrays.binarySearch(dictionary, utf8, Arrays::compareUnsigned));
          }
        }
        case INT -> w.setInt(c, (Integer) v);
        case LONG, UINT64 -> w.setLong(c, (Long) v);
        case BOOLEAN -> w.setBoolean(c, (Boolean) v);
      }
    }
  }

  /** A dictionary of the rows' distinct values per STRING column, or none, by column name. */
  static Map<String, byte[][]> dictionaries(
      List<ResultColumn> columns, List<Object[]> rows, Strings strings) {
    Map<String, byte[][]> out = new HashMap<>();
    if (strings == Strings.DICTIONARY) {
      for (int c = 0; c < columns.size(); c++) {
        if (columns.get(c).type() == ColumnType.Scalar.STRING) {
          int col = c;
          out.put(
              columns.get(c).name(),
              ColumnarFileWriter.dictionaryOf(
                  rows.stream().map(r -> (String) r[col]).filter(Objects::nonNull).toList()));
        }
      }
    }
    return out;
  }
}
