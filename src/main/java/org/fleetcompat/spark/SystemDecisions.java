package org.fleetcompat.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fleetcompat.io.SystemRowBuffer;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One task's verdicts: reads the compact rows of whole systems, sorted by a hash of the system id,
 * and yields one decision row per system (the schema of {@link VectorValidation}'s decisions) as
 * io's {@link SystemRowBuffer} judges it. Holds one system's rows at a time, in primitive arrays.
 *
 * <p>Input columns by position: {@code system_id STRING, vector_id BIGINT, compare_operation
 * BIGINT, value BIGINT, faulty BOOLEAN, system_hash BIGINT}. Rows of one hash are contiguous; two
 * systems whose ids share a hash may interleave there and are told apart by id.
 */
final class SystemDecisions implements Iterator<Row> {
  private static final int ID = 0;
  private static final int VECTOR_ID = 1;
  private static final int OPERATION = 2;
  private static final int VALUE = 3;
  private static final int FAULTY = 4;
  private static final int HASH = 5;

  private final Iterator<Row> rows;
  private final SystemRowBuffer buffer = new SystemRowBuffer();

  /** Decisions of the systems that shared the last hash with another one (rare). */
  private final ArrayDeque<Row> collided = new ArrayDeque<>();

  /** The first row of the next hash, or null at the end. */
  private Row pending;

  SystemDecisions(Iterator<Row> rows) {
    this.rows = rows;
    this.pending = rows.hasNext() ? rows.next() : null;
  }

  @Override
  public boolean hasNext() {
    return !collided.isEmpty() || pending != null;
  }

  @Override
  public Row next() {
    if (!collided.isEmpty()) {
      return collided.poll();
    }
    if (pending == null) {
      throw new NoSuchElementException();
    }
    long hash = pending.getLong(HASH);
    String systemId = pending.getString(ID);
    Map<String, List<Row>> others = null;
    buffer.clear();
    Row r = pending;
    while (true) {
      String id = r.getString(ID);
      if (Objects.equals(id, systemId)) {
        add(r);
      } else {
        if (others == null) {
          others = new LinkedHashMap<>();
        }
        others.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
      }
      if (!rows.hasNext()) {
        pending = null;
        break;
      }
      r = rows.next();
      if (r.getLong(HASH) != hash) {
        pending = r;
        break;
      }
    }
    Row decision = decide(systemId);
    if (others != null) {
      others.forEach(
          (id, group) -> {
            buffer.clear();
            group.forEach(this::add);
            collided.add(decide(id));
          });
    }
    return decision;
  }

  private void add(Row r) {
    if (r.getBoolean(FAULTY)) {
      buffer.addFaulty();
    } else {
      buffer.add(r.getLong(VECTOR_ID), r.getLong(OPERATION), r.getLong(VALUE));
    }
  }

  /** The decision row for the buffered system: {@code accepted, system_id, vectors, ...}. */
  private Row decide(String systemId) {
    if (systemId == null || !buffer.screen()) {
      return RowFactory.create(false, systemId, null, 0L, buffer.rows());
    }
    Row[] vectors = new Row[buffer.vectorCount()];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = RowFactory.create(buffer.vectorId(i), buffer.operation(i), buffer.value(i));
    }
    return RowFactory.create(
        true,
        systemId,
        CollectionConverters.asScala(List.of(vectors)),
        buffer.duplicatesCollapsed(),
        0L);
  }
}
