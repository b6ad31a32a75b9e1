package org.fleetcompat.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.fleetcompat.core.FleetcompatException;

/**
 * Reads a written table back: a directory of part files (such as {@code <result>/vm_summary/}) or
 * one file, as {@code Object[]} rows of declared columns, through parquet-mr's record assembly; no
 * Spark, and on a local disk no Hadoop {@code Configuration}. For tests, the HTML report, drift
 * between two results and the planning advisors.
 *
 * <p>Rows come file by file (in {@link Storage#listVisibleFiles} order, so {@code _SUCCESS} and
 * {@code .crc} files are skipped) and in file order within each. A row holds one value per
 * requested column, in the requested order, matched to the file's columns by name; the file may
 * hold other columns too. Values are as {@link ColumnType} says ({@code UINT64} as the raw 64-bit
 * pattern). A file's column may be {@code OPTIONAL} where the declaration says not nullable, as
 * long as it holds no null.
 *
 * <pre>{@code
 * List<Object[]> pools = TableFileReader.readAll(storage, result + "/pools", ResultTable.POOLS, false);
 * try (TableFileReader r = TableFileReader.open(storage, result + "/vm_summary",
 *     ResultTable.VM_SUMMARY, false)) {
 *   while (r.hasNext()) { Object[] row = r.next(); ... }
 * }
 * }</pre>
 *
 * <p>Not thread safe. Every failure is a {@link FleetcompatException} naming the file: status 32773
 * for a path without files, a file that is not (or not all) Parquet, a missing column; 32776 for a
 * column of another type than declared or a value the declaration does not allow.
 */
public final class TableFileReader implements Iterator<Object[]>, AutoCloseable {
  private final Storage storage;
  private final String tableName;
  private final List<ResultColumn> columns;
  private final List<String> files;
  private final RowMaterializer.Position at = new RowMaterializer.Position();
  private final RowMaterializer materializer;

  private int nextFile;
  private ParquetFileReader reader;
  private MessageColumnIO columnIO;
  private RecordReader<Object[]> records;
  private long rowsLeftInGroup;

  private TableFileReader(
      Storage storage, String tableName, List<ResultColumn> columns, List<String> files) {
    this.storage = storage;
    this.tableName = tableName;
    this.columns = columns;
    this.files = files;
    this.at.table = tableName;
    this.materializer = new RowMaterializer(columns, at);
  }

  /**
   * Opens a table for reading row by row.
   *
   * @param storage where the table is; not null
   * @param path a directory of part files, or one file
   * @param tableName the table's name, for messages; not null
   * @param columns the columns to read, in the order the rows hold them; not null, not empty
   * @throws FleetcompatException (32773) if nothing is at {@code path} or a directory holds no file
   */
  public static TableFileReader open(
      Storage storage, String path, String tableName, List<ResultColumn> columns) {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(path, "path");
    ParquetSchemas.messageType(tableName, columns);
    List<String> files;
    try {
      if (!storage.exists(path)) {
        throw ResultFileErrors.noTable(tableName, path, "does not exist");
      }
      files = storage.isDirectory(path) ? storage.listVisibleFiles(path) : List.of(path);
    } catch (IOException e) {
      throw ResultFileErrors.unreadable(tableName, path, e);
    }
    if (files.isEmpty()) {
      throw ResultFileErrors.noTable(tableName, path, "holds no Parquet file");
    }
    return new TableFileReader(storage, tableName, List.copyOf(columns), files);
  }

  /**
   * Opens a result table with the columns a run writes: {@code open(storage, path,
   * table.tableName(), table.columns(assumeStopped))}.
   */
  public static TableFileReader open(
      Storage storage, String path, ResultTable table, boolean assumeStopped) {
    return open(storage, path, table.tableName(), table.columns(assumeStopped));
  }

  /**
   * Every row of a table, in the order {@link #open} gives them.
   *
   * @throws FleetcompatException as {@link #open} and {@link #next}
   */
  public static List<Object[]> readAll(
      Storage storage, String path, String tableName, List<ResultColumn> columns) {
    List<Object[]> rows = new ArrayList<>();
    try (TableFileReader r = open(storage, path, tableName, columns)) {
      r.forEachRemaining(rows::add);
    }
    return rows;
  }

  /**
   * Every row of a result table with the columns a run writes: {@code readAll(storage, path,
   * table.tableName(), table.columns(assumeStopped))}.
   */
  public static List<Object[]> readAll(
      Storage storage, String path, ResultTable table, boolean assumeStopped) {
    return readAll(storage, path, table.tableName(), table.columns(assumeStopped));
  }

  /** The files read, in order, as {@link Storage#listVisibleFiles} names them. */
  public List<String> files() {
    return files;
  }

  /**
   * Whether another row follows; opens the next file or row group as needed.
   *
   * @throws FleetcompatException if the next file cannot be read or lacks a declared column
   */
  @Override
  public boolean hasNext() {
    while (rowsLeftInGroup == 0) {
      if (reader == null && !openNextFile()) {
        return false;
      }
      PageReadStore group = readRowGroup();
      if (group == null) {
        closeFile();
      } else {
        records = columnIO.getRecordReader(group, materializer);
        rowsLeftInGroup = group.getRowCount();
      }
    }
    return true;
  }

  /**
   * The next row: a new array, one value per requested column.
   *
   * @throws NoSuchElementException if there is none
   * @throws FleetcompatException if the file cannot be decoded or holds a value the declaration
   *     does not allow
   */
  @Override
  public Object[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException(tableName + ": no more rows");
    }
    Object[] row;
    try {
      row = records.read();
    } catch (FleetcompatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ResultFileErrors.unreadable(tableName, at.file, e);
    }
    rowsLeftInGroup--;
    at.row++;
    return row;
  }

  /** Closes the file being read; the reader returns no more rows. */
  @Override
  public void close() {
    nextFile = files.size();
    rowsLeftInGroup = 0;
    closeFile();
  }

  private boolean openNextFile() {
    if (nextFile == files.size()) {
      return false;
    }
    String file = files.get(nextFile++);
    at.file = file;
    at.row = 0;
    try {
      ParquetReadOptions options =
          ParquetReadOptions.builder(new PlainParquetConfiguration())
              .withCodecFactory(ParquetCodecs.newReadFactory())
              .build();
      reader = ParquetFileReader.open(storage.inputFile(file), options);
    } catch (IOException | RuntimeException e) {
      throw ResultFileErrors.unreadable(tableName, file, e);
    }
    MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
    MessageType requested = requestedSchema(file, fileSchema);
    reader.setRequestedSchema(requested);
    columnIO = new ColumnIOFactory().getColumnIO(requested, fileSchema, true);
    return true;
  }

  private PageReadStore readRowGroup() {
    try {
      return reader.readNextRowGroup();
    } catch (IOException | RuntimeException e) {
      throw ResultFileErrors.unreadable(tableName, at.file, e);
    }
  }

  private void closeFile() {
    if (reader == null) {
      return;
    }
    try {
      reader.close();
    } catch (IOException e) {
      throw ResultFileErrors.unreadable(tableName, at.file, e);
    } finally {
      reader = null;
      records = null;
    }
  }

  /** The file's own types of the declared columns, in declared order, each checked. */
  private MessageType requestedSchema(String file, MessageType fileSchema) {
    List<Type> fields = new ArrayList<>();
    for (ResultColumn c : columns) {
      if (!fileSchema.containsField(c.name())) {
        closeFile();
        List<String> found = fileSchema.getFields().stream().map(Type::getName).toList();
        throw ResultFileErrors.missingColumn(tableName, file, c.name(), String.join(", ", found));
      }
      Type found = fileSchema.getType(c.name());
      Type expected = ParquetSchemas.field(c);
      if (!isReadableAs(found, expected)) {
        closeFile();
        throw ResultFileErrors.wrongColumnType(
            tableName, file, c.name(), oneLine(found), oneLine(expected));
      }
      fields.add(found);
    }
    return new MessageType(fileSchema.getName(), fields);
  }

  /** The same shape and types; only REQUIRED and OPTIONAL may differ (nulls are checked later). */
  private static boolean isReadableAs(Type found, Type expected) {
    if (found.isPrimitive() != expected.isPrimitive()
        || found.isRepetition(Type.Repetition.REPEATED)
            != expected.isRepetition(Type.Repetition.REPEATED)
        || !Objects.equals(found.getLogicalTypeAnnotation(), expected.getLogicalTypeAnnotation())) {
      return false;
    }
    if (found.isPrimitive()) {
      PrimitiveType f = found.asPrimitiveType();
      PrimitiveType e = expected.asPrimitiveType();
      return f.getPrimitiveTypeName() == e.getPrimitiveTypeName()
          && f.getTypeLength() == e.getTypeLength();
    }
    GroupType f = found.asGroupType();
    GroupType e = expected.asGroupType();
    if (f.getFieldCount() != e.getFieldCount()) {
      return false;
    }
    for (int i = 0; i < f.getFieldCount(); i++) {
      if (!f.getType(i).getName().equals(e.getType(i).getName())
          || !isReadableAs(f.getType(i), e.getType(i))) {
        return false;
      }
    }
    return true;
  }

  private static String oneLine(Type t) {
    return t.toString().replaceAll("\\s+", " ").trim();
  }
}
