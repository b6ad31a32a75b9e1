package org.fleetcompat.pipeline;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.fleetcompat.core.Utf8Order;
import org.fleetcompat.io.ColumnarFileWriter;
import org.fleetcompat.io.Rejection;
import org.fleetcompat.io.ResultFormat;
import org.fleetcompat.io.ResultTable;
import org.fleetcompat.io.Storage;
import org.fleetcompat.io.TableFileWriter;

/**
 * Where a run's part files go: a result directory (the publisher's staging directory) on a {@link
 * Storage}, and the writers of its tables' files. Part file names are functions of the bucket, so
 * every runner writes the same files. With a {@link ResultFormat} that {@link
 * ResultFormat#writesArrow() writes Arrow}, every writer it opens also writes the part's Arrow copy
 * ({@link ResultFormat#arrowPath}) from the same rows. Serializable: tasks write their own parts.
 *
 * @param storage the storage of {@code dir}
 * @param dir the result directory
 * @param assumeStopped whether the tables carry the what-if's columns
 * @param format the formats written
 */
public record PartOutput(Storage storage, String dir, boolean assumeStopped, ResultFormat format)
    implements Serializable {

  /** Part files in Parquet only. */
  public PartOutput(Storage storage, String dir, boolean assumeStopped) {
    this(storage, dir, assumeStopped, ResultFormat.PARQUET);
  }

  /** The name of bucket {@code bucket}'s part file of a per-system table. */
  public static String partName(int bucket) {
    return String.format("part-%05d.parquet", bucket);
  }

  /** The path of part file {@code name} of {@code table}. */
  public String path(ResultTable table, String name) {
    return storage.resolve(storage.resolve(dir, table.tableName()), name);
  }

  /** The path of the Arrow copy of part file {@code name} of {@code table}. */
  public String arrowPath(ResultTable table, String name) {
    String relative = ResultFormat.arrowPath(table.tableName() + "/" + name);
    String path = dir;
    for (String part : relative.split("/")) {
      path = storage.resolve(path, part);
    }
    return path;
  }

  private String arrowCopy(ResultTable table, String name) {
    return format.writesArrow() ? arrowPath(table, name) : null;
  }

  /** A columnar writer of a flat table's part file. */
  public ColumnarFileWriter columnar(ResultTable table, String name) {
    return columnar(table, name, Map.of());
  }

  /**
   * A columnar writer of a flat table's part file.
   *
   * @param dictionaries per STRING column name, the sorted distinct values its indices refer to
   */
  public ColumnarFileWriter columnar(
      ResultTable table, String name, Map<String, byte[][]> dictionaries) {
    ColumnarFileWriter.Builder b =
        ColumnarFileWriter.builder(storage, path(table, name), table, assumeStopped)
            .arrowCopy(arrowCopy(table, name));
    dictionaries.forEach(b::dictionary);
    return b.open();
  }

  /** A row writer of any table's part file. */
  public TableFileWriter rows(ResultTable table, String name) {
    return TableFileWriter.open(
        storage, path(table, name), table, assumeStopped, arrowCopy(table, name));
  }

  /** The record of a written part. */
  public WrittenPart part(ResultTable table, String name, long rows) {
    return new WrittenPart(table.tableName(), path(table, name), rows);
  }

  /** Writes all rows of a small table (made on the driver) as one sorted part file. */
  public WrittenPart writeAll(ResultTable table, List<Object[]> rows) {
    String name = partName(0);
    try (TableFileWriter w = rows(table, name)) {
      for (Object[] r : rows) {
        w.write(r);
      }
      return part(table, name, w.rowCount());
    }
  }

  /** Writes a bucket's rejected rows, if it has any, sorted. */
  public List<WrittenPart> rejected(int bucket, SideBucket b) {
    List<Object[]> rows = new ArrayList<>();
    for (Rejection r : b.vectorRejections()) {
      rows.add(rejectedRow(b.side().vectorTable().tableName(), r));
    }
    for (Rejection r : b.attributeRejections()) {
      rows.add(rejectedRow(b.side().attributeTable().tableName(), r));
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    rows.sort(REJECTED_ORDER);
    String name =
        String.format(
            "part-%s-%05d.parquet", b.side().name().toLowerCase(java.util.Locale.ROOT), bucket);
    try (TableFileWriter w = rows(ResultTable.REJECTED, name)) {
      for (Object[] r : rows) {
        w.write(r);
      }
      return List.of(part(ResultTable.REJECTED, name, w.rowCount()));
    }
  }

  /** Writes an empty part file of {@code table}: a table with no rows still has its schema. */
  public WrittenPart empty(ResultTable table) {
    String name = partName(0);
    try (TableFileWriter w = rows(table, name)) {
      return part(table, name, w.rowCount());
    }
  }

  private static Object[] rejectedRow(String table, Rejection r) {
    return new Object[] {table, r.systemId(), r.reason().name(), r.message(), r.row(), r.file()};
  }

  /** The rejected table's sort key: table, system (null first), file, row. */
  private static final Comparator<Object[]> REJECTED_ORDER =
      Comparator.<Object[], String>comparing(r -> (String) r[0], Utf8Order.COMPARATOR)
          .thenComparing(r -> (String) r[1], Comparator.nullsFirst(Utf8Order.COMPARATOR))
          .thenComparing(r -> (String) r[5], Utf8Order.COMPARATOR)
          .thenComparing(r -> (String) r[4], Utf8Order.COMPARATOR);

  /** UTF-8 bytes of a string. */
  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
