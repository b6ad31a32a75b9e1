package org.fleetcompat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fleetcompat.core.BlobBytes.assertRejected;
import static org.fleetcompat.core.ReturnCode.INVALID_PARAMETER;
import static org.fleetcompat.core.ReturnCode.NOT_SUPPORTED;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;

/**
 * The laws of the blob format on random blobs (VMs and hosts with 0..6 VMs, ids and values at and
 * above 2^31 / 2^63, every operation, absent states, Unicode ids): the round trip, deterministic
 * bytes, and that every single-bit flip, every truncation and every extension is rejected with the
 * right status. jqwik prints the seed and the shrunk blob of a failure.
 */
class BlobCodecPropertiesTest {

  @Property(tries = 500)
  void decodeInvertsEncode(@ForAll("blobs") SystemBlob blob) {
    assertThat(BlobCodec.decode(BlobCodec.encode(blob))).isEqualTo(blob);
  }

  @Property(tries = 300)
  void encodingIsDeterministic(@ForAll("blobs") SystemBlob blob) {
    byte[] bytes = BlobCodec.encode(blob);
    assertThat(BlobCodec.encode(blob)).isEqualTo(bytes);
    assertThat(BlobCodec.encode(copyOf(blob))).as("an equal blob built anew").isEqualTo(bytes);
    assertThat(BlobCodec.encode(BlobCodec.decode(bytes))).isEqualTo(bytes);
  }

  @Property(tries = 60)
  void everySingleBitFlipIsRejected(@ForAll("blobs") SystemBlob blob) {
    byte[] bytes = BlobCodec.encode(blob);
    for (int bit = 0; bit < bytes.length * 8; bit++) {
      byte[] flipped = bytes.clone();
      int at = bit / 8;
      flipped[at] ^= (byte) (1 << (bit % 8));
      if (at < 4) {
        assertRejected(flipped, INVALID_PARAMETER, "a blob starts with the magic");
      } else if (at < 6) {
        int version = ((flipped[4] & 0xff) << 8) | (flipped[5] & 0xff);
        assertRejected(
            flipped,
            version > BlobCodec.FORMAT_VERSION ? NOT_SUPPORTED : INVALID_PARAMETER,
            "format version " + version + " is ");
      } else if (at < 10) {
        assertRejected(flipped, INVALID_PARAMETER, "declares");
      } else {
        assertRejected(flipped, INVALID_PARAMETER, "CRC32C checksum");
      }
    }
  }

  @Property(tries = 100)
  void everyTruncationIsRejected(@ForAll("blobs") SystemBlob blob) {
    byte[] bytes = BlobCodec.encode(blob);
    for (int length = 0; length < bytes.length; length++) {
      assertRejected(
          Arrays.copyOf(bytes, length),
          INVALID_PARAMETER,
          "the blob ends after " + length + (length == 1 ? " byte, " : " bytes, "));
    }
  }

  @Property(tries = 200)
  void appendedBytesAreRejected(
      @ForAll("blobs") SystemBlob blob, @ForAll @NotEmpty @Size(max = 40) byte[] extra) {
    byte[] bytes = BlobCodec.encode(blob);
    byte[] longer = Arrays.copyOf(bytes, bytes.length + extra.length);
    System.arraycopy(extra, 0, longer, bytes.length, extra.length);
    assertRejected(longer, INVALID_PARAMETER, "trail the end of the blob");
  }

  /**
   * Behind a valid checksum, any change to the body either decodes to a blob that re-encodes to
   * exactly those bytes (the format has one spelling per blob) or is rejected with 32773: never
   * another exception, never a huge allocation.
   */
  @Property(tries = 2000)
  void sealedMutationsDecodeCanonicallyOrAreRejected(
      @ForAll("blobs") SystemBlob blob,
      @ForAll @IntRange(min = 0, max = 1000) int position,
      @ForAll byte value) {
    byte[] bytes = BlobCodec.encode(blob);
    int at = 10 + position % (bytes.length - 14); // between the header and the checksum
    bytes[at] = value;
    byte[] sealed = BlobBytes.reseal(bytes);
    SystemBlob decoded;
    try {
      decoded = BlobCodec.decode(sealed);
    } catch (BlobFormatException e) {
      assertThat(e.status()).as(e.getMessage()).isEqualTo(INVALID_PARAMETER);
      assertThat(e.offset()).as(e.getMessage()).isBetween(10, sealed.length - 4);
      return;
    }
    assertThat(BlobCodec.encode(decoded)).isEqualTo(sealed);
  }

  // --- generators ---------------------------------------------------------------------------

  @Provide
  Arbitrary<SystemBlob> blobs() {
    Arbitrary<SystemBlob> vms =
        members().map(m -> SystemBlob.vm(m.vmId(), m.enabledState(), m.vectors()));
    Arbitrary<SystemBlob> hosts =
        Combinators.combine(ids(), members().list().ofMaxSize(6).uniqueElements(BlobMember::vmId))
            .as(SystemBlob::host);
    return Arbitraries.oneOf(vms, hosts);
  }

  private static Arbitrary<BlobMember> members() {
    Arbitrary<Integer> states =
        Arbitraries.oneOf(Arbitraries.of(2, 3, 32769), Arbitraries.integers()).injectNull(0.3);
    return Combinators.combine(ids(), states, vectorSets()).as(BlobMember::new);
  }

  /** Ids: empty, ASCII, accented, CJK, emoji (surrogate pairs), and random code points. */
  private static Arbitrary<String> ids() {
    Arbitrary<String> codePoints =
        Arbitraries.integers()
            .between(0, Character.MAX_CODE_POINT)
            .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
            .list()
            .ofMaxSize(12)
            .map(
                cps ->
                    new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    return Arbitraries.oneOf(
        Arbitraries.of("", "vm-0001", "host-é", "虚拟机-7", "vm-\uD83D\uDDA5-42"),
        Arbitraries.strings().alpha().numeric().withChars("-_.").ofMaxLength(20),
        codePoints);
  }

  private static Arbitrary<VectorSet> vectorSets() {
    Arbitrary<Integer> ids =
        Arbitraries.oneOf(
            Arbitraries.of(0, 1, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF), Arbitraries.integers());
    Arbitrary<Long> values =
        Arbitraries.oneOf(
            Arbitraries.of(0L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L),
            Arbitraries.longs(),
            Arbitraries.longs().map(v -> v | Long.MIN_VALUE)); // at and above 2^63
    Arbitrary<Tuple3<Integer, CompareOperation, Long>> vector =
        Combinators.combine(ids, Arbitraries.of(CompareOperation.class), values).as(Tuple::of);
    return vector
        .list()
        .ofMaxSize(8)
        .uniqueElements(Tuple3::get1)
        .map(BlobCodecPropertiesTest::build);
  }

  private static VectorSet build(List<Tuple3<Integer, CompareOperation, Long>> vectors) {
    VectorSet.Builder b = VectorSet.builder();
    vectors.forEach(v -> b.add(v.get1(), v.get2(), v.get3()));
    return b.build();
  }

  /** An equal blob that shares no object with {@code blob}. */
  private static SystemBlob copyOf(SystemBlob blob) {
    List<BlobMember> members =
        blob.members().stream()
            .map(
                m -> {
                  VectorSet.Builder b = VectorSet.builder();
                  for (int i = m.vectors().size() - 1; i >= 0; i--) { // another insertion order
                    b.add(m.vectors().vectorId(i), m.vectors().operation(i), m.vectors().value(i));
                  }
                  return new BlobMember(new String(m.vmId()), m.enabledState(), b.build());
                })
            .toList();
    return new SystemBlob(blob.kind(), new String(blob.systemId()), members);
  }
}
