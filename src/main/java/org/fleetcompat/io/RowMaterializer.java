package org.fleetcompat.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;

/**
 * Assembles parquet-mr's records into {@code Object[]} rows of a declared table, values as {@link
 * ColumnType} says, for {@link TableFileReader}. The file's schema has been checked against the
 * declaration before; what only the values can tell (a null in a column declared not nullable, a
 * DECIMAL(20,0) outside 0..2^64-1) fails here, naming the file and the row. Not thread safe.
 */
final class RowMaterializer extends RecordMaterializer<Object[]> {
  /** Where the reader is: for messages. */
  static final class Position {
    String table;
    String file;
    long row;
  }

  private final FieldsConverter root;
  private Object[] current;

  RowMaterializer(List<ResultColumn> columns, Position at) {
    this.root = new FieldsConverter(columns, "", at, row -> current = (Object[]) row);
  }

  @Override
  public Object[] getCurrentRecord() {
    return current;
  }

  @Override
  public GroupConverter getRootConverter() {
    return root;
  }

  private static Converter converter(
      ColumnType type, String path, Position at, Consumer<Object> sink) {
    if (type instanceof ColumnType.Scalar scalar) {
      return new ScalarConverter(scalar, path, at, sink);
    }
    if (type instanceof ColumnType.ListOf list) {
      return new ListConverter(list.element(), path, at, sink);
    }
    return new FieldsConverter(((ColumnType.Struct) type).fields(), path + ".", at, sink);
  }

  /** The row itself, or a struct: one value per declared field. */
  private static final class FieldsConverter extends GroupConverter {
    private final List<ResultColumn> fields;
    private final String prefix;
    private final Position at;
    private final Consumer<Object> sink;
    private final Converter[] children;
    private Object[] values;

    FieldsConverter(List<ResultColumn> fields, String prefix, Position at, Consumer<Object> sink) {
      this.fields = fields;
      this.prefix = prefix;
      this.at = at;
      this.sink = sink;
      this.children = new Converter[fields.size()];
      for (int i = 0; i < children.length; i++) {
        int index = i;
        ResultColumn f = fields.get(i);
        children[i] = converter(f.type(), prefix + f.name(), at, v -> values[index] = v);
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return children[fieldIndex];
    }

    @Override
    public void start() {
      values = new Object[children.length];
    }

    @Override
    public void end() {
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null && !fields.get(i).nullable()) {
          throw ResultFileErrors.badValue(
              at.table,
              at.file,
              prefix + fields.get(i).name(),
              at.row,
              "is null, but it is declared not nullable");
        }
      }
      sink.accept(values);
    }
  }

  /** A three-level list: the LIST group, its repeated group, the element. */
  private static final class ListConverter extends GroupConverter {
    private final Consumer<Object> sink;
    private final GroupConverter repeated;
    private List<Object> elements;
    private boolean elementSeen;

    ListConverter(ColumnType element, String path, Position at, Consumer<Object> sink) {
      this.sink = sink;
      Converter elementConverter =
          converter(
              element,
              path + "[]",
              at,
              v -> {
                elements.add(v);
                elementSeen = true;
              });
      this.repeated =
          new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
              return elementConverter;
            }

            @Override
            public void start() {
              elementSeen = false;
            }

            @Override
            public void end() {
              if (!elementSeen) {
                throw ResultFileErrors.badValue(
                    at.table,
                    at.file,
                    path,
                    at.row,
                    "holds a null list element, but elements are never null");
              }
            }
          };
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return repeated;
    }

    @Override
    public void start() {
      elements = new ArrayList<>();
    }

    @Override
    public void end() {
      sink.accept(Collections.unmodifiableList(elements));
    }
  }

  /** One flat value; strings and decimals decoded once per dictionary entry. */
  private static final class ScalarConverter extends PrimitiveConverter {
    private final ColumnType.Scalar type;
    private final String path;
    private final Position at;
    private final Consumer<Object> sink;
    private Dictionary dictionary;
    private Object[] decoded;

    ScalarConverter(ColumnType.Scalar type, String path, Position at, Consumer<Object> sink) {
      this.type = type;
      this.path = path;
      this.at = at;
      this.sink = sink;
    }

    @Override
    public boolean hasDictionarySupport() {
      return type == ColumnType.Scalar.STRING || type == ColumnType.Scalar.UINT64;
    }

    @Override
    public void setDictionary(Dictionary d) {
      dictionary = d;
      decoded = new Object[d.getMaxId() + 1];
    }

    @Override
    public void addValueFromDictionary(int dictionaryId) {
      Object v = decoded[dictionaryId];
      if (v == null) {
        // Decoded on first use, so that a bad entry fails at the row that holds it.
        v = decode(dictionary.decodeToBinary(dictionaryId));
        decoded[dictionaryId] = v;
      }
      sink.accept(v);
    }

    @Override
    public void addBinary(Binary value) {
      sink.accept(decode(value));
    }

    private Object decode(Binary value) {
      if (type == ColumnType.Scalar.STRING) {
        return value.toStringUsingUTF8();
      }
      Long raw = ParquetSchemas.uint64FromBytes(value.getBytes());
      if (raw == null) {
        throw ResultFileErrors.badValue(
            at.table, at.file, path, at.row, "holds a decimal outside 0..2^64-1");
      }
      return raw;
    }

    @Override
    public void addInt(int value) {
      sink.accept(value);
    }

    @Override
    public void addLong(long value) {
      sink.accept(value);
    }

    @Override
    public void addBoolean(boolean value) {
      sink.accept(value);
    }
  }
}
