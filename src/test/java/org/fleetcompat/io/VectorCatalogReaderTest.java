package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.fleetcompat.core.CatalogEntry;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.core.VmState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link VectorCatalogReader}: the shipped catalog, the two ways to name ids, and every way a
 * catalog file can be wrong, each with its status and a message that names the file.
 */
class VectorCatalogReaderTest {
  private static final Path SHIPPED =
      Path.of(System.getProperty("basedir", ".")).resolve("conf/vector-catalog.json");

  @TempDir Path tmp;

  private Path catalog(String vectors) throws IOException {
    return catalog(1, vectors);
  }

  private Path catalog(int formatVersion, String vectors) throws IOException {
    return Files.writeString(
        tmp.resolve("catalog.json"),
        "{\"format_version\": " + formatVersion + ", \"vectors\": [" + vectors + "]}");
  }

  private static String entry(String idField, String name, String states) {
    return "{" + idField + ", \"name\": \"" + name + "\", \"applies_to\": [" + states + "]}";
  }

  private static void assertRejected(Path file, ReturnCode status, String... fragments) {
    assertThatThrownBy(() -> VectorCatalogReader.read(file))
        .isInstanceOf(FleetcompatException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContainingAll(fragments)
        .extracting(e -> ((FleetcompatException) e).status())
        .isEqualTo(status);
  }

  @Test
  void bitsNameMaskFeaturesByPositionAndOutOfRangeBitsAreRejected() throws IOException {
    VectorCatalog shipped = VectorCatalogReader.read(SHIPPED);
    assertThat(shipped.bitName(0x10000701, 4)).isEqualTo("hle");
    assertThat(shipped.bitName(0x10000701, 11)).isEqualTo("rtm");
    assertThat(shipped.bitName(0x10000701, 63)).isEmpty();
    assertThat(shipped.bitName(0x7, 0)).isEmpty();
    Path good =
        Files.writeString(
            tmp.resolve("bits.json"),
            "{\"format_version\": 1, \"vectors\": [], \"bits\": {\"0xffffffff\": {\"63\":"
                + " \"top\"}}}");
    assertThat(VectorCatalogReader.read(good).bitName(-1, 63)).isEqualTo("top");
    Path bad =
        Files.writeString(
            tmp.resolve("bad-bits.json"),
            "{\"format_version\": 1, \"vectors\": [], \"bits\": {\"0x2\": {\"64\": \"x\"}}}");
    assertRejected(bad, ReturnCode.INVALID_PARAMETER, "Bit 64 of 0x2 is outside 0..63");
    Path word =
        Files.writeString(
            tmp.resolve("word-bits.json"),
            "{\"format_version\": 1, \"vectors\": [], \"bits\": {\"0x2\": {\"low\": \"x\"}}}");
    assertRejected(word, ReturnCode.INVALID_PARAMETER, "bits of 0x2", "bit positions 0..63");
  }

  @Test
  void theShippedCatalogNamesTheSampleIdsAndWhichStatesCarryThem() {
    VectorCatalog c = VectorCatalogReader.read(SHIPPED);
    assertThat(c.entries()).hasSize(13);
    assertThat(c.name(0x1)).isEqualTo("processor_vendor");
    assertThat(c.name(0x10)).isEqualTo("configuration_version");
    assertThat(c.name(0x1000_0000)).isEqualTo("cpuid_features");
    assertThat(c.name(0x12ff_ffff)).isEqualTo("cpuid_features");
    assertThat(c.name(0x1300_0000)).isEmpty();
    assertThat(c.name(0x3000_ffff)).isEqualTo("named_features");
    assertThat(c.appliesTo(0x1, VmState.OFF)).isTrue();
    assertThat(c.appliesTo(0x10, VmState.OFF)).isTrue();
    assertThat(c.appliesTo(0x11, VmState.OFF)).isFalse();
    assertThat(c.appliesTo(0x11, VmState.SAVED)).isTrue();
    assertThat(c.appliesTo(0x2000_0010, VmState.OFF)).isFalse();
    assertThat(c.appliesTo(0x7777, VmState.OFF)).as("unknown ids apply to every state").isTrue();
    VectorSet running =
        VectorSet.builder()
            .add(0x1, CompareOperation.EQUAL, 1)
            .add(0x10, CompareOperation.GREATER_THAN_OR_EQUAL, 0x0a00)
            .add(0x11, CompareOperation.EQUAL, 64)
            .add(0x1000_0403, CompareOperation.SUB_SET, 0xff)
            .add(0x7777, CompareOperation.EQUAL, 5)
            .build();
    VectorSet stopped = c.asStopped(running);
    assertThat(stopped.size()).isEqualTo(3);
    assertThat(stopped.indexOf(0x1)).isNotNegative();
    assertThat(stopped.indexOf(0x10)).isNotNegative();
    assertThat(stopped.indexOf(0x7777)).isNotNegative();
  }

  @Test
  void idsMayBeHexOrDecimalAndRangesAreInclusive() throws IOException {
    VectorCatalog c =
        VectorCatalogReader.read(
            catalog(
                entry("\"id\": \"17\"", "seventeen", "\"running\", \"off\"")
                    + ","
                    + entry("\"ids\": \"0x20-0x2F\"", "block", "\"Saved\"")
                    + ","
                    + entry("\"id\": \"0xffffffff\"", "top", "\"off\"")));
    assertThat(c.entries())
        .extracting(CatalogEntry::name, CatalogEntry::firstId, CatalogEntry::lastId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("seventeen", 17, 17),
            org.assertj.core.groups.Tuple.tuple("block", 0x20, 0x2f),
            org.assertj.core.groups.Tuple.tuple("top", -1, -1));
    assertThat(c.entry(0x2f).orElseThrow().appliesTo()).isEqualTo(Set.of(VmState.SAVED));
    assertThat(c.name(0x30)).isEmpty();
    assertThat(c.name(0xffff_ffff)).isEqualTo("top");
  }

  @Test
  void overlappingEntriesAreRejectedNamingBothAndTheId() throws IOException {
    Path file =
        catalog(
            entry("\"ids\": \"0x10-0x1f\"", "low", "\"running\"")
                + ","
                + entry("\"id\": \"0x18\"", "inside", "\"off\""));
    assertRejected(
        file,
        ReturnCode.INVALID_PARAMETER,
        "Cannot read vector catalog ",
        "Catalog entries low and inside overlap at 0x18",
        "(see conf/vector-catalog.json)");
  }

  /** Entries that are wrong, each with what the message must say about it. */
  static Stream<Arguments> badEntries() {
    return Stream.of(
        Arguments.of(
            "bad id",
            entry("\"id\": \"0x1zz\"", "bad", "\"off\""),
            "entry 0 (bad): vector_id '0x1zz' is not a number: write it in hex (0x1f) or decimal"),
        Arguments.of(
            "id above 32 bits",
            entry("\"id\": \"0x100000000\"", "wide", "\"off\""),
            "entry 0 (wide): vector_id 0x100000000 is outside 0..0xffffffff"),
        Arguments.of(
            "range without a dash",
            entry("\"id\": \"1\"", "ok", "\"off\"")
                + ","
                + entry("\"ids\": \"5\"", "half", "\"off\""),
            "entry 1 (half): ids must read FIRST-LAST, found '5'"),
        Arguments.of(
            "backwards range",
            entry("\"ids\": \"0x20-0x10\"", "backwards", "\"off\""),
            "entry 0 (backwards): Catalog range 0x20-0x10 is empty"),
        Arguments.of(
            "both id and ids",
            entry("\"id\": \"1\", \"ids\": \"1-2\"", "both", "\"off\""),
            "entry 0 (both) needs a name and exactly one of id or ids"),
        Arguments.of(
            "bad state",
            entry("\"id\": \"1\"", "vendor", "\"running\", \"paused\""),
            "entry 0 (vendor): applies_to has 'paused', expected running, off or saved"),
        Arguments.of(
            "no state",
            entry("\"id\": \"1\"", "vendor", ""),
            "entry 0 (vendor): Catalog entry vendor applies to no VM state"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badEntries")
  void aBadEntryIsRejectedNamingTheFileTheEntryAndTheFault(
      String what, String vectors, String fragment) throws IOException {
    assertRejected(catalog(vectors), ReturnCode.INVALID_PARAMETER, fragment);
  }

  @Test
  void aNewerFormatVersionIsNotSupported() throws IOException {
    Path file = catalog(2, entry("\"id\": \"1\"", "vendor", "\"off\""));
    assertRejected(
        file,
        ReturnCode.NOT_SUPPORTED,
        "Vector catalog " + file + " has format_version 2; this fleetcompat reads version 1",
        "upgrade fleetcompat");
  }

  @Test
  void aMissingOrOlderFormatVersionIsInvalidNotUnsupported() throws IOException {
    assertRejected(
        catalog(0, entry("\"id\": \"1\"", "vendor", "\"off\"")),
        ReturnCode.INVALID_PARAMETER,
        "format_version 0");
    Path missing = Files.writeString(tmp.resolve("no-version.json"), "{\"vectors\": []}");
    assertRejected(missing, ReturnCode.INVALID_PARAMETER, "format_version");
  }

  @Test
  void unreadableFilesAreRejectedNamingThem() throws IOException {
    assertRejected(tmp.resolve("absent.json"), ReturnCode.INVALID_PARAMETER, "cannot be read");
    assertRejected(
        Files.writeString(tmp.resolve("broken.json"), "{\"format_version\": 1, \"vectors\": ["),
        ReturnCode.INVALID_PARAMETER,
        "cannot be read");
    assertRejected(
        Files.writeString(tmp.resolve("typo.json"), "{\"format_version\": 1, \"vector\": []}"),
        ReturnCode.INVALID_PARAMETER,
        "cannot be read",
        "vector");
    assertRejected(
        Files.writeString(tmp.resolve("null.json"), "{\"format_version\": 1, \"vectors\": null}"),
        ReturnCode.INVALID_PARAMETER,
        "vectors is null");
    assertRejected(
        Files.writeString(tmp.resolve("hole.json"), "{\"format_version\": 1, \"vectors\": [null]}"),
        ReturnCode.INVALID_PARAMETER,
        "entry 0 is null");
  }
}
