package org.fleetcompat.io;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReadStore;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
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

  /** Which bucket a system id belongs to (null: the rows that name no system). Serializable. */
  @FunctionalInterface
  public interface Router extends Serializable {
    /** The bucket of {@code systemId}, 0 to buckets - 1. */
    int bucketOf(String systemId);
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
        readRowGroup(split, schema, store, pages.getRowCount(), router, out);
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
      VectorBatch.Builder[] out) {
    SnapshotTable table = split.table();
    ParquetField id = field(store, schema, table.idColumn());
    ParquetField vid = field(store, schema, SnapshotTable.VECTOR_ID);
    ParquetField op = field(store, schema, SnapshotTable.COMPARE_OPERATION);
    ParquetField val = field(store, schema, SnapshotTable.COMPATIBILITY_INFO);
    boolean signedValues = val.isSignedInt64();
    Ids ids = new Ids(split, router, out, signedValues);
    for (long r = 0; r < rows; r++) {
      Ids.Placed system = ids.place(id);
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
    private final Map<Object, Placed> seen = new HashMap<>();
    private Object lastKey;
    private Placed last;

    Ids(InputSplit split, Router router, VectorBatch.Builder[] out, boolean signedValues) {
      this.split = split;
      this.router = router;
      this.out = out;
      this.signedValues = signedValues;
    }

    /** Where one row's system goes. */
    record Placed(String systemId, VectorBatch.Builder batch, int index) {}

    Placed place(ParquetField id) {
      Object key;
      if (id.isNull()) {
        key = NULL_KEY;
      } else if (id.isText()) {
        Binary b = id.binary();
        if (b == lastKey) {
          return last;
        }
        key = b;
      } else {
        key = id.bigValue();
      }
      if (key.equals(lastKey)) {
        return last;
      }
      Placed p = seen.get(key);
      if (p == null) {
        String systemId =
            key == NULL_KEY
                ? null
                : key instanceof Binary b ? ParquetField.utf8(b) : ((BigInteger) key).toString();
        int bucket = router.bucketOf(systemId);
        VectorBatch.Builder batch = out[bucket];
        if (batch == null) {
          batch = new VectorBatch.Builder(split.table(), split.file(), split.index(), signedValues);
          out[bucket] = batch;
        }
        p = new Placed(systemId, batch, systemId == null ? -1 : batch.addSystem(systemId));
        // Dictionary pages hand out the same Binary object again; plain pages reuse buffers.
        seen.put(key instanceof Binary b ? b.copy() : key, p);
      }
      lastKey = key instanceof Binary b ? b.copy() : key;
      last = p;
      return p;
    }

    private static final Object NULL_KEY = new Object();
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
