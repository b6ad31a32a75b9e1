package org.fleetcompat.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReadStore;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.fleetcompat.core.FleetcompatException;

/**
 * Reads a split of the optional {@code hosts} or {@code vms} table (SPEC section 3) into {@link
 * AttributeBatch}es, one per bucket: the id as text (an integer id as its decimal text), each
 * optional contract column as its kind reads it (an INTEGER column that does not fit a 32-bit int
 * reads as null), and the row's text over every contract column the table has. Stateless.
 */
public final class AttributeTableReader {
  private AttributeTableReader() {}

  /**
   * The split's rows, by bucket.
   *
   * @param input the table the split belongs to (which optional columns it has)
   * @return index b holds the rows of bucket b, or null where the split has none
   * @throws FleetcompatException 32773 naming the file when it cannot be read
   */
  public static AttributeBatch[] read(
      Storage storage,
      TableInput input,
      InputSplit split,
      VectorTableReader.Router router,
      int buckets) {
    SnapshotTable table = input.table();
    List<ColumnContract.Column> contract = ColumnContract.columns(table);
    List<String> present =
        contract.stream().map(ColumnContract.Column::name).filter(input::hasColumn).toList();
    List<List<AttributeBatch.Row>> byBucket = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      byBucket.add(null);
    }
    try (ParquetFileReader reader =
        ParquetFileReader.open(storage.inputFile(split.file()), storage.readOptions())) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      for (int g = split.firstRowGroup(); g < split.firstRowGroup() + split.rowGroups(); g++) {
        PageReadStore pages = reader.readRowGroup(g);
        if (pages == null) {
          break;
        }
        ColumnReadStore store = ParquetField.store(pages, schema, createdBy);
        List<ParquetField> fields = new ArrayList<>();
        for (String c : present) {
          ColumnDescriptor d = schema.getColumnDescription(new String[] {c});
          fields.add(ParquetField.of(store.getColumnReader(d), d));
        }
        for (long r = 0; r < pages.getRowCount(); r++) {
          List<String> texts = new ArrayList<>(fields.size());
          for (ParquetField f : fields) {
            texts.add(f.textOrNull());
          }
          String systemId = texts.get(0);
          List<Object> values = new ArrayList<>();
          for (ColumnContract.Column c : contract) {
            if (c.required()) {
              continue;
            }
            int at = present.indexOf(c.name());
            values.add(at < 0 ? null : value(c, fields.get(at)));
          }
          int bucket = router.bucketOf(systemId);
          if (byBucket.get(bucket) == null) {
            byBucket.set(bucket, new ArrayList<>());
          }
          byBucket
              .get(bucket)
              .add(new AttributeBatch.Row(systemId, values, RowText.attributes(present, texts)));
          fields.forEach(ParquetField::next);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof FleetcompatException f) {
        throw f;
      }
      throw InputErrors.unreadable(split.file(), table, e);
    }
    AttributeBatch[] out = new AttributeBatch[buckets];
    for (int b = 0; b < buckets; b++) {
      if (byBucket.get(b) != null) {
        out[b] = new AttributeBatch(table, split.file(), split.index(), byBucket.get(b));
      }
    }
    return out;
  }

  /**
   * A column's value as its contract kind reads it: an int that fits, a capacity as a {@code Long}
   * (or a {@link CapacityFault}), else text.
   */
  private static Object value(ColumnContract.Column c, ParquetField f) {
    if (c.kind() == ColumnContract.Kind.CAPACITY) {
      return capacity(c.name(), f);
    }
    if (f.isNull()) {
      return null;
    }
    if (c.kind() == ColumnContract.Kind.INTEGER) {
      if (!f.fitsLong()) {
        return null;
      }
      long v = f.longValue();
      return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : (Object) (int) v;
    }
    return f.text();
  }

  /** A capacity value: a whole number {@code >= 0} as a {@code Long}, else its fault. */
  private static Object capacity(String column, ParquetField f) {
    if (f.isNull()) {
      return new CapacityFault(column, "null");
    }
    long v;
    if (f.isText()) {
      String text = f.text();
      try {
        v = Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        return new CapacityFault(column, text);
      }
    } else if (f.fitsLong()) {
      v = f.longValue();
    } else {
      return new CapacityFault(column, f.text());
    }
    return v < 0 ? new CapacityFault(column, f.text()) : (Object) v;
  }
}
