package org.fleetcompat.io;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.fleetcompat.core.FleetcompatException;

/**
 * Writes one Parquet part file of any declared table (lists and structs included) from {@code
 * Object[]} rows, through parquet-mr's own {@link ParquetWriter}; no Spark, and on a local disk no
 * Hadoop {@code Configuration}. The schema is {@link ParquetSchemas#messageType}; values are as
 * {@link ColumnType} says, one per column in declaration order.
 *
 * <p>SNAPPY, data page v1, parquet-mr's default row group (128 MB) and page (1 MB) sizes,
 * dictionary encoding where it pays. The bytes are a function of the declaration and the rows: no
 * timestamp or random id goes into the footer. An existing file is replaced. For the big flat
 * tables, {@link ColumnarFileWriter} writes the same content several times faster.
 *
 * <pre>{@code
 * try (TableFileWriter w = TableFileWriter.open(storage, dir + "/part-00000.parquet",
 *     ResultTable.POOLS, false)) {
 *   w.write(new Object[] {1, "h-1", 2L, 1, List.of(0), List.of("cl-a"), 5L, 2, List.of()});
 * }
 * }</pre>
 *
 * <p>Not thread safe. A row the declaration does not allow is rejected whole, before anything of it
 * is written, and the writer goes on with the next row. After any other failure, {@link #abort()}
 * the writer: it deletes the partial file.
 */
public final class TableFileWriter implements Closeable {
  private final Storage storage;
  private final String tableName;
  private final String file;
  private final List<ResultColumn> columns;
  private final ParquetWriter<Object[]> writer;
  private final ArrowTableFileWriter arrow;
  private long rows;
  private boolean closed;

  private TableFileWriter(
      Storage storage,
      String tableName,
      String file,
      List<ResultColumn> columns,
      ParquetWriter<Object[]> writer,
      ArrowTableFileWriter arrow) {
    this.storage = storage;
    this.tableName = tableName;
    this.file = file;
    this.columns = columns;
    this.writer = writer;
    this.arrow = arrow;
  }

  /**
   * Creates (or replaces) the part file {@code file}.
   *
   * @param storage where the file goes; not null
   * @param file the file's path, e.g. {@code <staging>/vm_summary/part-00000.parquet}
   * @param tableName the table's name, for messages and the schema; not null
   * @param columns the columns the file holds, in order; not null, not empty
   * @throws IllegalArgumentException if the columns are empty or name a column twice
   * @throws FleetcompatException (32768) if the file cannot be created
   */
  public static TableFileWriter open(
      Storage storage, String file, String tableName, List<ResultColumn> columns) {
    return open(storage, file, tableName, columns, null);
  }

  /**
   * As {@link #open(Storage, String, String, List)}, also writing every row to an Arrow IPC file
   * (Feather v2) of the same schema ({@link ArrowSchemas}) at {@code arrowFile}; {@link #close()}
   * finishes both files, {@link #abort()} deletes both.
   *
   * @param arrowFile the Arrow copy's path, or null for none
   * @throws FleetcompatException (32768) if a file cannot be created
   */
  public static TableFileWriter open(
      Storage storage,
      String file,
      String tableName,
      List<ResultColumn> columns,
      String arrowFile) {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(file, "file");
    MessageType schema = ParquetSchemas.messageType(tableName, columns);
    List<ResultColumn> cols = List.copyOf(columns);
    try {
      ParquetWriter<Object[]> writer =
          new Builder(
                  new CanonicalFooterOutputFile(storage.outputFile(file)),
                  new RowWriteSupport(schema, cols))
              .withConf(new PlainParquetConfiguration())
              .withCodecFactory(ParquetCodecs.newWriteFactory(ParquetWriter.DEFAULT_PAGE_SIZE))
              .withCompressionCodec(CompressionCodecName.SNAPPY)
              .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
              .build();
      ArrowTableFileWriter arrow = null;
      if (arrowFile != null) {
        try {
          arrow = ArrowTableFileWriter.open(storage, arrowFile, tableName, cols);
        } catch (RuntimeException e) {
          writer.close();
          storage.delete(file);
          throw e;
        }
      }
      return new TableFileWriter(storage, tableName, file, cols, writer, arrow);
    } catch (IOException e) {
      throw ResultFileErrors.cannotWrite(tableName, file, e);
    }
  }

  /**
   * Creates (or replaces) a part file of a result table with the columns a run writes: {@code
   * open(storage, file, table.tableName(), table.columns(assumeStopped))}.
   */
  public static TableFileWriter open(
      Storage storage, String file, ResultTable table, boolean assumeStopped) {
    return open(storage, file, table.tableName(), table.columns(assumeStopped));
  }

  /**
   * As {@link #open(Storage, String, ResultTable, boolean)}, with an Arrow copy at {@code
   * arrowFile} (null for none).
   */
  public static TableFileWriter open(
      Storage storage, String file, ResultTable table, boolean assumeStopped, String arrowFile) {
    return open(storage, file, table.tableName(), table.columns(assumeStopped), arrowFile);
  }

  /**
   * Writes a whole part file: every row of {@code rows}, in order.
   *
   * @return the rows written
   * @throws IllegalArgumentException as {@link #write(Object[])}; nothing is left at {@code file}
   * @throws FleetcompatException (32768) if the file cannot be written
   */
  public static long write(
      Storage storage,
      String file,
      String tableName,
      List<ResultColumn> columns,
      Iterable<Object[]> rows) {
    TableFileWriter w = open(storage, file, tableName, columns);
    try {
      for (Object[] row : rows) {
        w.write(row);
      }
    } catch (RuntimeException e) {
      try {
        w.abort();
      } catch (RuntimeException f) {
        e.addSuppressed(f);
      }
      throw e;
    }
    w.close();
    return w.rowCount();
  }

  /**
   * Writes one row.
   *
   * @param row one value per column, in declaration order, as {@link ColumnType} says; not null
   * @throws IllegalArgumentException naming the table, the column and the row number (counted from
   *     0) if a value is null in a column declared not nullable (or a list element is null), is of
   *     another Java type than the column takes, or the row has another width; nothing of the row
   *     is written then
   * @throws FleetcompatException (32768) if the file cannot be written
   */
  public void write(Object[] row) {
    Objects.requireNonNull(row, "row");
    checkFields(columns, row, "", "the row");
    try {
      writer.write(row);
    } catch (IOException e) {
      throw ResultFileErrors.cannotWrite(tableName, file, e);
    }
    if (arrow != null) {
      arrow.write(row);
    }
    rows++;
  }

  /** The rows written so far. */
  public long rowCount() {
    return rows;
  }

  /**
   * Finishes the file: the last row group and the footer. Calling it again does nothing.
   *
   * @throws FleetcompatException (32768) if the file cannot be written
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writer.close();
    } catch (IOException e) {
      if (arrow != null) {
        arrow.abort();
      }
      throw ResultFileErrors.cannotWrite(tableName, file, e);
    }
    if (arrow != null) {
      arrow.close();
    }
  }

  /**
   * Gives the file up: closes and deletes it, so that no reader takes a partial file for a table.
   * For a failure before {@link #close()}; does nothing after it.
   *
   * @throws FleetcompatException (32768) if the file cannot be deleted
   */
  public void abort() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writer.close();
    } catch (IOException | RuntimeException e) {
      // The file goes anyway; what failed is in the caller's exception.
    }
    if (arrow != null) {
      arrow.abort();
    }
    try {
      storage.delete(file);
    } catch (IOException e) {
      throw ResultFileErrors.cannotWrite(tableName, file, e);
    }
  }

  private void checkFields(List<ResultColumn> fields, Object[] values, String prefix, String what) {
    if (values.length != fields.size()) {
      throw ResultFileErrors.wrongWidth(
          tableName,
          what,
          rows,
          values.length,
          fields.size(),
          prefix.isEmpty() ? "column" : "field");
    }
    for (int i = 0; i < fields.size(); i++) {
      ResultColumn f = fields.get(i);
      checkValue(f.type(), f.nullable(), values[i], prefix + f.name());
    }
  }

  private void checkValue(ColumnType type, boolean nullable, Object v, String path) {
    if (v == null) {
      if (!nullable) {
        throw ResultFileErrors.nullValue(tableName, path, rows);
      }
      return;
    }
    if (type instanceof ColumnType.Scalar scalar) {
      boolean fits =
          switch (scalar) {
            case STRING -> v instanceof String;
            case INT -> v instanceof Integer;
            case LONG, UINT64 -> v instanceof Long;
            case BOOLEAN -> v instanceof Boolean;
          };
      if (!fits) {
        throw ResultFileErrors.wrongType(tableName, path, rows, v, type);
      }
    } else if (type instanceof ColumnType.ListOf list) {
      if (!(v instanceof List<?> elements)) {
        throw ResultFileErrors.wrongType(tableName, path, rows, v, type);
      }
      int i = 0;
      for (Object e : elements) {
        checkValue(list.element(), false, e, path + "[" + i++ + "]");
      }
    } else {
      if (!(v instanceof Object[] fields)) {
        throw ResultFileErrors.wrongType(tableName, path, rows, v, type);
      }
      checkFields(((ColumnType.Struct) type).fields(), fields, path + ".", path);
    }
  }

  /** parquet-mr's builder, handed our write support. */
  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final RowWriteSupport support;

    Builder(OutputFile file, RowWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** Never called: the writer is built with a {@link ParquetConfiguration}. */
    @Deprecated
    @Override
    protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
      return support;
    }
  }
}
