package org.fleetcompat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fleetcompat.core.BlobBytes.assertRejectedAt;
import static org.fleetcompat.core.CompareOperation.DIVISOR;
import static org.fleetcompat.core.CompareOperation.EQUAL;
import static org.fleetcompat.core.CompareOperation.SUB_SET;
import static org.fleetcompat.core.ReturnCode.INVALID_PARAMETER;
import static org.fleetcompat.core.ReturnCode.NOT_SUPPORTED;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The blob format by example: golden bytes that pin the layout of {@link BlobCodec}, and one test
 * per way a blob is rejected, each with its status, byte offset and message. Malformed structure
 * behind a valid checksum is reached with {@link BlobBytes#seal}. The exhaustive bit-flip,
 * truncation and round-trip laws are in {@link BlobCodecPropertiesTest}.
 */
class BlobCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  /** A VM with a state and two vectors, one id and one value at and above 2^31 / 2^63. */
  static final SystemBlob GOLDEN_VM =
      SystemBlob.vm(
          "vm1",
          2,
          VectorSet.builder()
              .add(0x8000_0000, SUB_SET, 0x8000_0000_0000_0001L)
              .add(1, EQUAL, 2)
              .build());

  /**
   * Its bytes, field by field (see the layout in BlobCodec's Javadoc). Never edit: add a version.
   */
  static final byte[] GOLDEN_VM_BYTES =
      hex(
          "46435342", // 0 magic "FCSB"
          "0001", // 4 format version 1
          "00000044", // 6 total length 68
          "01", // 10 kind VM
          "00000003 766d31", // 11 system id "vm1"
          "00000001", // 18 one member
          "00000003 766d31", // 22 VM id "vm1"
          "01 00000002", // 29 enabled_state present: 2
          "00000002", // 34 two vectors
          "00000001 00 0000000000000002", // 38 id 1, Equal, 2
          "80000000 02 8000000000000001", // 51 id 2^31, SubSet, 2^63 + 1
          "d3d60c48"); // 64 CRC32C of bytes 0..63

  @Test
  void goldenVmBlob() {
    assertThat(HEX.formatHex(BlobCodec.encode(GOLDEN_VM)))
        .as("the byte layout of format version 1 changed: bump FORMAT_VERSION instead")
        .isEqualTo(HEX.formatHex(GOLDEN_VM_BYTES));
    assertThat(BlobCodec.decode(GOLDEN_VM_BYTES)).isEqualTo(GOLDEN_VM);
  }

  @Test
  void goldenHostBlob() {
    SystemBlob host =
        SystemBlob.host(
            "h1",
            List.of(
                new BlobMember("a", 3, VectorSet.builder().add(0xFFFF_FFFF, DIVISOR, -1L).build()),
                new BlobMember("b", null, VectorSet.empty())));
    byte[] golden =
        hex(
            "46435342 0001 0000003e", // magic, version 1, total length 62
            "02", // kind HOST
            "00000002 6831", // system id "h1"
            "00000002", // two members
            "00000001 61 01 00000003", // "a", enabled_state 3
            "00000001 ffffffff 09 ffffffffffffffff", // one vector: 2^32-1, Divisor, 2^64-1
            "00000001 62 00", // "b", no enabled_state
            "00000000", // no vectors
            "37aa3ffa"); // CRC32C
    assertThat(HEX.formatHex(BlobCodec.encode(host))).isEqualTo(HEX.formatHex(golden));
    assertThat(BlobCodec.decode(golden)).isEqualTo(host);
  }

  @Test
  void newerFormatVersionIsNotSupported() {
    byte[] newer = GOLDEN_VM_BYTES.clone();
    newer[5] = (byte) (BlobCodec.FORMAT_VERSION + 1); // the checksum is not consulted first
    assertThatThrownBy(() -> BlobCodec.decode(newer))
        .isInstanceOf(BlobFormatException.class)
        .hasMessage(
            "Cannot read blob at byte offset 4: format version 2 is newer than this fleetcompat"
                + " reads (up to 1); check it with the fleetcompat version that wrote it, or"
                + " re-run info with this version")
        .extracting(e -> ((FleetcompatException) e).status())
        .isEqualTo(NOT_SUPPORTED);
    // A newer format may lay out everything after the version differently, or end there.
    assertRejectedAt(
        BlobBytes.header(0xFFFF).seal(), NOT_SUPPORTED, 4, "format version 65535 is newer");
    assertRejectedAt(new BlobBytes().raw('F', 'C', 'S', 'B', 0, 2).seal(), NOT_SUPPORTED, 4, "2");
  }

  @Test
  void versionZeroIsInvalid() {
    byte[] zero = GOLDEN_VM_BYTES.clone();
    zero[5] = 0;
    assertRejectedAt(
        zero, INVALID_PARAMETER, 4, "format version 0 is not one fleetcompat writes (1..1)");
  }

  @Test
  void otherBytesAreNotABlob() {
    byte[] parquet = {'P', 'A', 'R', '1', 0, 0, 0, 0, 0, 0, 0, 0};
    assertRejectedAt(
        parquet,
        INVALID_PARAMETER,
        0,
        "a blob starts with the magic \"FCSB\" (0x46435342), this one has byte 0x50 where 0x46"
            + " ('F') belongs; pass a blob written by `fleetcompat info`");
    assertRejectedAt(new byte[] {'F', 'C', 'S', 'X'}, INVALID_PARAMETER, 3, "byte 0x58 where 0x42");
  }

  @Test
  void truncatedBlob() {
    assertRejectedAt(
        new byte[0],
        INVALID_PARAMETER,
        0,
        "the blob ends after 0 bytes, inside its 10-byte header");
    assertRejectedAt(
        Arrays.copyOf(GOLDEN_VM_BYTES, 67),
        INVALID_PARAMETER,
        67,
        "the blob ends after 67 bytes, but its header (byte offset 6) declares 68: 1 byte missing;"
            + " the blob was cut short (or its header is corrupt): copy the whole file again");
  }

  @Test
  void appendedBytes() {
    byte[] longer = Arrays.copyOf(GOLDEN_VM_BYTES, 71);
    assertRejectedAt(
        longer,
        INVALID_PARAMETER,
        68,
        "3 bytes trail the end of the blob that its header (byte offset 6) declares; the blob is"
            + " corrupt: take it again with `fleetcompat info`");
  }

  @Test
  void checksumMismatch() {
    byte[] altered = GOLDEN_VM_BYTES.clone();
    altered[63] = 2; // the SubSet value 2^63 + 1 becomes 2^63 + 2
    assertRejectedAt(
        altered,
        INVALID_PARAMETER,
        64,
        "the CRC32C checksum stored here is 0xd3d60c48 but the bytes before it hash to 0x");
  }

  @Test
  void declaredLengthBelowTheSmallestBlob() {
    assertRejectedAt(
        BlobBytes.header(1).u8(1).seal(),
        INVALID_PARAMETER,
        6,
        "the header declares a length of 15 bytes, less than the smallest blob (23)");
  }

  // --- structure behind a valid checksum: what a buggy or hostile writer could produce --------

  /** A VM blob of VM "v" up to its vector count (which starts at byte 26). */
  private static BlobBytes vmUpToVectors() {
    return BlobBytes.header(1).u8(1).str("v").u32(1).str("v").u8(0);
  }

  @Test
  void unknownCompareOperation() {
    assertRejectedAt(
        vmUpToVectors().u32(1).vector(7, 10, 0).seal(),
        INVALID_PARAMETER,
        34,
        "VM 'v' vector_id 0x7 has compare_operation 10, expected 0..9 (Equal..Divisor)");
    assertRejectedAt(
        vmUpToVectors().u32(1).vector(7, 255, 0).seal(),
        INVALID_PARAMETER,
        34,
        "compare_operation 255");
  }

  @Test
  void duplicateVectorId() {
    assertRejectedAt(
        vmUpToVectors().u32(2).vector(7, 0, 0).vector(7, 0, 1).seal(),
        INVALID_PARAMETER,
        43,
        "VM 'v' vector_id 0x7 appears twice");
  }

  @Test
  void vectorIdsMustAscendUnsigned() {
    assertRejectedAt(
        vmUpToVectors().u32(2).vector(0x8000_0000L, 0, 0).vector(1, 0, 0).seal(),
        INVALID_PARAMETER,
        43,
        "VM 'v' vector_id 0x1 follows 0x80000000: ids must ascend");
  }

  @Test
  void absurdCountsAndLengthsAreCheckedBeforeUse() {
    assertRejectedAt(
        BlobBytes.header(1).u8(2).str("h").u32(0xFFFF_FFFFL).seal(),
        INVALID_PARAMETER,
        16,
        "member count 4294967295 needs at least 38654705655 bytes, only 0 remain before the"
            + " checksum");
    assertRejectedAt(
        vmUpToVectors().u32(0x7FFF_FFFF).vector(1, 0, 0).seal(),
        INVALID_PARAMETER,
        26,
        "vector count 2147483647 needs at least 27917287411 bytes, only 13 remain");
    assertRejectedAt(
        BlobBytes.header(1).u8(1).u32(0xFFFF_FFF0L).u32(0).seal(),
        INVALID_PARAMETER,
        11,
        "system id length 4294967280 exceeds the 4 bytes that remain before the checksum");
    assertRejectedAt(
        BlobBytes.header(1).u8(2).str("h").u32(1).str("").u8(1).u32(2).raw(0, 0, 0).seal(),
        INVALID_PARAMETER,
        29,
        "vector count needs 4 bytes, only 3 remain before the checksum");
  }

  @Test
  void unknownKindAndStateFlag() {
    assertRejectedAt(
        BlobBytes.header(1).u8(3).str("h").u32(0).seal(),
        INVALID_PARAMETER,
        10,
        "kind 3 is neither 1 (VM) nor 2 (HOST)");
    assertRejectedAt(
        BlobBytes.header(1).u8(1).str("v").u32(1).str("v").u8(2).u32(0).seal(),
        INVALID_PARAMETER,
        25,
        "enabled_state flag 2 is neither 0 (absent) nor 1 (present)");
  }

  @Test
  void vmBlobHoldsExactlyTheVm() {
    assertRejectedAt(
        BlobBytes.header(1).u8(1).str("v").u32(0).seal(),
        INVALID_PARAMETER,
        16,
        "a VM blob holds exactly one member, this one declares 0");
    assertRejectedAt(
        BlobBytes.header(1).u8(1).str("v").u32(1).str("w").u8(0).u32(0).seal(),
        INVALID_PARAMETER,
        20,
        "the member of VM 'v' has another id, 'w'");
  }

  @Test
  void hostListsEachVmOnce() {
    assertRejectedAt(
        BlobBytes.header(1)
            .u8(2)
            .str("h")
            .u32(2)
            .str("a")
            .u8(0)
            .u32(0)
            .str("a")
            .u8(0)
            .u32(0)
            .seal(),
        INVALID_PARAMETER,
        30,
        "host 'h' lists VM 'a' twice");
  }

  @Test
  void idsMustBeUtf8() {
    assertRejectedAt(
        BlobBytes.header(1).u8(2).u32(2).raw(0xC3, 0x28).u32(0).seal(),
        INVALID_PARAMETER,
        15,
        "system id is not valid UTF-8");
  }

  @Test
  void bytesLeftOverBeforeTheChecksum() {
    byte[] blob = BlobCodec.encode(GOLDEN_VM);
    byte[] body = Arrays.copyOf(blob, blob.length - 4 + 1); // one zero byte more
    assertRejectedAt(
        BlobBytes.sealed(body, body.length + 4),
        INVALID_PARAMETER,
        64,
        "1 byte left over between the last member and the checksum");
  }

  @Test
  void handMadeBlobInTheCanonicalFormDecodes() {
    byte[] made =
        BlobBytes.header(1)
            .u8(1)
            .str("vm1")
            .u32(1)
            .str("vm1")
            .u8(1)
            .u32(2)
            .u32(2)
            .vector(1, 0, 2)
            .vector(0x8000_0000L, 2, 0x8000_0000_0000_0001L)
            .seal();
    assertThat(made).isEqualTo(GOLDEN_VM_BYTES);
  }

  @Test
  void encodeRejectsNull() {
    assertThatThrownBy(() -> BlobCodec.encode(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("blob is null");
    assertThatThrownBy(() -> BlobCodec.decode(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("blob is null");
  }

  private static byte[] hex(String... fields) {
    return HEX.parseHex(String.join("", fields).replace(" ", ""));
  }
}
