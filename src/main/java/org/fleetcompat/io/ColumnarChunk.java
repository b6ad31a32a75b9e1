package org.fleetcompat.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.plain.BooleanPlainValuesWriter;
import org.apache.parquet.column.values.plain.FixedLenByteArrayPlainValuesWriter;
import org.apache.parquet.column.values.plain.PlainValuesWriter;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridValuesWriter;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType;

/**
 * One flat column of a {@link ColumnarFileWriter}: its values encoded into the current page, with
 * the page's statistics kept as plain numbers, and the compressed pages of the current row group.
 *
 * <p>One class for every kind, with the encoders in fields of their own concrete types, so that
 * each call in the hot path has a single target the JIT inlines. Statistics are kept as the page's
 * minimum and maximum in the column's sort order (signed for INT, LONG and BOOLEAN; unsigned for
 * UINT64, whose DECIMAL(20,0) bytes sort as the unsigned value; unsigned bytes for strings; the
 * index for a dictionary column, whose dictionary is sorted) and turned into parquet-mr's {@link
 * Statistics} once per page. Not thread safe.
 */
final class ColumnarChunk {
  static final byte INT = 0;
  static final byte LONG = 1;
  static final byte UINT64 = 2;
  static final byte BOOLEAN = 3;
  static final byte STRING = 4;
  static final byte DICTIONARY = 5;

  private static final int INITIAL_BYTES = 64 * 1024;

  /**
   * Dictionary pages and indices in v1 data pages say PLAIN_DICTIONARY, as parquet-mr and Spark
   * write them (RLE_DICTIONARY, which replaced it, belongs to v2 data pages).
   */
  @SuppressWarnings("deprecation")
  private static final Encoding DICTIONARY_ENCODING = Encoding.PLAIN_DICTIONARY;

  final String name;
  final byte kind;
  final boolean nullable;
  private final ColumnDescriptor descriptor;
  private final PrimitiveType type;
  private final int pageSizeBytes;

  private final RunLengthBitPackingHybridValuesWriter definitionLevels;
  private final PlainValuesWriter plain;
  private final BooleanPlainValuesWriter booleans;
  private final FixedLenByteArrayPlainValuesWriter fixed;
  private final RunLengthBitPackingHybridEncoder indices;
  private final byte[] uint64Bytes = new byte[ParquetSchemas.UINT64_BYTES];

  private final byte[][] dictionary;
  private final int[] dictionaryLengths;
  private final int bitWidth;
  private final DictionaryPage dictionaryPage;

  private int pageValues;
  private int pageNulls;
  private long pageMin;
  private long pageMax;
  private byte[] pageMinBytes;
  private byte[] pageMaxBytes;
  private long pageByteArrayBytes;

  private final List<Page> pages = new ArrayList<>();

  /** A compressed data page of the current row group. */
  private record Page(
      byte[] bytes, int uncompressedBytes, int rows, Statistics<?> stats, SizeStatistics sizes) {}

  /**
   * @param dictionary the dictionary of a STRING column written as indices, else null
   * @param compressor compresses the dictionary page, once
   */
  ColumnarChunk(
      ResultColumn column,
      ColumnDescriptor descriptor,
      byte[][] dictionary,
      int pageSizeBytes,
      BytesInputCompressor compressor)
      throws IOException {
    this.name = column.name();
    this.nullable = column.nullable();
    this.descriptor = descriptor;
    this.type = descriptor.getPrimitiveType();
    this.pageSizeBytes = pageSizeBytes;
    this.dictionary = dictionary;
    this.kind = kindOf((ColumnType.Scalar) column.type(), dictionary != null);
    var heap = HeapByteBufferAllocator.getInstance();
    definitionLevels =
        nullable
            ? new RunLengthBitPackingHybridValuesWriter(1, INITIAL_BYTES, pageSizeBytes, heap)
            : null;
    plain =
        kind == INT || kind == LONG || kind == STRING
            ? new PlainValuesWriter(INITIAL_BYTES, pageSizeBytes, heap)
            : null;
    booleans = kind == BOOLEAN ? new BooleanPlainValuesWriter() : null;
    fixed =
        kind == UINT64
            ? new FixedLenByteArrayPlainValuesWriter(
                ParquetSchemas.UINT64_BYTES, INITIAL_BYTES, pageSizeBytes, heap)
            : null;
    dictionaryLengths =
        dictionary == null ? null : Arrays.stream(dictionary).mapToInt(v -> v.length).toArray();
    bitWidth =
        dictionary == null ? 0 : BytesUtils.getWidthFromMaxInt(Math.max(0, dictionary.length - 1));
    indices =
        dictionary == null
            ? null
            : new RunLengthBitPackingHybridEncoder(bitWidth, INITIAL_BYTES, pageSizeBytes, heap);
    dictionaryPage = dictionary == null ? null : dictionaryPage(dictionary, compressor);
  }

  private static byte kindOf(ColumnType.Scalar type, boolean hasDictionary) {
    return switch (type) {
      case INT -> INT;
      case LONG -> LONG;
      case UINT64 -> UINT64;
      case BOOLEAN -> BOOLEAN;
      case STRING -> hasDictionary ? DICTIONARY : STRING;
    };
  }

  /** The dictionary's size; 0 for a column without one. */
  int dictionarySize() {
    return dictionary == null ? 0 : dictionary.length;
  }

  void appendNull() throws IOException {
    definitionLevels.writeInteger(0);
    pageNulls++;
  }

  /** A value of an INT, LONG, UINT64 (the raw pattern), BOOLEAN (0 or 1) or DICTIONARY column. */
  void append(long v) throws IOException {
    if (nullable) {
      definitionLevels.writeInteger(1);
    }
    switch (kind) {
      case DICTIONARY -> {
        indices.writeInt((int) v);
        pageByteArrayBytes += dictionaryLengths[(int) v];
      }
      case INT -> plain.writeInteger((int) v);
      case LONG -> plain.writeLong(v);
      case BOOLEAN -> booleans.writeBoolean(v != 0);
      default -> {
        ParquetSchemas.putUint64(v, uint64Bytes, 0);
        fixed.writeBytes(Binary.fromReusedByteArray(uint64Bytes));
      }
    }
    if (pageValues++ == 0) {
      pageMin = v;
      pageMax = v;
    } else if (kind == UINT64) {
      pageMin = Long.compareUnsigned(v, pageMin) < 0 ? v : pageMin;
      pageMax = Long.compareUnsigned(v, pageMax) > 0 ? v : pageMax;
    } else {
      pageMin = Math.min(pageMin, v);
      pageMax = Math.max(pageMax, v);
    }
  }

  /**
   * {@code n} copies of {@code v} in a non-null INT or DICTIONARY column: what {@code n} calls of
   * {@link #append(long)} write, with the statistics updated once.
   */
  void appendRepeated(long v, int n) throws IOException {
    assert !nullable && (kind == INT || kind == DICTIONARY) && n > 0;
    if (kind == DICTIONARY) {
      for (int i = 0; i < n; i++) {
        indices.writeInt((int) v);
      }
      pageByteArrayBytes += (long) dictionaryLengths[(int) v] * n;
    } else {
      for (int i = 0; i < n; i++) {
        plain.writeInteger((int) v);
      }
    }
    widen(v, v, n);
  }

  /**
   * {@code values[from, to)} in a non-null INT or DICTIONARY column: what one call of {@link
   * #append(long)} per value writes, with the statistics updated once.
   */
  void appendAll(int[] values, int from, int to) throws IOException {
    assert !nullable && (kind == INT || kind == DICTIONARY) && to > from;
    int min = values[from];
    int max = min;
    if (kind == DICTIONARY) {
      long bytes = 0;
      for (int i = from; i < to; i++) {
        int v = values[i];
        indices.writeInt(v);
        bytes += dictionaryLengths[v];
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      pageByteArrayBytes += bytes;
    } else {
      for (int i = from; i < to; i++) {
        int v = values[i];
        plain.writeInteger(v);
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    widen(min, max, to - from);
  }

  private void widen(long min, long max, int n) {
    if (pageValues == 0) {
      pageMin = min;
      pageMax = max;
    } else {
      pageMin = Math.min(pageMin, min);
      pageMax = Math.max(pageMax, max);
    }
    pageValues += n;
  }

  /** A value of a STRING column without a dictionary: UTF-8 bytes, read before this returns. */
  void append(byte[] utf8) throws IOException {
    if (nullable) {
      definitionLevels.writeInteger(1);
    }
    plain.writeBytes(Binary.fromReusedByteArray(utf8));
    pageByteArrayBytes += utf8.length;
    if (pageValues++ == 0) {
      pageMinBytes = utf8.clone();
      pageMaxBytes = pageMinBytes;
    } else if (Arrays.compareUnsigned(utf8, pageMinBytes) < 0) {
      pageMinBytes = utf8.clone();
    } else if (Arrays.compareUnsigned(utf8, pageMaxBytes) > 0) {
      pageMaxBytes = utf8.clone();
    }
  }

  /** The encoded bytes of the current page so far. */
  long pageBytes() {
    long values =
        switch (kind) {
          case DICTIONARY -> indices.getBufferedSize();
          case BOOLEAN -> booleans.getBufferedSize();
          case UINT64 -> fixed.getBufferedSize();
          default -> plain.getBufferedSize();
        };
    return values + (nullable ? definitionLevels.getBufferedSize() : 0);
  }

  /** Whether the current page holds about a page's worth of bytes. */
  boolean isPageFull() {
    return pageBytes() >= pageSizeBytes;
  }

  /**
   * Ends the current page of {@code rows} rows: compresses it and keeps it for the row group.
   *
   * @return its uncompressed size in bytes
   */
  int endPage(int rows, BytesInputCompressor compressor) throws IOException {
    BytesInput values =
        switch (kind) {
          case DICTIONARY ->
              BytesInput.concat(BytesInput.from(new byte[] {(byte) bitWidth}), indices.toBytes());
          case BOOLEAN -> booleans.getBytes();
          case UINT64 -> fixed.getBytes();
          default -> plain.getBytes();
        };
    BytesInput page = nullable ? BytesInput.concat(definitionLevels.getBytes(), values) : values;
    int uncompressed = Math.toIntExact(page.size());
    byte[] compressed = ParquetCodecs.toArray(compressor.compress(page));
    pages.add(new Page(compressed, uncompressed, rows, pageStatistics(), pageSizeStatistics()));
    resetPage();
    return uncompressed;
  }

  private Statistics<?> pageStatistics() {
    Statistics<?> s = Statistics.createStats(type);
    if (pageValues > 0) {
      switch (kind) {
        case INT -> {
          s.updateStats((int) pageMin);
          s.updateStats((int) pageMax);
        }
        case LONG -> {
          s.updateStats(pageMin);
          s.updateStats(pageMax);
        }
        case BOOLEAN -> {
          s.updateStats(pageMin != 0);
          s.updateStats(pageMax != 0);
        }
        case UINT64 -> {
          s.updateStats(Binary.fromConstantByteArray(ParquetSchemas.uint64Bytes(pageMin)));
          s.updateStats(Binary.fromConstantByteArray(ParquetSchemas.uint64Bytes(pageMax)));
        }
        case STRING -> {
          s.updateStats(Binary.fromConstantByteArray(pageMinBytes));
          s.updateStats(Binary.fromConstantByteArray(pageMaxBytes));
        }
        default -> {
          s.updateStats(Binary.fromConstantByteArray(dictionary[(int) pageMin]));
          s.updateStats(Binary.fromConstantByteArray(dictionary[(int) pageMax]));
        }
      }
    }
    s.incrementNumNulls(pageNulls);
    return s;
  }

  /** Flat columns have no level histograms; only BINARY columns count their values' bytes. */
  private SizeStatistics pageSizeStatistics() {
    boolean binary = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY;
    return new SizeStatistics(type, binary ? pageByteArrayBytes : 0, List.of(), List.of());
  }

  private void resetPage() {
    if (nullable) {
      definitionLevels.reset();
    }
    switch (kind) {
      case DICTIONARY -> indices.reset();
      case BOOLEAN -> booleans.reset();
      case UINT64 -> fixed.reset();
      default -> plain.reset();
    }
    pageValues = 0;
    pageNulls = 0;
    pageMinBytes = null;
    pageMaxBytes = null;
    pageByteArrayBytes = 0;
  }

  /** Writes the row group's column chunk of {@code rows} rows: its dictionary, then its pages. */
  void writeChunk(ParquetFileWriter out, long rows) throws IOException {
    out.startColumn(descriptor, rows, CompressionCodecName.SNAPPY);
    if (dictionaryPage != null) {
      out.writeDictionaryPage(dictionaryPage);
    }
    Encoding values = dictionary != null ? DICTIONARY_ENCODING : Encoding.PLAIN;
    for (Page p : pages) {
      out.writeDataPage(
          p.rows(),
          p.uncompressedBytes(),
          BytesInput.from(p.bytes()),
          p.stats(),
          p.rows(),
          // Levels whose maximum is 0 are not stored at all; RLE names them, as Arrow writes.
          Encoding.RLE,
          Encoding.RLE,
          values,
          null,
          null,
          p.sizes());
    }
    out.endColumn();
    pages.clear();
  }

  /** The dictionary in PLAIN encoding (length-prefixed values), compressed. */
  private static DictionaryPage dictionaryPage(byte[][] dictionary, BytesInputCompressor compressor)
      throws IOException {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    for (byte[] v : dictionary) {
      BytesUtils.writeIntLittleEndian(plain, v.length);
      plain.write(v);
    }
    byte[] bytes = plain.toByteArray();
    byte[] compressed = ParquetCodecs.toArray(compressor.compress(BytesInput.from(bytes)));
    return new DictionaryPage(
        BytesInput.from(compressed), bytes.length, dictionary.length, DICTIONARY_ENCODING);
  }

  void close() {
    if (nullable) {
      definitionLevels.close();
    }
    switch (kind) {
      case DICTIONARY -> indices.close();
      case BOOLEAN -> booleans.close();
      case UINT64 -> fixed.close();
      default -> plain.close();
    }
  }
}
