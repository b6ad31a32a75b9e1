package org.fleetcompat.io;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReadStore;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a split of {@code host_vectors} or {@code vm_vectors} into {@link VectorBatch}es, one per
 * bucket of systems, normalizing every accepted physical type (SPEC section 3) and flagging
 * row-level faults instead of failing (SPEC section 4): in order, a null id, a null or out-of-range
 * {@code vector_id}, a null or unknown operation, a null or out-of-range value.
 *
 * <p>Through parquet-mr's column API, a row group at a time; no Spark, no Hadoop configuration on a
 * local disk. Stateless; a call reads one split and may run beside others.
 */
public final class VectorTableReader {
  private static final long MAX_VECTOR_ID = 0xFFFF_FFFFL;
  private static final int MAX_OPERATION = 9;

  private VectorTableReader() {}

  /**
   * Which bucket a system belongs to, by its id's {@link IdHash}; the rows that name no system go
   * to bucket 0. Serializable.
   */
  @FunctionalInterface
  public interface Router extends Serializable {
    /** The bucket of the system whose id hashes to {@code idHash}, 0 to buckets - 1. */
    int bucketOf(int idHash);

    /** The bucket of {@code systemId} (null: 0). */
    default int bucketOf(String systemId) {
      return systemId == null ? 0 : bucketOf(IdHash.of(systemId));
    }
  }

  /**
   * The split's rows, by bucket.
   *
   * @param buckets how many buckets the router maps to
   * @return index b holds the rows of bucket b, or null where the split has none
   * @throws org.fleetcompat.core.FleetcompatException 32773 naming the file when it cannot be read
   */
  public static VectorBatch[] read(Storage storage, InputSplit split, Router router, int buckets) {
    SnapshotTable table = split.table();
    VectorBatch.Builder[] out = new VectorBatch.Builder[buckets];
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
        boolean dictionaryIds =
            isDictionaryOnly(reader.getFooter().getBlocks().get(g), table.idColumn());
        readRowGroup(split, schema, store, pages.getRowCount(), router, dictionaryIds, out);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof org.fleetcompat.core.FleetcompatException f) {
        throw f;
      }
      throw InputErrors.unreadable(split.file(), table, e);
    }
    VectorBatch[] batches = new VectorBatch[buckets];
    for (int b = 0; b < buckets; b++) {
      batches[b] = out[b] == null ? null : out[b].build();
    }
    return batches;
  }

  private static void readRowGroup(
      InputSplit split,
      MessageType schema,
      ColumnReadStore store,
      long rows,
      Router router,
      boolean dictionaryIds,
      VectorBatch.Builder[] out) {
    SnapshotTable table = split.table();
    ParquetField id = field(store, schema, table.idColumn());
    ParquetField vid = field(store, schema, SnapshotTable.VECTOR_ID);
    ParquetField op = field(store, schema, SnapshotTable.COMPARE_OPERATION);
    ParquetField val = field(store, schema, SnapshotTable.COMPATIBILITY_INFO);
    boolean signedValues = val.isSignedInt64();
    Ids ids = new Ids(split, router, out, signedValues);
    boolean byDictionary = dictionaryIds && id.isText();
    for (long r = 0; r < rows; r++) {
      Ids.Placed system = byDictionary ? ids.placeByDictionary(id) : ids.place(id);
      String fault = null;
      RejectReason reason = null;
      long vectorId = 0;
      int operation = 0;
      long value = 0;
      if (system.systemId() == null) {
        reason = RejectReason.NULL_SYSTEM_ID;
        fault = table.idColumn() + " is null: the row belongs to no system";
      } else if (vid.isNull()) {
        reason = RejectReason.NULL_VECTOR_ID;
        fault = "vector_id is null";
      } else if (!inRange(vid, MAX_VECTOR_ID)) {
        reason = RejectReason.VECTOR_ID_OUT_OF_RANGE;
        fault = "vector_id " + vid.text() + " is outside 0.." + MAX_VECTOR_ID;
      } else if (op.isNull()) {
        reason = RejectReason.NULL_OPERATION;
        fault = "compare_operation is null";
      } else if (!inRange(op, MAX_OPERATION)) {
        reason = RejectReason.UNKNOWN_OPERATION;
        fault = "compare_operation " + op.text() + " is not one of 0..9 (Equal..Divisor)";
      } else if (val.isNull()) {
        reason = RejectReason.NULL_VALUE;
        fault = "compatibility_info is null";
      } else if (!val.isUnsigned64()) {
        reason = RejectReason.VALUE_OUT_OF_RANGE;
        fault = "compatibility_info " + val.text() + " is outside 0..18446744073709551615";
      } else {
        vectorId = vid.longValue();
        operation = (int) op.longValue();
        value = val.bits();
      }
      VectorBatch.Builder batch = system.batch();
      if (reason == null) {
        batch.add(system.index(), vectorId, operation, value);
      } else {
        String text =
            RowText.vector(
                table.idColumn(),
                system.systemId(),
                vid.textOrNull(),
                op.textOrNull(),
                val.textOrNull());
        batch.addFaulty(system.index(), reason, fault, text);
      }
      id.next();
      vid.next();
      op.next();
      val.next();
    }
  }

  /**
   * Whether every data page of the row group's id column is dictionary-encoded, as its footer's
   * encoding statistics say: then a system is known by its dictionary index, with no hashing of its
   * id per row (a table written system by system or not, as Spark writes it).
   */
  private static boolean isDictionaryOnly(BlockMetaData block, String column) {
    for (ColumnChunkMetaData c : block.getColumns()) {
      if (c.getPath().toDotString().equals(column)) {
        EncodingStats stats = c.getEncodingStats();
        return stats != null && stats.hasDictionaryPages() && !stats.hasNonDictionaryEncodedPages();
      }
    }
    return false;
  }

  private static boolean inRange(ParquetField f, long max) {
    if (!f.fitsLong()) {
      return false;
    }
    long v = f.longValue();
    return v >= 0 && v <= max;
  }

  private static ParquetField field(ColumnReadStore store, MessageType schema, String name) {
    ColumnDescriptor d = schema.getColumnDescription(new String[] {name});
    return ParquetField.of(store.getColumnReader(d), d);
  }

  /**
   * The systems of one row group: each distinct id is routed once and added once to its bucket's
   * batch. Consecutive rows of one system (the usual layout) cost one comparison.
   */
  private static final class Ids {
    private final InputSplit split;
    private final Router router;
    private final VectorBatch.Builder[] out;
    private final boolean signedValues;
    private final int expectedRows;
    private final IdTable[] texts;
    private final Placed[][] byText;
    private final Map<BigInteger, Placed> numbers = new HashMap<>();
    private Placed nulls;
    private Placed[] byDictionaryId = new Placed[1024];
    private Binary lastText;
    private Placed last;

    Ids(InputSplit split, Router router, VectorBatch.Builder[] out, boolean signedValues) {
      this.split = split;
      this.router = router;
      this.out = out;
      this.signedValues = signedValues;
      this.expectedRows = (int) Math.min(1 << 24, split.rows() / out.length + 1);
      this.texts = new IdTable[out.length];
      this.byText = new Placed[out.length][];
    }

    /** Where one row's system goes. */
    record Placed(String systemId, VectorBatch.Builder batch, int index) {}

    /** {@link #place}, for a column chunk whose pages are all dictionary-encoded. */
    Placed placeByDictionary(ParquetField id) {
      if (id.isNull()) {
        return place(id);
      }
      int d = id.dictionaryId();
      if (d >= byDictionaryId.length) {
        byDictionaryId = Arrays.copyOf(byDictionaryId, Math.max(d + 1, 2 * d));
      }
      Placed p = byDictionaryId[d];
      if (p == null) {
        p = place(id);
        byDictionaryId[d] = p;
      }
      return p;
    }

    /**
     * Where the current row's system goes. Consecutive rows of one system (the usual layout) cost
     * one comparison; another text id is hashed, routed to its bucket, and looked up among that
     * bucket's ids only.
     */
    Placed place(ParquetField id) {
      if (id.isNull()) {
        if (nulls == null) {
          nulls = placed(null, 0);
        }
        return nulls;
      }
      if (!id.isText()) {
        return numbers.computeIfAbsent(
            id.bigValue(), v -> placed(v.toString(), router.bucketOf(v.toString())));
      }
      Binary b = id.binary();
      if (b == lastText || b.equals(lastText)) {
        return last;
      }
      java.nio.ByteBuffer bytes = b.toByteBuffer();
      int hash = IdHash.of(bytes);
      int bucket = router.bucketOf(hash);
      IdTable table = texts[bucket];
      if (table == null) {
        table = new IdTable();
        texts[bucket] = table;
        byText[bucket] = new Placed[64];
      }
      int e = table.indexOf(bytes, hash);
      if (e >= byText[bucket].length) {
        byText[bucket] = Arrays.copyOf(byText[bucket], 2 * byText[bucket].length);
      }
      Placed p = byText[bucket][e];
      if (p == null) {
        p = placed(ParquetField.utf8(b), bucket);
        byText[bucket][e] = p;
      }
      lastText = b.copy();
      last = p;
      return p;
    }

    private Placed placed(String systemId, int bucket) {
      VectorBatch.Builder batch = out[bucket];
      if (batch == null) {
        batch =
            new VectorBatch.Builder(
                split.table(), split.file(), split.index(), signedValues, expectedRows);
        out[bucket] = batch;
      }
      return new Placed(systemId, batch, systemId == null ? -1 : batch.addSystem(systemId));
    }
  }

  /** Every batch of {@code batches} that is not null, for callers that want a list. */
  public static List<VectorBatch> present(VectorBatch[] batches) {
    List<VectorBatch> out = new ArrayList<>();
    for (VectorBatch b : batches) {
      if (b != null) {
        out.add(b);
      }
    }
    return out;
  }
}
