package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestWriterTest {
  private static Configuration conf;

  @TempDir Path dir;

  @BeforeAll
  static void hadoop() {
    conf = new Configuration();
  }

  @Test
  void writeThenReadGivesTheSameManifest() throws IOException {
    Manifest manifest = manifest(0, "Completed with No Error");

    ManifestWriter.write(manifest, dir.toString(), conf);

    assertThat(dir.resolve(ManifestWriter.FILE_NAME)).isRegularFile();
    assertThat(ManifestWriter.read(dir.toString(), conf)).isEqualTo(manifest);
    assertThat(ManifestWriter.read(dir.toUri().toString(), conf)).isEqualTo(manifest);
  }

  @Test
  void theJsonUsesSnakeCaseKeysAndKeepsMapKeysAsGiven() throws IOException {
    ManifestWriter.write(manifest(0, "Completed with No Error"), dir.toString(), conf);

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
            "\"pairs\" : false")
        .doesNotContain("rowsRead", "statusCode", "timingsMillis", "engineVersion");
  }

  @Test
  void writeReplacesThePreviousManifest() throws IOException {
    ManifestWriter.write(manifest(0, "Completed with No Error"), dir.toString(), conf);
    Manifest failed = manifest(32776, "Incorrect data type");

    ManifestWriter.write(failed, dir.toString(), conf);

    assertThat(ManifestWriter.read(dir.toString(), conf)).isEqualTo(failed);
    assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"status_code\" : 32776");
  }

  @Test
  void readingAMissingManifestNamesTheFile() {
    Path empty = dir.resolve("empty");

    assertThatThrownBy(() -> ManifestWriter.read(empty.toString(), conf))
        .isInstanceOf(FileNotFoundException.class)
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
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("pairs", false);
    options.put("master", "local[*]");
    options.put("partitions", 8);
    Map<String, Manifest.InputTable> inputs = new LinkedHashMap<>();
    inputs.put(
        "vm_vectors",
        Manifest.InputTable.of(
            List.of("file:/snap/vm_vectors/part-00000.parquet"),
            new RowAccounting(1000, 970, 20, 10)));
    inputs.put(
        "host_vectors",
        Manifest.InputTable.of(
            List.of("file:/snap/host_vectors.parquet"), new RowAccounting(40, 40, 0, 0)));
    Map<String, Long> outputs = new LinkedHashMap<>();
    outputs.put("vm_classes", 95L);
    outputs.put("class_matrix", 1234L);
    outputs.put("compatible_pairs", 5_000_000_000L);
    Map<String, Long> fleet = new LinkedHashMap<>();
    fleet.put("vms", 95L);
    fleet.put("hosts", 4L);
    Map<String, Long> feasibility = new LinkedHashMap<>();
    feasibility.put("pools", 3L);
    feasibility.put("stranded_vms", 2L);
    Map<String, Long> whatIf = new LinkedHashMap<>();
    whatIf.put("vms_gaining_hosts", 7L);
    Map<String, Long> timings = new LinkedHashMap<>();
    timings.put("validate", 1200L);
    timings.put("matrix", 3400L);
    return new Manifest(
        "0.1.0-SNAPSHOT",
        "3.5.1",
        statusCode,
        status,
        "file:/snap",
        "2024-05-01T02:00:00Z",
        options,
        inputs,
        outputs,
        fleet,
        feasibility,
        whatIf,
        timings);
  }
}
