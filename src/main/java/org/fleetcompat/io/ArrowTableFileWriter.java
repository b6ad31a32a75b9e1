package org.fleetcompat.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.fleetcompat.core.FleetcompatException;

/**
 * Writes one Arrow IPC file (Feather v2, uncompressed) of a declared table, the Arrow copy of a
 * Parquet part file: {@link TableFileWriter} and {@link ColumnarFileWriter} hand it every row they
 * write when they are opened with an Arrow copy, so both files hold the same rows in the same
 * order. The schema is {@link ArrowSchemas#schema}; record batches of at most {@link #BATCH_ROWS}
 * rows, so the bytes are a function of the declaration and the rows. A table with no rows gets a
 * file with the schema and no batch.
 *
 * <p>Two ways in, one per caller: {@link #write(Object[])} takes a row as {@link ColumnType} says
 * (checked by the caller); the flat setters ({@link #setLong}, {@link #setUtf8}, {@link #setNull})
 * and {@link #endRow()} take a flat row value by value. Not thread safe. After a failure, {@link
 * #abort()} deletes the partial file.
 *
 * <p>Arrow's memory needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on Java 17; without it
 * the first file fails with a {@link FleetcompatException} saying so.
 */
final class ArrowTableFileWriter implements Closeable {
  /** The rows of a record batch, at most. */
  static final int BATCH_ROWS = 1 << 16;

  private static final byte INT = 0;
  private static final byte LONG = 1;
  private static final byte BOOLEAN = 2;
  private static final byte UINT64 = 3;
  private static final byte STRING = 4;
  private static final byte NESTED = 5;

  private final Storage storage;
  private final String tableName;
  private final String file;
  private final List<ResultColumn> columns;
  private final BufferAllocator allocator;
  private final VectorSchemaRoot root;
  private final FieldVector[] vectors;
  private final byte[] kinds;
  private final OutputStream stream;
  private final ArrowFileWriter writer;
  private int batchRows;
  private long rows;
  private boolean closed;
  private boolean released;

  private ArrowTableFileWriter(
      Storage storage, String file, String tableName, List<ResultColumn> columns) {
    this.storage = storage;
    this.file = file;
    this.tableName = tableName;
    this.columns = List.copyOf(columns);
    BufferAllocator a = null;
    try {
      a = new RootAllocator();
      // Without java.nio opened to it, Arrow fails only when it hands the first batch's buffers
      // to the channel: fail here, naming the fix, rather than after the rows.
      try (ArrowBuf probe = a.buffer(Long.BYTES)) {
        probe.nioBuffer(0, Long.BYTES);
      }
    } catch (RuntimeException | LinkageError e) {
      if (a != null) {
        a.close();
      }
      throw ResultFileErrors.arrowUnavailable(tableName, file, e);
    }
    this.allocator = a;
    this.root = VectorSchemaRoot.create(ArrowSchemas.schema(tableName, columns), allocator);
    this.vectors = root.getFieldVectors().toArray(FieldVector[]::new);
    this.kinds = new byte[vectors.length];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = kind(this.columns.get(i).type());
    }
    OutputStream s = null;
    ArrowFileWriter w = null;
    try {
      s = storage.create(file);
      w =
          new ArrowFileWriter(
              root, new DictionaryProvider.MapDictionaryProvider(), Channels.newChannel(s));
      w.start();
      root.allocateNew();
    } catch (IOException | RuntimeException e) {
      closeQuietly(s);
      root.close();
      allocator.close();
      throw e instanceof IOException
          ? ResultFileErrors.cannotWrite(tableName, file, e)
          : ResultFileErrors.arrowUnavailable(tableName, file, e);
    }
    this.stream = s;
    this.writer = w;
  }

  /**
   * Creates (or replaces) the Arrow file {@code file}.
   *
   * @throws FleetcompatException (32768) if the file cannot be created or Arrow cannot allocate
   */
  static ArrowTableFileWriter open(
      Storage storage, String file, String tableName, List<ResultColumn> columns) {
    return new ArrowTableFileWriter(storage, file, tableName, columns);
  }

  /** Writes one row: one value per column, as {@link ColumnType} says, already checked. */
  void write(Object[] row) {
    for (int c = 0; c < vectors.length; c++) {
      fill(vectors[c], columns.get(c).type(), batchRows, row[c]);
    }
    endRow();
  }

  /** Sets a flat INT, LONG, BOOLEAN (0 or 1) or UINT64 (the raw pattern) column of the row. */
  void setLong(int column, long value) {
    int i = batchRows;
    switch (kinds[column]) {
      case INT -> ((IntVector) vectors[column]).setSafe(i, (int) value);
      case LONG -> ((BigIntVector) vectors[column]).setSafe(i, value);
      case BOOLEAN -> ((BitVector) vectors[column]).setSafe(i, value != 0 ? 1 : 0);
      case UINT64 -> setUint64((DecimalVector) vectors[column], i, value);
      default -> throw new IllegalStateException(columns.get(column).name() + " is not numeric");
    }
  }

  /** Sets a STRING column of the row to UTF-8 bytes. */
  void setUtf8(int column, byte[] utf8) {
    ((VarCharVector) vectors[column]).setSafe(batchRows, utf8);
  }

  /** Sets a column of the row to null. */
  void setNull(int column) {
    vectors[column].setNull(batchRows);
  }

  /** Ends the row set value by value; writes a batch when it is full. */
  void endRow() {
    rows++;
    if (++batchRows == BATCH_ROWS) {
      writeBatch();
    }
  }

  /** The rows written so far. */
  long rowCount() {
    return rows;
  }

  /**
   * Writes the last batch and the footer. Calling it again does nothing.
   *
   * @throws FleetcompatException (32768) if the file cannot be written
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      if (batchRows > 0) {
        writeBatch();
      }
      writer.end();
      writer.close();
    } catch (IOException | RuntimeException e) {
      FleetcompatException failure = ResultFileErrors.cannotWrite(tableName, file, e);
      try {
        abort();
      } catch (FleetcompatException f) {
        failure.addSuppressed(f);
      }
      throw failure;
    } finally {
      release();
    }
    closed = true;
  }

  /**
   * Gives the file up: closes and deletes it. Does nothing after {@link #close()}.
   *
   * @throws FleetcompatException (32768) if the partial file cannot be deleted
   */
  void abort() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(stream);
    release();
    try {
      storage.delete(file);
    } catch (IOException e) {
      throw ResultFileErrors.cannotWrite(tableName, file, e);
    }
  }

  private void writeBatch() {
    root.setRowCount(batchRows);
    try {
      writer.writeBatch();
    } catch (IOException e) {
      throw ResultFileErrors.cannotWrite(tableName, file, e);
    }
    batchRows = 0;
    root.allocateNew();
  }

  private void release() {
    if (released) {
      return;
    }
    released = true;
    root.close();
    allocator.close();
  }

  private static void fill(FieldVector vector, ColumnType type, int index, Object value) {
    if (value == null) {
      vector.setNull(index);
      return;
    }
    if (type instanceof ColumnType.Scalar scalar) {
      switch (scalar) {
        case STRING ->
            ((VarCharVector) vector)
                .setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
        case INT -> ((IntVector) vector).setSafe(index, (Integer) value);
        case LONG -> ((BigIntVector) vector).setSafe(index, (Long) value);
        case BOOLEAN -> ((BitVector) vector).setSafe(index, (Boolean) value ? 1 : 0);
        case UINT64 -> setUint64((DecimalVector) vector, index, (Long) value);
      }
    } else if (type instanceof ColumnType.ListOf list) {
      ListVector v = (ListVector) vector;
      List<?> elements = (List<?>) value;
      int start = v.startNewValue(index);
      FieldVector child = v.getDataVector();
      for (int k = 0; k < elements.size(); k++) {
        fill(child, list.element(), start + k, elements.get(k));
      }
      v.endValue(index, elements.size());
    } else {
      StructVector v = (StructVector) vector;
      List<ResultColumn> fields = ((ColumnType.Struct) type).fields();
      Object[] values = (Object[]) value;
      v.setIndexDefined(index);
      for (int f = 0; f < fields.size(); f++) {
        fill((FieldVector) v.getChildByOrdinal(f), fields.get(f).type(), index, values[f]);
      }
    }
  }

  /** A raw 64-bit pattern as the unsigned value of a DECIMAL(20,0). */
  private static void setUint64(DecimalVector vector, int index, long raw) {
    if (raw >= 0) {
      vector.setSafe(index, raw);
    } else {
      vector.setSafe(index, new BigDecimal(new BigInteger(Long.toUnsignedString(raw))));
    }
  }

  private static byte kind(ColumnType type) {
    if (!(type instanceof ColumnType.Scalar scalar)) {
      return NESTED;
    }
    return switch (scalar) {
      case INT -> INT;
      case LONG -> LONG;
      case BOOLEAN -> BOOLEAN;
      case UINT64 -> UINT64;
      case STRING -> STRING;
    };
  }

  private static void closeQuietly(OutputStream s) {
    if (s == null) {
      return;
    }
    try {
      s.close();
    } catch (IOException e) {
      // The file is deleted or reported by the caller; nothing more to say here.
    }
  }
}
