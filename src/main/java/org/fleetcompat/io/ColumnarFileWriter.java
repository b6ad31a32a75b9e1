package org.fleetcompat.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.fleetcompat.core.FleetcompatException;

// Longer than most classes: the per-row path is here in one piece (setters that stage a value,
// endRow() that hands the staged row to the columns), so the JIT inlines all of it; splitting it
// across types would put virtual calls back into a loop of 100 million rows.

/**
 * Writes one Parquet part file of a flat table (every column a {@link ColumnType.Scalar}) value by
 * value, for the big per-system tables: {@code compatible_pairs} (10-100 million rows), {@code
 * vm_summary} (a million). The file reads back exactly as {@link TableFileWriter}'s of the same
 * rows; the schema is {@link ParquetSchemas#messageType}.
 *
 * <p>Each row is a call per column, then {@link #endRow()}. A STRING column may be bound to a
 * <em>dictionary</em> when the writer is built: the distinct UTF-8 values in ascending unsigned
 * byte order; it then takes indices into it, and the file stores them as Parquet dictionary indices
 * without looking a single value up. This is how {@code compatible_pairs} is written: host ids from
 * the dictionary of all hosts, VM ids from that of the part file's VMs, in long runs.
 *
 * <pre>{@code
 * ColumnarFileWriter w = ColumnarFileWriter.builder(storage, file, ResultTable.COMPATIBLE_PAIRS, false)
 *     .dictionary("vm_id", vmIds).dictionary("host_id", hostIds).open();
 * try {
 *   for (...) { w.setDictionaryIndex(0, vm); w.setDictionaryIndex(1, host); w.endRow(); }
 *   long rows = w.close();
 * } catch (RuntimeException e) { w.abort(); throw e; }
 * }</pre>
 *
 * <p>The file: SNAPPY, data page v1 (Spark's default), pages of about {@link #DEFAULT_PAGE_BYTES}
 * encoded bytes and at most {@link #DEFAULT_PAGE_ROWS} rows, row groups of at most {@link
 * #DEFAULT_ROW_GROUP_ROWS} rows and about {@link #ROW_GROUP_BYTES} bytes; dictionary columns in
 * dictionary encoding (the whole dictionary in every row group), the others PLAIN. Every page and
 * column chunk carries exact statistics: minimum and maximum in the column's sort order and the
 * null count. The same rows give the same bytes. A row group is held in memory, compressed, until
 * it is complete.
 *
 * <p>Not thread safe: one writer per thread. A call the row does not allow (a setter of another
 * type than the column's, a null in a column declared not nullable, a column set twice or left
 * unset, an index outside the dictionary) throws an {@link IllegalArgumentException} naming the
 * table, the column and the row, and discards the row; the writer goes on with the next one.
 */
public final class ColumnarFileWriter {
  /** The encoded bytes a page holds at most, about: what Spark and parquet-mr write. */
  public static final int DEFAULT_PAGE_BYTES = 1 << 20;

  /** The rows a page holds at most: parquet-mr's default, so page indexes stay selective. */
  public static final int DEFAULT_PAGE_ROWS = 20_000;

  /** The rows a row group holds at most. */
  public static final int DEFAULT_ROW_GROUP_ROWS = 1 << 22;

  /** The encoded, uncompressed bytes after which a row group ends: parquet-mr's default size. */
  public static final long ROW_GROUP_BYTES = 128L << 20;

  /** How many rows go by between two checks of the pages' sizes. */
  private static final int SIZE_CHECK_ROWS = 128;

  private final String tableName;
  private final String file;
  private final Storage storage;
  private final ColumnarChunk[] chunks;
  private final int width;
  private final int pageRowLimit;
  private final int rowGroupRows;
  private final CompressionCodecFactory codecs;
  private final CompressionCodecFactory.BytesInputCompressor compressor;
  private final AbortableOutputFile output;
  private final ParquetFileWriter out;
  private final ArrowTableFileWriter arrow;
  private final byte[][][] dictionaries;

  private final byte[] kinds;
  private final int[] dictionarySizes;
  private final long[] stagedValues;
  private final byte[][] stagedBytes;
  private final boolean[] stagedNulls;
  private final long[] setInRow;
  private long generation = 1;
  private int setCount;

  private long rows;
  private int pageRows;
  private int pageEnd;
  private long groupRows;
  private long groupBytes;
  private boolean closed;

  private ColumnarFileWriter(Builder b) throws IOException {
    this.tableName = b.tableName;
    this.file = b.file;
    this.storage = b.storage;
    this.width = b.columns.size();
    this.pageRowLimit = b.pageRows;
    this.rowGroupRows = b.rowGroupRows;
    MessageType schema = ParquetSchemas.messageType(tableName, b.columns);
    this.codecs = ParquetCodecs.newWriteFactory(b.pageBytes);
    this.compressor = codecs.getCompressor(CompressionCodecName.SNAPPY);
    this.chunks = new ColumnarChunk[width];
    this.kinds = new byte[width];
    this.dictionarySizes = new int[width];
    this.stagedValues = new long[width];
    this.stagedBytes = new byte[width][];
    this.stagedNulls = new boolean[width];
    this.setInRow = new long[width];
    this.pageEnd = Math.min(pageRowLimit, rowGroupRows);
    this.dictionaries = new byte[width][][];
    for (int i = 0; i < width; i++) {
      dictionaries[i] = b.dictionaries.get(b.columns.get(i).name());
    }
    try {
      for (int i = 0; i < width; i++) {
        ResultColumn c = b.columns.get(i);
        chunks[i] =
            new ColumnarChunk(
                c,
                schema.getColumns().get(i),
                b.dictionaries.get(c.name()),
                b.pageBytes,
                compressor);
        kinds[i] = chunks[i].kind;
        dictionarySizes[i] = chunks[i].dictionarySize();
      }
      this.output =
          new AbortableOutputFile(new CanonicalFooterOutputFile(storage.outputFile(file)));
      this.out =
          new ParquetFileWriter(
              output,
              schema,
              ParquetFileWriter.Mode.OVERWRITE,
              ROW_GROUP_BYTES,
              ParquetWriter.MAX_PADDING_SIZE_DEFAULT,
              null,
              ParquetProperties.builder().build());
      out.start();
    } catch (IOException | RuntimeException e) {
      codecs.release();
      throw e;
    }
    ArrowTableFileWriter copy = null;
    if (b.arrowFile != null) {
      try {
        copy = ArrowTableFileWriter.open(storage, b.arrowFile, tableName, b.columns);
      } catch (RuntimeException e) {
        out.abort();
        output.closeStream();
        storage.delete(file);
        release();
        throw e;
      }
    }
    this.arrow = copy;
  }

  /**
   * A builder of a writer of the part file {@code file}.
   *
   * @param storage where the file goes; not null
   * @param file the file's path; an existing file is replaced
   * @param tableName the table's name, for messages and the schema; not null
   * @param columns the columns the file holds, in order, every one a {@link ColumnType.Scalar}
   * @throws IllegalArgumentException if a column is not flat, the columns are empty or name a
   *     column twice
   */
  public static Builder builder(
      Storage storage, String file, String tableName, List<ResultColumn> columns) {
    return new Builder(storage, file, tableName, columns);
  }

  /**
   * A builder for a part file of a result table with the columns a run writes: {@code
   * builder(storage, file, table.tableName(), table.columns(assumeStopped))}.
   */
  public static Builder builder(
      Storage storage, String file, ResultTable table, boolean assumeStopped) {
    return builder(storage, file, table.tableName(), table.columns(assumeStopped));
  }

  /**
   * A dictionary for {@link Builder#dictionary}: the distinct values of {@code values} as UTF-8,
   * sorted by their unsigned bytes (which is not {@link String#compareTo}'s order for characters
   * outside the Basic Multilingual Plane).
   *
   * @param values the values; none null
   */
  public static byte[][] dictionaryOf(Collection<String> values) {
    return Utf8Dictionaries.of(values);
  }

  /**
   * The position of a column among the writer's columns: the {@code column} argument of the
   * setters.
   *
   * @throws IllegalArgumentException if there is no such column
   */
  public int columnIndex(String name) {
    for (int i = 0; i < width; i++) {
      if (chunks[i].name.equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(tableName + " has no column " + name);
  }

  /** Sets an INT column of the current row. */
  public void setInt(int column, int value) {
    stage(column, ColumnarChunk.INT, ColumnarChunk.INT, "setInt");
    stagedValues[column] = value;
  }

  /** Sets a LONG column, or a UINT64 column to the raw 64-bit pattern ({@code -1L} is 2^64-1). */
  public void setLong(int column, long value) {
    stage(column, ColumnarChunk.LONG, ColumnarChunk.UINT64, "setLong");
    stagedValues[column] = value;
  }

  /** Sets a BOOLEAN column of the current row. */
  public void setBoolean(int column, boolean value) {
    stage(column, ColumnarChunk.BOOLEAN, ColumnarChunk.BOOLEAN, "setBoolean");
    stagedValues[column] = value ? 1 : 0;
  }

  /**
   * Sets a STRING column without a dictionary to UTF-8 bytes, which are not checked, not copied,
   * and must not change before {@link #endRow()}; null sets the column null.
   */
  public void setString(int column, byte[] utf8) {
    if (utf8 == null) {
      setNull(column);
      return;
    }
    stage(column, ColumnarChunk.STRING, ColumnarChunk.STRING, "setString");
    stagedBytes[column] = utf8;
  }

  /** Sets a STRING column without a dictionary; null sets the column null. */
  public void setString(int column, String value) {
    setString(column, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  /** Sets a STRING column bound to a dictionary to the value at {@code index} in it. */
  public void setDictionaryIndex(int column, int index) {
    stage(column, ColumnarChunk.DICTIONARY, ColumnarChunk.DICTIONARY, "setDictionaryIndex");
    if (index < 0 || index >= dictionarySizes[column]) {
      throw reject(
          ResultFileErrors.misuse(
              tableName,
              chunks[column].name,
              rows,
              "has no dictionary index "
                  + index
                  + ": its dictionary holds "
                  + chunks[column].dictionarySize()
                  + " values"));
    }
    stagedValues[column] = index;
  }

  /** Sets a column declared nullable to null. */
  public void setNull(int column) {
    ColumnarChunk c = chunk(column);
    if (!c.nullable) {
      throw reject(ResultFileErrors.nullValue(tableName, c.name, rows));
    }
    mark(column);
    stagedNulls[column] = true;
  }

  /**
   * Ends the current row: every column must have been set once.
   *
   * @throws IllegalArgumentException if a column was not set; the row is discarded
   * @throws IllegalStateException if the writer is closed or aborted
   * @throws FleetcompatException (32768) if the file cannot be written
   */
  public void endRow() {
    if (closed) {
      throw new IllegalStateException("Cannot write " + tableName + ": " + file + " is closed");
    }
    if (setCount != width) {
      throw reject(ResultFileErrors.misuse(tableName, unsetColumn(), rows, "was not set"));
    }
    try {
      for (int c = 0; c < width; c++) {
        ColumnarChunk chunk = chunks[c];
        if (stagedNulls[c]) {
          chunk.appendNull();
        } else if (chunk.kind == ColumnarChunk.STRING) {
          chunk.append(stagedBytes[c]);
        } else {
          chunk.append(stagedValues[c]);
        }
      }
      if (arrow != null) {
        copyRowToArrow();
      }
      generation++;
      setCount = 0;
      rows++;
      if (++pageRows >= pageEnd || (pageRows % SIZE_CHECK_ROWS == 0 && isAPageFull())) {
        endPage();
      }
    } catch (IOException e) {
      throw ResultFileErrors.cannotWrite(tableName, file, e);
    }
  }

  /** Hands the staged row to the Arrow copy: the same values, dictionary indices resolved. */
  private void copyRowToArrow() {
    for (int c = 0; c < width; c++) {
      if (stagedNulls[c]) {
        arrow.setNull(c);
      } else if (kinds[c] == ColumnarChunk.STRING) {
        arrow.setUtf8(c, stagedBytes[c]);
      } else if (kinds[c] == ColumnarChunk.DICTIONARY) {
        arrow.setUtf8(c, dictionaries[c][(int) stagedValues[c]]);
      } else {
        arrow.setLong(c, stagedValues[c]);
      }
    }
    arrow.endRow();
  }

  /**
   * Writes {@code to - from} rows of a two-column table at once: column {@code fixed} holds {@code
   * fixedValue} in each of them (an int, or an index into its dictionary), column {@code varying}
   * holds {@code values[from]}, ..., {@code values[to - 1]} in turn. Both columns must be INT or
   * dictionary-bound STRING columns that are not nullable, and the table must have no other column.
   * The rows read back exactly as if written one by one with {@link #endRow()}; only page
   * boundaries may fall elsewhere. The pair tables are written this way: one call per VM, with no
   * per-row bookkeeping.
   *
   * @throws IllegalArgumentException if the columns do not fit, a value is outside its dictionary,
   *     or a row is half set; nothing is written then
   * @throws FleetcompatException (32768) if the file cannot be written
   */
  public void writeRun(int fixed, long fixedValue, int varying, int[] values, int from, int to) {
    if (closed) {
      throw new IllegalStateException("Cannot write " + tableName + ": " + file + " is closed");
    }
    if (width != 2 || fixed == varying || setCount != 0 || !runnable(fixed) || !runnable(varying)) {
      throw new IllegalArgumentException(
          "Cannot write "
              + tableName
              + " in runs: writeRun takes the two not-null INT or dictionary columns of a"
              + " two-column table, between rows");
    }
    checkRunValue(fixed, fixedValue);
    for (int i = from; i < to; i++) {
      checkRunValue(varying, values[i]);
    }
    if (arrow != null) {
      copyRunToArrow(fixed, fixedValue, varying, values, from, to);
    }
    try {
      int at = from;
      while (at < to) {
        int n = Math.min(to - at, pageEnd - pageRows);
        chunks[fixed].appendRepeated(fixedValue, n);
        chunks[varying].appendAll(values, at, at + n);
        at += n;
        rows += n;
        pageRows += n;
        if (pageRows >= pageEnd || isAPageFull()) {
          endPage();
        }
      }
    } catch (IOException e) {
      throw ResultFileErrors.cannotWrite(tableName, file, e);
    }
  }

  /**
   * The rows of a {@link #writeRun} for the Arrow copy, one by one, dictionary indices resolved.
   */
  private void copyRunToArrow(
      int fixed, long fixedValue, int varying, int[] values, int from, int to) {
    for (int i = from; i < to; i++) {
      copyRunValue(fixed, fixedValue);
      copyRunValue(varying, values[i]);
      arrow.endRow();
    }
  }

  private void copyRunValue(int column, long value) {
    if (kinds[column] == ColumnarChunk.DICTIONARY) {
      arrow.setUtf8(column, dictionaries[column][(int) value]);
    } else {
      arrow.setLong(column, value);
    }
  }

  private boolean runnable(int column) {
    return column >= 0
        && column < width
        && !chunks[column].nullable
        && (kinds[column] == ColumnarChunk.INT || kinds[column] == ColumnarChunk.DICTIONARY);
  }

  private void checkRunValue(int column, long value) {
    boolean ok =
        kinds[column] == ColumnarChunk.DICTIONARY
            ? value >= 0 && value < dictionarySizes[column]
            : value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
    if (!ok) {
      throw ResultFileErrors.misuse(
          tableName, chunks[column].name, rows, "cannot hold " + value + " in writeRun");
    }
  }

  /** The rows ended so far. */
  public long rowCount() {
    return rows;
  }

  /**
   * Finishes the file: the last page and row group, then the footer. Calling it again does nothing.
   *
   * @return the rows written
   * @throws FleetcompatException (32768) if the file cannot be written; the partial file is then
   *     deleted
   */
  public long close() {
    if (closed) {
      return rows;
    }
    try {
      if (pageRows > 0) {
        endPage();
      }
      if (groupRows > 0) {
        endRowGroup();
      }
      out.end(Map.of(ParquetWriter.OBJECT_MODEL_NAME_PROP, RowWriteSupport.MODEL_NAME));
      if (arrow != null) {
        arrow.close();
      }
    } catch (IOException | FleetcompatException e) {
      FleetcompatException failure =
          e instanceof FleetcompatException f
              ? f
              : ResultFileErrors.cannotWrite(tableName, file, e);
      try {
        abort();
      } catch (FleetcompatException f) {
        failure.addSuppressed(f);
      }
      throw failure;
    }
    closed = true;
    release();
    return rows;
  }

  /**
   * Gives the file up: closes it without a footer and deletes it. For a failure before {@link
   * #close()}; does nothing after it.
   *
   * @throws FleetcompatException (32768) if the partial file cannot be deleted
   */
  public void abort() {
    if (closed) {
      return;
    }
    closed = true;
    out.abort();
    try {
      if (arrow != null) {
        arrow.abort();
      }
      output.closeStream();
      storage.delete(file);
    } catch (IOException e) {
      throw ResultFileErrors.cannotWrite(tableName, file, e);
    } finally {
      release();
    }
  }

  private void release() {
    for (ColumnarChunk c : chunks) {
      c.close();
    }
    codecs.release();
  }

  private ColumnarChunk chunk(int column) {
    if (column < 0 || column >= width) {
      throw reject(
          new IllegalArgumentException(
              "Cannot write "
                  + tableName
                  + " row "
                  + rows
                  + ": there is no column "
                  + column
                  + ", the table has "
                  + width
                  + " columns"));
    }
    return chunks[column];
  }

  private void stage(int column, byte kind, byte alsoKind, String setter) {
    if (column < 0 || column >= width || (kinds[column] != kind && kinds[column] != alsoKind)) {
      ColumnarChunk c = chunk(column);
      throw reject(ResultFileErrors.misuse(tableName, c.name, rows, wrongSetter(c, setter)));
    }
    mark(column);
    stagedNulls[column] = false;
  }

  private void mark(int column) {
    if (setInRow[column] == generation) {
      throw reject(
          ResultFileErrors.misuse(tableName, chunks[column].name, rows, "is set twice in one row"));
    }
    setInRow[column] = generation;
    setCount++;
  }

  /** Discards the current row, so that the writer goes on with a new one. */
  private IllegalArgumentException reject(IllegalArgumentException e) {
    generation++;
    setCount = 0;
    return e;
  }

  private String unsetColumn() {
    for (int c = 0; c < width; c++) {
      if (setInRow[c] != generation) {
        return chunks[c].name;
      }
    }
    throw new IllegalStateException("every column is set");
  }

  private static String wrongSetter(ColumnarChunk c, String setter) {
    String expected =
        switch (c.kind) {
          case ColumnarChunk.INT -> "an INT: set it with setInt";
          case ColumnarChunk.LONG -> "a LONG: set it with setLong";
          case ColumnarChunk.UINT64 -> "a UINT64: set it with setLong";
          case ColumnarChunk.BOOLEAN -> "a BOOLEAN: set it with setBoolean";
          case ColumnarChunk.STRING -> "a STRING without a dictionary: set it with setString";
          default -> "a STRING bound to a dictionary: set it with setDictionaryIndex";
        };
    return "is " + expected + ", not " + setter;
  }

  private boolean isAPageFull() {
    for (ColumnarChunk c : chunks) {
      if (c.isPageFull()) {
        return true;
      }
    }
    return false;
  }

  private void endPage() throws IOException {
    for (ColumnarChunk c : chunks) {
      groupBytes += c.endPage(pageRows, compressor);
    }
    groupRows += pageRows;
    pageRows = 0;
    if (groupRows >= rowGroupRows || groupBytes >= ROW_GROUP_BYTES) {
      endRowGroup();
    }
    pageEnd = (int) Math.min(pageRowLimit, rowGroupRows - groupRows);
  }

  private void endRowGroup() throws IOException {
    out.startBlock(groupRows);
    for (ColumnarChunk c : chunks) {
      c.writeChunk(out, groupRows);
    }
    out.endBlock();
    groupRows = 0;
    groupBytes = 0;
  }

  /**
   * Builds a {@link ColumnarFileWriter}: dictionaries and, for tests and tuning, the layout. Not
   * thread safe.
   */
  public static final class Builder {
    private final Storage storage;
    private final String file;
    private final String tableName;
    private final List<ResultColumn> columns;
    private final Map<String, byte[][]> dictionaries = new HashMap<>();
    private int pageBytes = DEFAULT_PAGE_BYTES;
    private int pageRows = DEFAULT_PAGE_ROWS;
    private int rowGroupRows = DEFAULT_ROW_GROUP_ROWS;
    private String arrowFile;

    private Builder(Storage storage, String file, String tableName, List<ResultColumn> columns) {
      this.storage = Objects.requireNonNull(storage, "storage");
      this.file = Objects.requireNonNull(file, "file");
      this.tableName = Objects.requireNonNull(tableName, "tableName");
      ParquetSchemas.messageType(tableName, columns);
      for (ResultColumn c : columns) {
        if (!c.type().isFlat()) {
          throw new IllegalArgumentException(
              "Cannot write "
                  + tableName
                  + " with ColumnarFileWriter: column "
                  + c.name()
                  + " is "
                  + ResultFileErrors.describe(c.type())
                  + ", not flat; write the table with TableFileWriter");
        }
      }
      this.columns = new ArrayList<>(columns);
    }

    /**
     * Binds a STRING column to a dictionary: the column then takes {@link #setDictionaryIndex}
     * indices into {@code values}. The outer array is copied, the values are not: leave them
     * unchanged while the writer is open.
     *
     * @param column the column's name
     * @param values distinct, valid UTF-8 values in ascending unsigned-byte order ({@link
     *     #dictionaryOf} makes one); may be empty
     * @throws IllegalArgumentException if the column is not a STRING column of the table, or the
     *     values are not distinct, sorted, non-null UTF-8
     */
    public Builder dictionary(String column, byte[][] values) {
      ResultColumn c =
          columns.stream()
              .filter(x -> x.name().equals(column))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalArgumentException(tableName + " has no column " + column));
      if (c.type() != ColumnType.Scalar.STRING) {
        throw ResultFileErrors.badDictionary(
            tableName, column, "cannot be bound: the column is " + c.type() + ", not STRING");
      }
      Utf8Dictionaries.check(tableName, column, values);
      dictionaries.put(column, values.clone());
      return this;
    }

    /**
     * The encoded bytes after which a page ends, about; default {@link #DEFAULT_PAGE_BYTES}.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder pageBytes(int bytes) {
      this.pageBytes = positive("pageBytes", bytes);
      return this;
    }

    /**
     * The rows a page holds at most; default {@link #DEFAULT_PAGE_ROWS}.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder pageRows(int rows) {
      this.pageRows = positive("pageRows", rows);
      return this;
    }

    /**
     * The rows a row group holds at most; default {@link #DEFAULT_ROW_GROUP_ROWS}.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder rowGroupRows(int rows) {
      this.rowGroupRows = positive("rowGroupRows", rows);
      return this;
    }

    /**
     * Also writes every row to an Arrow IPC file (Feather v2) of the same schema ({@link
     * ArrowSchemas}) at {@code file}: {@link #close()} finishes both files, {@link #abort()}
     * deletes both. Null for none, the default.
     */
    public Builder arrowCopy(String file) {
      this.arrowFile = file;
      return this;
    }

    private static int positive(String what, int n) {
      if (n <= 0) {
        throw new IllegalArgumentException(what + " must be positive, not " + n);
      }
      return n;
    }

    /**
     * Creates (or replaces) the file and returns its writer.
     *
     * @throws FleetcompatException (32768) if the file cannot be created
     */
    public ColumnarFileWriter open() {
      try {
        return new ColumnarFileWriter(this);
      } catch (IOException e) {
        throw ResultFileErrors.cannotWrite(tableName, file, e);
      }
    }
  }
}
