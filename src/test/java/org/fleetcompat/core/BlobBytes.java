package org.fleetcompat.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Hand-made blob bytes for the codec tests: writes fields in the layout of {@link BlobCodec}, and
 * {@link #seal} fills in the length and a valid checksum, so a test can reach the structural checks
 * behind the checksum. Also the one place that asserts how a decode is rejected.
 */
final class BlobBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Magic, the given version, a length placeholder. */
  static BlobBytes header(int version) {
    return new BlobBytes().raw('F', 'C', 'S', 'B').u16(version).u32(0);
  }

  BlobBytes raw(int... bytes) {
    for (int b : bytes) {
      out.write(b);
    }
    return this;
  }

  BlobBytes u8(int v) {
    return raw(v);
  }

  BlobBytes u16(int v) {
    return raw(v >>> 8, v);
  }

  BlobBytes u32(long v) {
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) v).array());
    return this;
  }

  BlobBytes u64(long v) {
    out.writeBytes(ByteBuffer.allocate(8).putLong(v).array());
    return this;
  }

  /** A string field: u32 byte length, UTF-8 bytes. */
  BlobBytes str(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    u32(b.length);
    out.writeBytes(b);
    return this;
  }

  /** One vector: vector_id u32, compare_operation u8, value u64. */
  BlobBytes vector(long id, int op, long value) {
    return u32(id).u8(op).u64(value);
  }

  /** The bytes so far, with the length field and a trailing checksum that match them. */
  byte[] seal() {
    byte[] body = out.toByteArray();
    return sealed(body, body.length + 4);
  }

  /** {@code body} with its length field set to {@code length} and a valid checksum appended. */
  static byte[] sealed(byte[] body, int length) {
    ByteBuffer b = ByteBuffer.allocate(body.length + 4).put(body);
    b.putInt(6, length);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, body.length);
    return b.putInt(body.length, (int) crc.getValue()).array();
  }

  /** Re-seals an encoded blob whose body a test changed (length unchanged). */
  static byte[] reseal(byte[] blob) {
    byte[] body = Arrays.copyOf(blob, blob.length - 4);
    return sealed(body, blob.length);
  }

  /** Decoding {@code bytes} fails with this status and a message holding {@code fragment}. */
  static void assertRejected(byte[] bytes, ReturnCode status, String fragment) {
    assertThatThrownBy(() -> BlobCodec.decode(bytes))
        .isInstanceOf(BlobFormatException.class)
        .hasMessageStartingWith("Cannot read blob at byte offset ")
        .hasMessageContaining(fragment)
        .extracting(e -> ((FleetcompatException) e).status())
        .isEqualTo(status);
  }

  /** As {@link #assertRejected}, and the message and the exception name this byte offset. */
  static void assertRejectedAt(byte[] bytes, ReturnCode status, int offset, String fragment) {
    assertRejected(bytes, status, fragment);
    assertThatThrownBy(() -> BlobCodec.decode(bytes))
        .hasMessageStartingWith("Cannot read blob at byte offset " + offset + ": ")
        .extracting(e -> ((BlobFormatException) e).offset())
        .isEqualTo(offset);
  }
}
