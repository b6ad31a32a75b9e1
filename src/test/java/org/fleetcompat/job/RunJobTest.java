package org.fleetcompat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.io.FleetCounts;
import org.fleetcompat.io.HostRow;
import org.fleetcompat.io.IntEncoding;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.ValueEncoding;
import org.fleetcompat.io.VectorRow;
import org.fleetcompat.io.VmRow;
import org.fleetcompat.io.WriteOptions;
import org.fleetcompat.spark.SparkTestSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link RunJob} end to end on small hand-made snapshots whose answer is known. */
class RunJobTest {
  private static final long TOP = 0xffff_ffff_ffff_ffffL;
  private static final long HIGH = 0x8000_0000_0000_0000L;

  @TempDir Path tmp;

  private final SparkSession spark = SparkTestSession.get();

  /**
   * h1 offers features 0b111 and a large version 2^64-1; h2 offers 0b011 and version 2^63. vm-a
   * needs 0b011 (fits both), vm-b needs 0b100 (h1 only), vm-c at version 2^63+1 is
   * GreaterThanOrEqual only h2's 2^63 (not h1's 2^64-1), vm-d has a vector no host has (fits none),
   * vm-e is a copy of vm-a (same class).
   */
  private static List<VectorRow> hosts() {
    return List.of(
        VectorRow.of("h1", 1, 2, 0b111),
        VectorRow.of("h1", 0xffff_fff0L, 5, TOP),
        VectorRow.of("h2", 1, 2, 0b011),
        VectorRow.of("h2", 0xffff_fff0L, 5, HIGH));
  }

  private static List<VectorRow> vms() {
    return List.of(
        VectorRow.of("vm-a", 1, 2, 0b011),
        VectorRow.of("vm-b", 1, 2, 0b100),
        VectorRow.of("vm-c", 0xffff_fff0L, 5, HIGH + 1),
        VectorRow.of("vm-d", 7, 0, 1),
        VectorRow.of("vm-e", 1, 2, 0b011));
  }

  private static final Set<String> EXPECTED_PAIRS =
      Set.of("vm-a h1", "vm-a h2", "vm-e h1", "vm-e h2", "vm-b h1", "vm-c h2");

  private Path snapshot(WriteOptions options) {
    Path dir = tmp.resolve("snapshot");
    SnapshotTableWriter.writeVectors(dir, SnapshotTable.HOST_VECTORS, hosts(), options);
    SnapshotTableWriter.writeVectors(dir, SnapshotTable.VM_VECTORS, vms(), options);
    return dir;
  }

  private Set<String> pairs(RunResult result) {
    return spark.read().parquet(result.outDir() + "/compatible_pairs").collectAsList().stream()
        .map(r -> r.getString(0) + " " + r.getString(1))
        .collect(Collectors.toSet());
  }

  @ParameterizedTest
  @EnumSource(ValueEncoding.class)
  void everyValueEncodingGivesTheSamePairsOnBothRunners(ValueEncoding encoding) {
    Path dir =
        snapshot(
            WriteOptions.defaults()
                .withValue(encoding)
                .withVectorId(IntEncoding.INT32)
                .withRowsPerFile(2));
    for (RunnerKind runner : RunnerKind.values()) {
      RunResult result =
          runner.run(new RunOptions(dir.toString(), tmp.resolve("out-" + runner).toString(), true));
      assertThat(pairs(result)).as(runner.toString()).isEqualTo(EXPECTED_PAIRS);
      Manifest m = result.manifest();
      assertThat(m.fleet()).isEqualTo(new FleetCounts(5, 2, 4, 2, 6, 4));
      assertThat(m.inputs().values()).allMatch(Manifest.InputTable::balanced);
      assertThat(m.outputs().get("compatible_pairs").rows()).isEqualTo(6L);
      assertThat(m.outputs().get("rejected").rows()).isEqualTo(0L);
      assertThat(m.runner()).isEqualTo(runner.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  @ParameterizedTest
  @EnumSource(RunnerKind.class)
  void dictionaryEncodedUnsignedValuesAreReadExactly(RunnerKind runner) {
    Path dir = snapshot(WriteOptions.defaults().withDictionaryEncoding());
    RunResult result =
        runner.run(new RunOptions(dir.toString(), tmp.resolve("out").toString(), true));
    assertThat(pairs(result)).isEqualTo(EXPECTED_PAIRS);
  }

  @ParameterizedTest
  @EnumSource(RunnerKind.class)
  void badRowsQuarantineTheirWholeSystemAndAccountingBalances(RunnerKind runner) {
    Path dir = tmp.resolve("bad");
    SnapshotTableWriter.writeVectors(
        dir, SnapshotTable.HOST_VECTORS, hosts(), WriteOptions.defaults());
    List<VectorRow> vms = new java.util.ArrayList<>(vms());
    vms.add(VectorRow.of("vm-a", 1, 2, 0b011)); // exact duplicate: collapsed
    vms.add(VectorRow.of("vm-b", 9, 12, 0)); // unknown operation: vm-b quarantined
    vms.add(VectorRow.of("vm-c", 0xffff_fff0L, 5, 5)); // conflicting duplicate: vm-c quarantined
    vms.add(new VectorRow(null, 1L, 2L, java.math.BigInteger.ONE)); // null id
    SnapshotTableWriter.writeVectors(dir, SnapshotTable.VM_VECTORS, vms, WriteOptions.defaults());
    SnapshotTableWriter.writeHosts(dir, List.of(new HostRow("h1", "c1"), new HostRow("h9", "c1")));
    SnapshotTableWriter.writeVms(
        dir,
        List.of(
            new VmRow("vm-a", 2, "h2"), new VmRow("vm-a", 2, "h2"), new VmRow("vm-e", 3, "h1")));

    RunResult result =
        runner.run(new RunOptions(dir.toString(), tmp.resolve("out").toString(), true));

    assertThat(pairs(result)).containsExactlyInAnyOrder("vm-a h1", "vm-a h2", "vm-e h1", "vm-e h2");
    List<String> rejected =
        spark.read().parquet(result.outDir() + "/rejected").collectAsList().stream()
            .map(
                r -> r.getAs("source_table") + " " + r.getAs("system_id") + " " + r.getAs("reason"))
            .sorted()
            .toList();
    assertThat(rejected)
        .containsExactly(
            "hosts h9 NO_VECTORS",
            "vm_vectors null NULL_SYSTEM_ID",
            "vm_vectors vm-b SYSTEM_QUARANTINED",
            "vm_vectors vm-b UNKNOWN_OPERATION",
            "vm_vectors vm-c CONFLICTING_DUPLICATE",
            "vm_vectors vm-c CONFLICTING_DUPLICATE");
    Manifest.InputTable vmVectors = result.manifest().inputs().get("vm_vectors");
    assertThat(vmVectors.rowsRead()).isEqualTo(9);
    assertThat(vmVectors.rowsRejected()).isEqualTo(5);
    assertThat(vmVectors.duplicatesCollapsed()).isEqualTo(1);
    assertThat(vmVectors.rowsAccepted()).isEqualTo(3);
    assertThat(result.manifest().inputs().values()).allMatch(Manifest.InputTable::balanced);
    Row vmA =
        spark.read().parquet(result.outDir() + "/vm_classes").filter("vm_id = 'vm-a'").first();
    assertThat((Integer) vmA.getAs("enabled_state")).isEqualTo(2);
    assertThat((String) vmA.getAs("current_host_id")).isEqualTo("h2");
    assertThat(result.manifest().inputs().get("vms").duplicatesCollapsed()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(RunnerKind.class)
  void aMissingTableStopsBeforeAnyWorkAndPublishesNothing(RunnerKind runner) {
    Path dir = tmp.resolve("half");
    SnapshotTableWriter.writeVectors(
        dir, SnapshotTable.HOST_VECTORS, hosts(), WriteOptions.defaults());
    Path out = tmp.resolve("out");
    assertThatThrownBy(() -> runner.run(new RunOptions(dir.toString(), out.toString(), false)))
        .isInstanceOf(FleetcompatException.class)
        .hasMessageContaining("Cannot read vm_vectors")
        .hasMessageContaining(dir.toString())
        .satisfies(
            e ->
                assertThat(((FleetcompatException) e).status())
                    .isEqualTo(ReturnCode.INVALID_PARAMETER));
    assertThat(out).doesNotExist();
  }

  @ParameterizedTest
  @EnumSource(RunnerKind.class)
  void aColumnOfTheWrongTypeFailsWith32776NamingFileAndColumn(RunnerKind runner) {
    Path dir = snapshot(WriteOptions.defaults());
    Path vmDir = dir.resolve("vm_vectors.parquet");
    spark
        .sql(
            "SELECT 'vm-x' AS vm_id, 1L AS vector_id, 2 AS compare_operation, 'abc' AS compatibility_info")
        .coalesce(1)
        .write()
        .parquet(tmp.resolve("strings").toString());
    try (var files = Files.list(tmp.resolve("strings"))) {
      Path part =
          files
              .filter(p -> p.getFileName().toString().endsWith(".parquet"))
              .findFirst()
              .orElseThrow();
      Files.copy(part, vmDir, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThatThrownBy(
            () -> runner.run(new RunOptions(dir.toString(), tmp.resolve("out").toString(), false)))
        .isInstanceOf(FleetcompatException.class)
        .hasMessageContaining("column compatibility_info in file")
        .hasMessageContaining("vm_vectors.parquet is BINARY (STRING)")
        .hasMessageContaining("expected INT64, INT64 annotated UINT_64, or DECIMAL(20,0)")
        .satisfies(
            e ->
                assertThat(((FleetcompatException) e).status())
                    .isEqualTo(ReturnCode.INCORRECT_DATA_TYPE));
  }

  @ParameterizedTest
  @EnumSource(RunnerKind.class)
  void aSecondRunReplacesTheFirstAtomically(RunnerKind runner) throws Exception {
    Path dir = snapshot(WriteOptions.defaults());
    Path out = tmp.resolve("out");
    runner.run(new RunOptions(dir.toString(), out.toString(), false));
    Path first = out.toRealPath();
    RunResult second = runner.run(new RunOptions(dir.toString(), out.toString(), true));
    assertThat(Files.isSymbolicLink(out)).isTrue();
    assertThat(out.toRealPath()).isNotEqualTo(first);
    assertThat(out.resolve("compatible_pairs")).isDirectory();
    assertThat(pairs(second)).isEqualTo(EXPECTED_PAIRS);
  }

  @ParameterizedTest
  @EnumSource(RunnerKind.class)
  void anOutDirectoryThatIsNotOursIsRefused(RunnerKind runner) throws Exception {
    Path dir = snapshot(WriteOptions.defaults());
    Path out = Files.createDirectories(tmp.resolve("mine"));
    assertThatThrownBy(() -> runner.run(new RunOptions(dir.toString(), out.toString(), false)))
        .isInstanceOf(FleetcompatException.class)
        .hasMessageContaining("Cannot publish to --out " + out)
        .hasMessageContaining("not a fleetcompat result link");
  }
}
