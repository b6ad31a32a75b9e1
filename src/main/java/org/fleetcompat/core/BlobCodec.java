package org.fleetcompat.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * The blob format of the single-system API (SPEC section 2): a versioned, self-checking binary
 * encoding of a {@link SystemBlob}, our own (Hyper-V's real blob is undocumented). Stateless and
 * thread safe; both directions cost O(blob size).
 *
 * <p>Layout, format version 1. All integers are big-endian; {@code u32} fields are unsigned;
 * strings are a {@code u32} byte length followed by that many bytes of UTF-8.
 *
 * <pre>
 * offset  bytes  field
 *      0      4  magic "FCSB" (0x46 0x43 0x53 0x42)
 *      4      2  format version, u16 (1)
 *      6      4  total length of the blob in bytes, u32, magic and checksum included
 *     10      1  kind: 1 = VM, 2 = HOST
 *     11  4 + n  system id (string)
 *      .      4  member count, u32 (exactly 1 for a VM)
 *                then per member, in order:
 *      .  4 + n    VM id (string; for a VM blob, the system id)
 *      .      1    enabled_state present: 0 = absent, 1 = present
 *      .      4    enabled_state, i32 (only when present)
 *      .      4    vector count, u32
 *      .   13 x    vectors, vector_id strictly ascending (unsigned):
 *                    vector_id u32, compare_operation u8 (0..9), compatibility_info u64
 *  L - 4      4  CRC32C of bytes [0, L - 4), u32, where L is the total length
 * </pre>
 *
 * <p>Encoding is deterministic: the same blob always gives the same bytes, and every blob that
 * decodes re-encodes to exactly its bytes. Decoding reads the magic and the version first (a newer
 * format may place everything else elsewhere: {@link ReturnCode#NOT_SUPPORTED}), then the length,
 * then verifies the checksum, then the structure; every failure is a {@link BlobFormatException}.
 *
 * <pre>{@code
 * byte[] bytes = BlobCodec.encode(SystemBlob.vm("vm-17", 2, vectors));
 * SystemBlob blob = BlobCodec.decode(bytes); // equals the original
 * }</pre>
 */
public final class BlobCodec {
  /** The format version this build writes, and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  private static final byte[] MAGIC = {'F', 'C', 'S', 'B'};
  private static final int VERSION_OFFSET = 4;
  private static final int LENGTH_OFFSET = 6;
  private static final int HEADER_BYTES = 10;
  private static final int CHECKSUM_BYTES = 4;
  private static final int MIN_BLOB_BYTES = HEADER_BYTES + 1 + 4 + 4 + CHECKSUM_BYTES;
  private static final int MIN_MEMBER_BYTES = 4 + 1 + 4;
  private static final int VECTOR_BYTES = 4 + 1 + 8;
  private static final int KIND_VM = 1;
  private static final int KIND_HOST = 2;
  private static final long MAX_BLOB_BYTES = Integer.MAX_VALUE - 8; // the largest safe array

  private BlobCodec() {}

  /**
   * The bytes of {@code blob} in format {@link #FORMAT_VERSION}.
   *
   * @throws IllegalArgumentException if the blob would exceed the size of a Java array (2 GiB)
   */
  public static byte[] encode(SystemBlob blob) {
    Objects.requireNonNull(blob, "blob is null");
    byte[] systemId = blob.systemId().getBytes(StandardCharsets.UTF_8);
    List<byte[]> memberIds = new ArrayList<>(blob.members().size());
    long size = HEADER_BYTES + 1L + 4 + systemId.length + 4 + CHECKSUM_BYTES;
    for (BlobMember m : blob.members()) {
      byte[] id = m.vmId().getBytes(StandardCharsets.UTF_8);
      memberIds.add(id);
      size += MIN_MEMBER_BYTES + id.length + (m.enabledState() == null ? 0 : 4);
      size += (long) VECTOR_BYTES * m.vectors().size();
    }
    if (size > MAX_BLOB_BYTES) {
      throw new IllegalArgumentException(
          "The blob of "
              + blob.kind()
              + " '"
              + blob.systemId()
              + "' would be "
              + size
              + " bytes, more than a blob can hold ("
              + MAX_BLOB_BYTES
              + "): take the blobs of its VMs one by one");
    }
    ByteBuffer out = ByteBuffer.allocate((int) size);
    out.put(MAGIC).putShort((short) FORMAT_VERSION).putInt((int) size);
    out.put((byte) (blob.kind() == SystemKind.VM ? KIND_VM : KIND_HOST));
    out.putInt(systemId.length).put(systemId);
    out.putInt(blob.members().size());
    for (int i = 0; i < memberIds.size(); i++) {
      BlobMember m = blob.members().get(i);
      out.putInt(memberIds.get(i).length).put(memberIds.get(i));
      if (m.enabledState() == null) {
        out.put((byte) 0);
      } else {
        out.put((byte) 1).putInt(m.enabledState());
      }
      VectorSet v = m.vectors();
      out.putInt(v.size());
      for (int j = 0; j < v.size(); j++) {
        out.putInt(v.vectorId(j)).put((byte) v.operation(j).code()).putLong(v.value(j));
      }
    }
    out.putInt(checksum(out.array(), out.position()));
    return out.array();
  }

  /**
   * The blob these bytes encode.
   *
   * @throws BlobFormatException with {@link ReturnCode#INVALID_PARAMETER} if the bytes are not a
   *     blob, or are truncated, extended, corrupt or malformed (wrong magic, checksum mismatch, an
   *     unknown compare operation, a duplicate or unordered vector_id, a length larger than the
   *     bytes that remain, ...), or with {@link ReturnCode#NOT_SUPPORTED} if the format version is
   *     newer than {@link #FORMAT_VERSION}
   */
  public static SystemBlob decode(byte[] blob) {
    Objects.requireNonNull(blob, "blob is null");
    checkHeader(blob);
    int stored = ByteBuffer.wrap(blob, blob.length - CHECKSUM_BYTES, CHECKSUM_BYTES).getInt();
    int computed = checksum(blob, blob.length - CHECKSUM_BYTES);
    if (stored != computed) {
      throw BlobFormatException.corrupt(
          blob.length - CHECKSUM_BYTES,
          "the CRC32C checksum stored here is "
              + Hex.value(Integer.toUnsignedLong(stored))
              + " but the bytes before it hash to "
              + Hex.value(Integer.toUnsignedLong(computed)));
    }
    return readBody(new BlobReader(blob, HEADER_BYTES, blob.length - CHECKSUM_BYTES));
  }

  /** Magic, version and declared length, in the order a newer format still allows. */
  private static void checkHeader(byte[] blob) {
    for (int i = 0; i < Math.min(MAGIC.length, blob.length); i++) {
      if (blob[i] != MAGIC[i]) {
        throw BlobFormatException.notABlob(
            i,
            "a blob starts with the magic \"FCSB\" (0x46435342), this one has byte "
                + Hex.value(blob[i] & 0xff)
                + " where "
                + Hex.value(MAGIC[i])
                + " ('"
                + (char) MAGIC[i]
                + "') belongs");
      }
    }
    if (blob.length < LENGTH_OFFSET) {
      throw endsInHeader(blob.length);
    }
    int version = ByteBuffer.wrap(blob, VERSION_OFFSET, 2).getShort() & 0xffff;
    if (version > FORMAT_VERSION) {
      throw BlobFormatException.newerVersion(VERSION_OFFSET, version, FORMAT_VERSION);
    }
    if (version < 1) {
      throw BlobFormatException.corrupt(
          VERSION_OFFSET,
          "format version "
              + version
              + " is not one fleetcompat writes (1.."
              + FORMAT_VERSION
              + ")");
    }
    if (blob.length < HEADER_BYTES) {
      throw endsInHeader(blob.length);
    }
    long declared = Integer.toUnsignedLong(ByteBuffer.wrap(blob, LENGTH_OFFSET, 4).getInt());
    if (declared > blob.length) {
      throw BlobFormatException.truncated(
          blob.length,
          "the blob ends after "
              + BlobFormatException.bytes(blob.length)
              + ", but its header (byte offset "
              + LENGTH_OFFSET
              + ") declares "
              + declared
              + ": "
              + BlobFormatException.bytes(declared - blob.length)
              + " missing");
    }
    if (declared < MIN_BLOB_BYTES) {
      throw BlobFormatException.corrupt(
          LENGTH_OFFSET,
          "the header declares a length of "
              + BlobFormatException.bytes(declared)
              + ", less than the smallest blob ("
              + MIN_BLOB_BYTES
              + ")");
    }
    if (declared < blob.length) {
      throw BlobFormatException.corrupt(
          (int) declared,
          BlobFormatException.bytes(blob.length - declared)
              + " trail the end of the blob that its header (byte offset "
              + LENGTH_OFFSET
              + ") declares");
    }
  }

  private static BlobFormatException endsInHeader(int length) {
    return BlobFormatException.truncated(
        length,
        "the blob ends after "
            + BlobFormatException.bytes(length)
            + ", inside its "
            + HEADER_BYTES
            + "-byte header");
  }

  private static SystemBlob readBody(BlobReader in) {
    int kindAt = in.offset();
    int kindCode = in.u8("kind");
    SystemKind kind =
        switch (kindCode) {
          case KIND_VM -> SystemKind.VM;
          case KIND_HOST -> SystemKind.HOST;
          default ->
              throw BlobFormatException.corrupt(
                  kindAt, "kind " + kindCode + " is neither 1 (VM) nor 2 (HOST)");
        };
    String systemId = in.utf8("system id");
    int countAt = in.offset();
    int memberCount = in.count("member", MIN_MEMBER_BYTES);
    if (kind == SystemKind.VM && memberCount != 1) {
      throw BlobFormatException.corrupt(
          countAt, "a VM blob holds exactly one member, this one declares " + memberCount);
    }
    List<BlobMember> members = new ArrayList<>(memberCount);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < memberCount; i++) {
      int idAt = in.offset();
      String vmId = in.utf8("VM id");
      if (kind == SystemKind.VM && !vmId.equals(systemId)) {
        throw BlobFormatException.corrupt(
            idAt, "the member of VM '" + systemId + "' has another id, '" + vmId + "'");
      }
      if (!seen.add(vmId)) {
        throw BlobFormatException.corrupt(
            idAt, "host '" + systemId + "' lists VM '" + vmId + "' twice");
      }
      members.add(new BlobMember(vmId, readEnabledState(in), readVectors(in, vmId)));
    }
    if (in.remaining() != 0) {
      throw BlobFormatException.corrupt(
          in.offset(),
          BlobFormatException.bytes(in.remaining())
              + " left over between the last member and the checksum");
    }
    return new SystemBlob(kind, systemId, members);
  }

  private static Integer readEnabledState(BlobReader in) {
    int flagAt = in.offset();
    int flag = in.u8("enabled_state flag");
    return switch (flag) {
      case 0 -> null;
      case 1 -> in.i32("enabled_state");
      default ->
          throw BlobFormatException.corrupt(
              flagAt, "enabled_state flag " + flag + " is neither 0 (absent) nor 1 (present)");
    };
  }

  private static VectorSet readVectors(BlobReader in, String vmId) {
    int count = in.count("vector", VECTOR_BYTES);
    VectorSet.Builder vectors = VectorSet.builder();
    long previous = -1;
    for (int i = 0; i < count; i++) {
      int at = in.offset();
      long id = in.u32("vector_id");
      int op = in.u8("compare_operation");
      long value = in.u64("compatibility_info");
      if (!CompareOperation.isKnown(op)) {
        throw BlobFormatException.corrupt(
            at + 4,
            "VM '"
                + vmId
                + "' vector_id "
                + Hex.vectorId((int) id)
                + " has compare_operation "
                + op
                + ", expected 0..9 (Equal..Divisor)");
      }
      if (id <= previous) {
        throw BlobFormatException.corrupt(
            at,
            "VM '"
                + vmId
                + "' vector_id "
                + Hex.vectorId((int) id)
                + (id == previous
                    ? " appears twice"
                    : " follows " + Hex.vectorId((int) previous) + ": ids must ascend"));
      }
      vectors.add((int) id, CompareOperation.ofCode(op), value);
      previous = id;
    }
    return vectors.build();
  }

  private static int checksum(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }
}
