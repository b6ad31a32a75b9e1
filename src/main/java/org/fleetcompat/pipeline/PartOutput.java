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
import org.fleetcompat.io.ResultTable;
import org.fleetcompat.io.Storage;
import org.fleetcompat.io.TableFileWriter;

/**
 * Where a run's part files go: a result directory (the publisher's staging directory) on a {@link
 * Storage}, and the writers of its tables' files. Part file names are functions of the bucket, so
 * every runner writes the same files. Serializable: tasks write their own parts.
 *
 * @param storage the storage of {@code dir}
 * @param dir the result directory
 * @param assumeStopped whether the tables carry the what-if's columns
 */
public record PartOutput(Storage storage, String dir, boolean assumeStopped)
    implements Serializable {

  /** The name of bucket {@code bucket}'s part file of a per-system table. */
  public static String partName(int bucket) {
    return String.format("part-%05d.parquet", bucket);
  }

  /** The path of part file {@code name} of {@code table}. */
  public String path(ResultTable table, String name) {
    return storage.resolve(storage.resolve(dir, table.tableName()), name);
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
        ColumnarFileWriter.builder(storage, path(table, name), table, assumeStopped);
    dictionaries.forEach(b::dictionary);
    return b.open();
  }

  /** A row writer of any table's part file. */
  public TableFileWriter rows(ResultTable table, String name) {
    return TableFileWriter.open(storage, path(table, name), table, assumeStopped);
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
