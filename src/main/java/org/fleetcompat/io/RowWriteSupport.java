package org.fleetcompat.io;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Shreds {@code Object[]} rows of a declared table into parquet-mr's record consumer, for {@link
 * TableFileWriter}. The rows are checked before they get here ({@link TableFileWriter#write}), so
 * this trusts them: a value of the wrong type would fail half-way through a record.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {
  /** The footer's {@code writer.model.name}: which object model wrote the file. */
  static final String MODEL_NAME = "fleetcompat";

  private final MessageType schema;
  private final List<ResultColumn> columns;
  private RecordConsumer out;

  RowWriteSupport(MessageType schema, List<ResultColumn> columns) {
    this.schema = schema;
    this.columns = columns;
  }

  /** Never called: the writer is built with a {@link ParquetConfiguration}. */
  @Deprecated
  @Override
  public WriteContext init(Configuration configuration) {
    return context();
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return context();
  }

  private WriteContext context() {
    // No extra metadata: the footer is a function of the rows only (same rows, same bytes).
    return new WriteContext(schema, Map.of());
  }

  @Override
  public String getName() {
    return MODEL_NAME;
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(Object[] row) {
    out.startMessage();
    writeFields(columns, row);
    out.endMessage();
  }

  private void writeFields(List<ResultColumn> fields, Object[] values) {
    for (int i = 0; i < fields.size(); i++) {
      Object v = values[i];
      if (v == null) {
        continue; // an OPTIONAL field left out is a null
      }
      String name = fields.get(i).name();
      out.startField(name, i);
      writeValue(fields.get(i).type(), v);
      out.endField(name, i);
    }
  }

  private void writeValue(ColumnType type, Object v) {
    if (type instanceof ColumnType.Scalar scalar) {
      switch (scalar) {
        case STRING -> out.addBinary(Binary.fromString((String) v));
        case INT -> out.addInteger((Integer) v);
        case LONG -> out.addLong((Long) v);
        case BOOLEAN -> out.addBoolean((Boolean) v);
        case UINT64 ->
            out.addBinary(Binary.fromConstantByteArray(ParquetSchemas.uint64Bytes((Long) v)));
      }
    } else if (type instanceof ColumnType.ListOf list) {
      out.startGroup();
      List<?> elements = (List<?>) v;
      if (!elements.isEmpty()) {
        // An empty list is the LIST group with no repeated field at all.
        out.startField(ParquetSchemas.LIST_GROUP, 0);
        for (Object e : elements) {
          out.startGroup();
          out.startField(ParquetSchemas.LIST_ELEMENT, 0);
          writeValue(list.element(), e);
          out.endField(ParquetSchemas.LIST_ELEMENT, 0);
          out.endGroup();
        }
        out.endField(ParquetSchemas.LIST_GROUP, 0);
      }
      out.endGroup();
    } else {
      out.startGroup();
      writeFields(((ColumnType.Struct) type).fields(), (Object[]) v);
      out.endGroup();
    }
  }
}
