package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestWriterTest {
  private static final Storage storage = LocalStorage.INSTANCE;

  @TempDir Path dir;

  @Test
  void writeThenReadGivesTheSameManifest() throws IOException {
    Manifest manifest = manifest(0, "Completed with No Error");

    ManifestWriter.write(manifest, storage, dir.toString());

    assertThat(dir.resolve(ManifestWriter.FILE_NAME)).isRegularFile();
    assertThat(ManifestWriter.read(storage, dir.toString())).isEqualTo(manifest);
    assertThat(ManifestWriter.read(storage, dir.toUri().toString())).isEqualTo(manifest);
  }

  @Test
  void theJsonUsesSnakeCaseKeysAndKeepsMapKeysAsGiven() throws IOException {
    ManifestWriter.write(manifest(0, "Completed with No Error"), storage, dir.toString());

    String json = Files.readString(dir.resolve("manifest.json"));

    assertThat(json)
        .contains(
            "\"engine_version\"",
            "\"spark_version\"",
            "\"status_code\" : 0",
            "\"started_at\"",
            "\"rows_read\" : 1000",
            "\"rows_accepted\" : 970",
            "\"rows_rejected\" : 20",
            "\"duplicates_collapsed\" : 10",
            "\"balanced\" : true",
            "\"timings_millis\"",
            "\"vm_vectors\"",
            "\"class_matrix\"",
            "\"compatible_pairs\"",
            "\"vms_with_a_compatible_host\" : 90",
            "\"vms_on_an_incompatible_host\" : 1",
            "\"running_vms_with_vectors_dropped\" : 10",
            "\"format_version\" : " + Manifest.FORMAT_VERSION,
            "\"pairs\" : false")
        .doesNotContain("rowsRead", "statusCode", "timingsMillis", "engineVersion");
  }

  @Test
  void writeReplacesThePreviousManifest() throws IOException {
    ManifestWriter.write(manifest(0, "Completed with No Error"), storage, dir.toString());
    Manifest failed = manifest(32776, "Incorrect data type");

    ManifestWriter.write(failed, storage, dir.toString());

    assertThat(ManifestWriter.read(storage, dir.toString())).isEqualTo(failed);
    assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"status_code\" : 32776");
  }

  @Test
  void readingAMissingManifestNamesTheFile() {
    Path empty = dir.resolve("empty");

    assertThatThrownBy(() -> ManifestWriter.read(storage, empty.toString()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(empty.resolve("manifest.json").toString());
  }

  @Test
  void rowAccountingBalancesOnlyWhenEveryRowIsCountedOnce() {
    assertThat(new RowAccounting(1000, 970, 20, 10).isBalanced()).isTrue();
    assertThat(new RowAccounting(0, 0, 0, 0).isBalanced()).isTrue();
    assertThat(new RowAccounting(1000, 970, 20, 9).isBalanced()).isFalse();
    assertThat(new RowAccounting(1000, 971, 20, 10).isBalanced()).isFalse();
    assertThat(new RowAccounting(1000, 970, 30, 10).isBalanced()).isFalse();
    assertThat(new RowAccounting(3_000_000_000L, 2_000_000_000L, 999_999_999L, 1).isBalanced())
        .isTrue();
  }

  @Test
  void inputTableCarriesTheAccountingAndWhetherItBalances() {
    List<String> files = List.of("file:/snap/vm_vectors.parquet");

    Manifest.InputTable ok = Manifest.InputTable.of(files, new RowAccounting(10, 6, 3, 1));
    Manifest.InputTable off = Manifest.InputTable.of(files, new RowAccounting(10, 6, 3, 0));

    assertThat(ok).isEqualTo(new Manifest.InputTable(files, 10, 6, 3, 1, true));
    assertThat(off.balanced()).isFalse();
  }

  private static Manifest manifest(int statusCode, String status) {
    Map<String, Manifest.InputTable> inputs = new LinkedHashMap<>();
    inputs.put(
        "vm_vectors",
        Manifest.InputTable.of(
            List.of("/snap/vm_vectors/part-00000.parquet"), new RowAccounting(1000, 970, 20, 10)));
    inputs.put(
        "host_vectors",
        Manifest.InputTable.of(
            List.of("/snap/host_vectors.parquet"), new RowAccounting(40, 40, 0, 0)));
    Map<String, Manifest.OutputTable> outputs = new LinkedHashMap<>();
    outputs.put("vm_classes", output("vm_classes", 95));
    outputs.put("class_matrix", output("class_matrix", 1234));
    outputs.put("compatible_pairs", output("compatible_pairs", 5_000_000_000L));
    Map<String, Long> timings = new LinkedHashMap<>();
    timings.put("validate", 1200L);
    timings.put("analyze", 3400L);
    return new Manifest(
        Manifest.FORMAT_VERSION,
        "0.1.0-SNAPSHOT",
        "spark",
        "local[2]",
        "4.2.0",
        statusCode,
        status,
        "/snap",
        "2024-05-01T02:00:00Z",
        new Manifest.Options(false, false, 13),
        inputs,
        outputs,
        new FleetCounts(95, 4, 20, 2, 1234, 90),
        new FeasibilityCounts(3, 2, 1, 0, 3, 4, 3, 1),
        new WhatIfGains(10, 7, 1, 120, 2),
        timings);
  }

  private static Manifest.OutputTable output(String table, long rows) {
    return new Manifest.OutputTable(
        rows, List.of(new Manifest.OutputFile(table + "/part-00000.parquet", rows)));
  }
}
