package org.fleetcompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.core.BlobCodec;
import org.fleetcompat.core.Hex;
import org.fleetcompat.core.PairCheck;
import org.fleetcompat.core.Reason;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorOutcome;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.LocalStorage;
import org.fleetcompat.io.SnapshotInspector;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.VectorCatalogReader;
import org.fleetcompat.pipeline.SystemLookup;
import org.fleetcompat.spark.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain}, {@code info}, {@code check} and {@code baseline} end to end on {@code
 * data-samples/cpu-fleet}, in process ({@link FleetcompatCommand#execute(PrintWriter, PrintWriter,
 * String...)}, on the in-process runner beside the tests' live Spark session, which they must leave
 * running): what they print, and the exit code and one-line reason of each way they can fail.
 * {@code SampleCrossCheckTest} checks their answers on every pair; this checks the commands around
 * them.
 */
class PointCommandsTest {
  private static final Path ROOT = Path.of(System.getProperty("basedir", "."));
  private static final String SNAPSHOT = ROOT.resolve("data-samples/cpu-fleet").toString();
  private static final String CATALOG = ROOT.resolve("conf/vector-catalog.json").toString();

  /**
   * An Ice Lake VM of cl-icelake-a: it fits h-0001 there, not h-0340, an AMD host of cl-milan-a.
   */
  private static final String VM = "vm-00001";

  private static final String FITS = "h-0001";
  private static final String REFUSES = "h-0340";

  @TempDir static Path tmp;

  private static SparkSession spark;

  private record Outcome(int exit, String out, String err) {}

  @BeforeAll
  static void joinTheSharedSession() {
    spark = SparkTestSession.get();
  }

  private static Outcome fleetcompat(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        FleetcompatCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Outcome(exit, out.toString(), err.toString());
  }

  private static Outcome explain(String vm, String host) {
    return fleetcompat(
        "explain", "--snapshot", SNAPSHOT, "--catalog", CATALOG, "--vm", vm, "--host", host);
  }

  private static Outcome info(String system, Path blob) {
    return fleetcompat(
        "info", "--snapshot", SNAPSHOT, "--system", system, "--out", blob.toString());
  }

  private static Outcome check(Path blob, String host) {
    return fleetcompat(
        "check",
        "--snapshot",
        SNAPSHOT,
        "--catalog",
        CATALOG,
        "--blob",
        blob.toString(),
        "--host",
        host);
  }

  private static VectorSet vectors(SnapshotTable table, String id) {
    return new SystemLookup(
            LocalStorage.INSTANCE, SnapshotInspector.inspect(LocalStorage.INSTANCE, SNAPSHOT))
        .vectors(table, List.of(id))
        .get(id);
  }

  /**
   * What follows the reason of a failed mask compare: the offending bits, recomputed here from the
   * two values rather than taken from the engine.
   */
  private static String bitsSuffix(VectorOutcome o) {
    if (o.reason() != Reason.COMPARE_FAILED) {
      return "";
    }
    long bits =
        switch (o.operation()) {
          case SUB_SET -> o.vmValue() & ~o.hostValue();
          case SUPER_SET -> o.hostValue() & ~o.vmValue();
          case DISJOINT -> o.vmValue() & o.hostValue();
          default -> 0;
        };
    return bits == 0 ? "" : " (bits " + Hex.value(bits) + ")";
  }

  /** The line of the explain table for one outcome must show all of it. */
  private static void assertExplainLine(String line, VectorOutcome o, VectorCatalog catalog) {
    assertThat(line)
        .startsWith(Hex.vectorId(o.vectorId()) + " ")
        .contains(" " + catalog.name(o.vectorId()) + " ")
        .contains(" " + o.operation().displayName() + " ")
        .contains(" " + Hex.value(o.vmValue()) + " ")
        .contains(o.isPresentOnHost() ? " " + Hex.value(o.hostValue()) : " - ")
        .contains(o.reason().passes() ? " pass " : " FAIL ")
        .endsWith(" " + o.reason().name() + bitsSuffix(o));
  }

  @Test
  void explainPrintsEveryVectorWithBothValuesPassOrFailAndTheReason() {
    VectorCatalog catalog = VectorCatalogReader.read(Path.of(CATALOG));
    VectorSet vm = vectors(SnapshotTable.VM_VECTORS, VM);
    for (String host : List.of(FITS, REFUSES)) {
      List<VectorOutcome> outcomes =
          PairCheck.outcomes(vm, vectors(SnapshotTable.HOST_VECTORS, host));
      long failing = outcomes.stream().filter(o -> !o.reason().passes()).count();
      Outcome o = explain(VM, host);
      assertThat(o.exit()).as(o.err()).isZero();
      List<String> lines = o.out().lines().toList();
      assertThat(lines.get(0))
          .isEqualTo(
              "explain "
                  + VM
                  + " (saved, enabled_state 32769) on "
                  + host
                  + ": "
                  + (failing == 0
                      ? "COMPATIBLE (all " + vm.size() + " vectors pass)"
                      : "NOT COMPATIBLE (" + failing + " of " + vm.size() + " vectors fail)"));
      assertThat(lines.get(1)).startsWith("vector_id ").endsWith(" reason");
      assertThat(lines).hasSize(2 + vm.size());
      for (int i = 0; i < outcomes.size(); i++) {
        assertExplainLine(lines.get(2 + i), outcomes.get(i), catalog);
      }
      assertThat(failing > 0).as("%s refuses %s", host, VM).isEqualTo(host.equals(REFUSES));
    }
    assertThat(explain(VM, REFUSES).out()).contains(" FAIL ").contains("processor_vendor");
  }

  @Test
  void infoThenCheckPrintsTheCodeAndTheReasonsAndExits0Or5() throws IOException {
    Path blob = tmp.resolve("vm.blob");
    Outcome written = info(VM, blob);
    assertThat(written.exit()).as(written.err()).isZero();
    VectorSet vm = vectors(SnapshotTable.VM_VECTORS, VM);
    assertThat(written.out())
        .isEqualTo(
            String.format(
                "wrote the vm blob of %s (1 VM, %d vectors, %d bytes, format %d) to %s%n",
                VM, vm.size(), Files.size(blob), BlobCodec.FORMAT_VERSION, blob));

    Outcome fits = check(blob, FITS);
    assertThat(fits.exit()).as(fits.err()).isEqualTo(ExitCodes.OK);
    assertThat(fits.out())
        .isEqualTo(
            "0 Completed with No Error: vm " + VM + " on host " + FITS + System.lineSeparator());

    Outcome refused = check(blob, REFUSES);
    assertThat(refused.exit()).as(refused.err()).isEqualTo(ExitCodes.NOT_COMPATIBLE);
    List<String> lines = refused.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("32784 Not compatible: vm " + VM + " on host " + REFUSES);
    List<VectorOutcome> failures =
        PairCheck.failures(vm, vectors(SnapshotTable.HOST_VECTORS, REFUSES));
    assertThat(lines).hasSize(1 + failures.size());
    for (int i = 0; i < failures.size(); i++) {
      VectorOutcome f = failures.get(i);
      assertThat(lines.get(1 + i))
          .startsWith("  " + VM + "  " + Hex.vectorId(f.vectorId()) + " ")
          .contains(" " + f.operation().displayName() + " ")
          .contains(" vm " + Hex.value(f.vmValue()) + " ")
          .contains(" host " + (f.isPresentOnHost() ? Hex.value(f.hostValue()) : "-") + " ")
          .endsWith(" " + f.reason().name() + bitsSuffix(f));
    }
    assertThat(spark.sparkContext().isStopped())
        .as("in process, the commands leave the caller's session running")
        .isFalse();
  }

  @Test
  void aHostBlobIsCheckedForEveryVmOnTheHost() {
    Path blob = tmp.resolve("host.blob");
    Outcome written = info(FITS, blob);
    assertThat(written.exit()).as(written.err()).isZero();
    assertThat(written.out()).startsWith("wrote the host blob of " + FITS + " (");
    Outcome refused = check(blob, REFUSES);
    assertThat(refused.exit()).as(refused.err()).isEqualTo(ExitCodes.NOT_COMPATIBLE);
    assertThat(refused.out())
        .startsWith("32784 Not compatible: host " + FITS + " on host " + REFUSES)
        .contains(Reason.COMPARE_FAILED.name());
  }

  @Test
  void unknownSystemsExit3NamingTheId() {
    Path blob = tmp.resolve("for-unknown-host.blob");
    assertThat(info(VM, blob).exit()).isZero();
    Outcome unknownVm = explain("vm-99999", FITS);
    Outcome unknownHost = check(blob, "h-9999");
    assertFails(unknownVm, ExitCodes.INVALID_PARAMETER, "vm_id 'vm-99999'");
    assertFails(unknownHost, ExitCodes.INVALID_PARAMETER, "host_id 'h-9999'");
    for (Outcome o : List.of(unknownVm, unknownHost)) {
      assertThat(o.err())
          .startsWith("fleetcompat: error 32773 (Invalid parameter): Unknown system: ")
          .contains(" of " + SNAPSHOT);
    }
    assertFails(explain(VM, "h-9999"), ExitCodes.INVALID_PARAMETER, "host_id 'h-9999'");
    assertFails(
        fleetcompat("explain", "--snapshot", SNAPSHOT, "--vm", "vm-99999"),
        ExitCodes.INVALID_PARAMETER,
        "vm_id 'vm-99999'");
    assertFails(info("nope-17", blob), ExitCodes.INVALID_PARAMETER, "'nope-17'");
  }

  @Test
  void quarantinedSystemsExit3NamingTheReason() {
    assertFails(
        explain("vm-02027", FITS),
        ExitCodes.INVALID_PARAMETER,
        "vm_id 'vm-02027' is quarantined in vm_vectors (CONFLICTING_DUPLICATE: ");
    assertFails(
        info("vm-02717", tmp.resolve("q.blob")),
        ExitCodes.INVALID_PARAMETER,
        "vm_id 'vm-02717' is quarantined in vm_vectors (UNKNOWN_OPERATION: ");
    assertThat(tmp.resolve("q.blob")).doesNotExist();
  }

  @Test
  void corruptTruncatedAndNewerBlobsExit3Or6() throws IOException {
    Path good = tmp.resolve("good.blob");
    assertThat(info(VM, good).exit()).isZero();
    byte[] bytes = Files.readAllBytes(good);

    byte[] flipped = bytes.clone();
    flipped[bytes.length / 2] ^= 0x01;
    assertFails(
        check(write("flipped.blob", flipped), FITS),
        ExitCodes.INVALID_PARAMETER,
        "Cannot read blob at byte offset " + (bytes.length - 4) + ": the CRC32C checksum");

    assertFails(
        check(write("truncated.blob", Arrays.copyOf(bytes, bytes.length - 7)), FITS),
        ExitCodes.INVALID_PARAMETER,
        "7 bytes missing");

    // Format version 2 (offset 4, u16), resealed with a valid checksum: only the version is wrong.
    byte[] newer = bytes.clone();
    ByteBuffer.wrap(newer).putShort(4, (short) (BlobCodec.FORMAT_VERSION + 1));
    CRC32C crc = new CRC32C();
    crc.update(newer, 0, newer.length - 4);
    ByteBuffer.wrap(newer).putInt(newer.length - 4, (int) crc.getValue());
    Outcome o = check(write("newer.blob", newer), FITS);
    assertFails(
        o, ExitCodes.NOT_SUPPORTED, "format version 2 is newer than this fleetcompat reads");
    assertThat(o.err()).startsWith("fleetcompat: error 32770 (Not Supported): ");

    assertFails(
        check(tmp.resolve("missing.blob"), FITS),
        ExitCodes.INVALID_PARAMETER,
        "Cannot read blob file " + tmp.resolve("missing.blob"));
  }

  @Test
  void baselineOfAClusterEqualsTheBaselineOfItsHostsAndAnUnknownClusterExits3() {
    // cl-cascadelake-a: h-0078..h-0123, three CPU types and two cache-line flush sizes.
    List<String> hosts =
        new ArrayList<>(
            IntStream.rangeClosed(78, 123).mapToObj(i -> String.format("h-%04d", i)).toList());
    java.util.Collections.reverse(hosts);
    Outcome byCluster =
        fleetcompat("baseline", "--snapshot", SNAPSHOT, "--cluster", "cl-cascadelake-a");
    Outcome byIds =
        fleetcompat("baseline", "--snapshot", SNAPSHOT, "--hosts", String.join(",", hosts));
    assertThat(byCluster.exit()).as(byCluster.err()).isZero();
    assertThat(byIds.exit()).as(byIds.err()).isZero();
    List<String> clusterLines = byCluster.out().lines().toList();
    List<String> idLines = byIds.out().lines().toList();
    assertThat(clusterLines.get(0))
        .startsWith("baseline of 46 hosts of cluster cl-cascadelake-a: ");
    assertThat(idLines.get(0))
        .isEqualTo(clusterLines.get(0).replace(" of cluster cl-cascadelake-a", ""));
    assertThat(idLines.subList(1, idLines.size()))
        .isEqualTo(clusterLines.subList(1, clusterLines.size()))
        .hasSizeGreaterThan(10);

    assertFails(
        fleetcompat("baseline", "--snapshot", SNAPSHOT, "--cluster", "nope"),
        ExitCodes.INVALID_PARAMETER,
        "Cluster 'nope' has no hosts in the hosts table of " + SNAPSHOT);
    assertFails(
        fleetcompat("baseline", "--snapshot", SNAPSHOT, "--hosts", "h-0001,h-9999"),
        ExitCodes.INVALID_PARAMETER,
        "host_id 'h-9999'");
  }

  @Test
  void explainVmAlonePrintsEveryPoolAndItsBlockers() {
    Outcome o = fleetcompat("explain", "--snapshot", SNAPSHOT, "--catalog", CATALOG, "--vm", VM);
    assertThat(o.exit()).as(o.err()).isZero();
    List<String> lines = o.out().lines().toList();
    assertThat(lines.get(0))
        .matches(
            "explain "
                + VM
                + " \\(saved, enabled_state 32769\\): fits [1-9]\\d* of 12 pools \\(.* of 340"
                + " hosts\\)");
    List<String> pools = lines.stream().filter(l -> l.startsWith("pool ")).toList();
    assertThat(pools).hasSize(12);
    for (int p = 0; p < pools.size(); p++) {
      assertThat(pools.get(p)).startsWith("pool " + p + " ");
    }
    assertThat(pools)
        .anyMatch(l -> l.endsWith(" accepts it"))
        .anyMatch(l -> l.endsWith(" rejects it"));
    List<String> blockers = lines.stream().filter(l -> l.startsWith("    0x")).toList();
    assertThat(blockers)
        .isNotEmpty()
        .allMatch(
            l ->
                l.matches(
                    "    0x[0-9a-f]+ .* fails on [\\d,]+ hosts, the only failure on [\\d,]+"));
    assertThat(blockers).anyMatch(l -> l.contains("processor_vendor"));
  }

  @Test
  void aMissingOptionIsAUsageErrorExit2WithoutSpark() {
    Outcome o = fleetcompat("check", "--snapshot", SNAPSHOT, "--blob", "x.blob");
    assertThat(o.exit()).isEqualTo(2);
    assertThat(o.err()).contains("Missing required option: '--host=ID'");
  }

  private static Path write(String name, byte[] bytes) throws IOException {
    return Files.write(tmp.resolve(name), bytes);
  }

  private static void assertFails(Outcome o, int exit, String fragment) {
    assertThat(o.exit()).as("exit code; stderr: %s", o.err()).isEqualTo(exit);
    assertThat(o.out()).isEmpty();
    assertThat(o.err().lines().toList())
        .as("one line on stderr")
        .hasSize(1)
        .first()
        .asString()
        .startsWith("fleetcompat: error ")
        .contains(fragment);
  }
}
