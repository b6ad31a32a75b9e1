package org.fleetcompat.io;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReadStore;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * One column of a snapshot file, read value by value through parquet-mr's column API and
 * interpreted as {@link ColumnContract} accepts it: text (UTF-8), signed or unsigned INT32/INT64,
 * or a whole decimal of any physical type. Integers come back as a {@code long} when they fit one,
 * exactly otherwise ({@link #bigValue()}), so range checks never overflow; their text is the number
 * as the file holds it (an INT64 annotated UINT_64 unsigned, a plain INT64 signed).
 *
 * <p>Not thread safe: one per column reader. The hot path (an INT32/INT64 or a dictionary string)
 * allocates nothing per value.
 */
final class ParquetField {
  private enum Kind {
    TEXT,
    INT32,
    UINT32,
    INT64,
    UINT64,
    DECIMAL_INT32,
    DECIMAL_INT64,
    DECIMAL_BYTES
  }

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final ColumnReader reader;
  private final int maxDefinition;
  private final Kind kind;

  private ParquetField(ColumnReader reader, ColumnDescriptor descriptor, Kind kind) {
    this.reader = reader;
    this.maxDefinition = descriptor.getMaxDefinitionLevel();
    this.kind = kind;
  }

  /** Reads {@code descriptor}'s values from {@code reader}; the type was checked at inspection. */
  static ParquetField of(ColumnReader reader, ColumnDescriptor descriptor) {
    PrimitiveType type = descriptor.getPrimitiveType();
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    boolean unsigned = logical instanceof IntLogicalTypeAnnotation i && !i.isSigned();
    boolean decimal = logical instanceof DecimalLogicalTypeAnnotation;
    Kind kind =
        switch (type.getPrimitiveTypeName()) {
          case BINARY -> decimal ? Kind.DECIMAL_BYTES : Kind.TEXT;
          case FIXED_LEN_BYTE_ARRAY -> Kind.DECIMAL_BYTES;
          case INT32 -> decimal ? Kind.DECIMAL_INT32 : unsigned ? Kind.UINT32 : Kind.INT32;
          case INT64 -> decimal ? Kind.DECIMAL_INT64 : unsigned ? Kind.UINT64 : Kind.INT64;
          default ->
              throw new IllegalArgumentException(
                  "column " + descriptor + " has type " + type + ", which no contract accepts");
        };
    return new ParquetField(reader, descriptor, kind);
  }

  /** Whether the current value is null. */
  boolean isNull() {
    return reader.getCurrentDefinitionLevel() < maxDefinition;
  }

  /** Moves to the next value. */
  void next() {
    reader.consume();
  }

  /** Whether the column holds text rather than numbers. */
  boolean isText() {
    return kind == Kind.TEXT;
  }

  /** Whether a plain (signed, unannotated) INT64: its values are 64-bit patterns shown signed. */
  boolean isSignedInt64() {
    return kind == Kind.INT64;
  }

  /**
   * The current value's index in its column chunk's dictionary: only for a chunk whose data pages
   * are all dictionary-encoded, and a value that is not null.
   */
  int dictionaryId() {
    return reader.getCurrentValueDictionaryID();
  }

  /** The current text value (a {@link #isText()} column, not null). */
  Binary binary() {
    return reader.getBinary();
  }

  /**
   * The current integer value when it fits a signed {@code long}; check {@link #fitsLong()} first.
   * An UINT_64 value at or above 2^63 does not fit.
   */
  long longValue() {
    return switch (kind) {
      case INT32, DECIMAL_INT32 -> reader.getInteger();
      case UINT32 -> Integer.toUnsignedLong(reader.getInteger());
      case INT64, UINT64, DECIMAL_INT64 -> reader.getLong();
      case DECIMAL_BYTES -> new BigInteger(reader.getBinary().getBytes()).longValue();
      case TEXT -> throw new IllegalStateException("not an integer column");
    };
  }

  /** Whether the current integer value fits a signed {@code long}. */
  boolean fitsLong() {
    return switch (kind) {
      case UINT64 -> reader.getLong() >= 0;
      case DECIMAL_BYTES -> {
        BigInteger v = new BigInteger(reader.getBinary().getBytes());
        yield v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0;
      }
      default -> true;
    };
  }

  /** The current integer value, exactly. */
  BigInteger bigValue() {
    return switch (kind) {
      case UINT64 -> new BigInteger(Long.toUnsignedString(reader.getLong()));
      case DECIMAL_BYTES -> new BigInteger(reader.getBinary().getBytes());
      default -> BigInteger.valueOf(longValue());
    };
  }

  /**
   * The raw 64-bit pattern of a {@code compatibility_info} value: an INT64 (signed or UINT_64) is
   * the pattern itself, a decimal must lie in 0..2^64-1 ({@link #isUnsigned64()}).
   */
  long bits() {
    return switch (kind) {
      case INT64, UINT64 -> reader.getLong();
      default -> bigValue().longValue();
    };
  }

  /** Whether the current value is a valid unsigned 64-bit number (always, for an INT64 column). */
  boolean isUnsigned64() {
    return switch (kind) {
      case INT64, UINT64 -> true;
      default -> {
        BigInteger v = bigValue();
        yield v.signum() >= 0 && v.bitLength() <= 64;
      }
    };
  }

  /** The current value as the file holds it, as text; "null" is never returned, see isNull. */
  String text() {
    return switch (kind) {
      case TEXT -> reader.getBinary().toStringUsingUTF8();
      case UINT64 -> Long.toUnsignedString(reader.getLong());
      case DECIMAL_BYTES -> bigValue().toString();
      default -> Long.toString(longValue());
    };
  }

  /** The current value's text, or null when it is null. */
  String textOrNull() {
    return isNull() ? null : text();
  }

  /**
   * The column readers of one row group. parquet-mr's store wants a record converter; the column
   * API reads values without one, so it gets one that ignores everything.
   */
  static ColumnReadStore store(PageReadStore pages, MessageType schema, String createdBy) {
    return new ColumnReadStoreImpl(pages, new IgnoringConverter(), schema, createdBy);
  }

  private static final class IgnoringConverter extends GroupConverter {
    @Override
    public Converter getConverter(int fieldIndex) {
      // Claiming dictionary support keeps dictionary pages' values as indices, which
      // getCurrentValueDictionaryID hands out; the getters still decode them.
      return new PrimitiveConverter() {
        @Override
        public boolean hasDictionarySupport() {
          return true;
        }

        @Override
        public void setDictionary(org.apache.parquet.column.Dictionary dictionary) {}
      };
    }

    @Override
    public void start() {}

    @Override
    public void end() {}
  }

  /** UTF-8 bytes as a string, for ids. */
  static String utf8(Binary b) {
    return new String(b.getBytesUnsafe(), StandardCharsets.UTF_8);
  }
}
