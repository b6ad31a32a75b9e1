package org.fleetcompat.core;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked big-endian reads over the body of a blob, for {@link BlobCodec}. Every read and
 * every count is checked against the bytes that remain before the checksum, so a malformed length
 * never allocates or reads past the end; failures are {@link BlobFormatException}s that name the
 * offset. Not thread safe.
 */
final class BlobReader {
  private final byte[] data;
  private final int end;
  private int pos;

  /** Reads {@code data[from, end)}. */
  BlobReader(byte[] data, int from, int end) {
    this.data = data;
    this.pos = from;
    this.end = end;
  }

  /** The offset of the next byte to read. */
  int offset() {
    return pos;
  }

  /** How many bytes remain before the end. */
  int remaining() {
    return end - pos;
  }

  /** One unsigned byte. */
  int u8(String field) {
    need(1, field);
    return data[pos++] & 0xff;
  }

  /** A signed 32-bit integer. */
  int i32(String field) {
    need(Integer.BYTES, field);
    int v = ByteBuffer.wrap(data, pos, Integer.BYTES).getInt();
    pos += Integer.BYTES;
    return v;
  }

  /** An unsigned 32-bit integer, widened. */
  long u32(String field) {
    return Integer.toUnsignedLong(i32(field));
  }

  /** A raw 64-bit value. */
  long u64(String field) {
    need(Long.BYTES, field);
    long v = ByteBuffer.wrap(data, pos, Long.BYTES).getLong();
    pos += Long.BYTES;
    return v;
  }

  /**
   * A u32 count of items that take at least {@code minBytesEach} bytes each, checked against the
   * bytes that remain before it is used to size anything.
   */
  int count(String items, int minBytesEach) {
    int at = pos;
    long n = u32(items + " count");
    long needed = n * minBytesEach; // n < 2^32 and minBytesEach is small: no overflow
    if (needed > remaining()) {
      throw BlobFormatException.corrupt(
          at,
          items
              + " count "
              + n
              + " needs at least "
              + BlobFormatException.bytes(needed)
              + ", only "
              + remaining()
              + " remain before the checksum");
    }
    return (int) n;
  }

  /** A u32 byte length followed by that many bytes of strict UTF-8. */
  String utf8(String field) {
    int at = pos;
    long length = u32(field + " length");
    if (length > remaining()) {
      throw BlobFormatException.corrupt(
          at,
          field
              + " length "
              + length
              + " exceeds the "
              + BlobFormatException.bytes(remaining())
              + " that remain before the checksum");
    }
    int n = (int) length;
    try {
      String s =
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data, pos, n)).toString();
      pos += n;
      return s;
    } catch (CharacterCodingException e) {
      throw BlobFormatException.corrupt(pos, field + " is not valid UTF-8");
    }
  }

  private void need(int n, String field) {
    if (remaining() < n) {
      throw BlobFormatException.corrupt(
          pos,
          field
              + " needs "
              + BlobFormatException.bytes(n)
              + ", only "
              + remaining()
              + " remain before the checksum");
    }
  }
}
