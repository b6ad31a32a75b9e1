package org.fleetcompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.io.ColumnType;
import org.fleetcompat.io.LocalStorage;
import org.fleetcompat.io.ResultColumn;
import org.fleetcompat.io.TableFileWriter;
import org.fleetcompat.job.ExplainJob;
import org.fleetcompat.job.PairExplanation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json} on {@code run}, {@code explain}, {@code check}, {@code baseline} and {@code info}:
 * one JSON document on standard output with the documented keys and the same answers as the jobs
 * (in process, on the in-process runner); and the columns of {@code hosts} and {@code vms} the
 * engine does not use, reported as ignored in the summary and the manifest.
 */
class CliJsonTest {
  private static final Path ROOT = Launch.ROOT;
  private static final String SAMPLE = ROOT.resolve("data-samples/cpu-fleet").toString();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private record Outcome(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  private static Outcome fleetcompat(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        FleetcompatCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Outcome(exit, out.toString(), err.toString());
  }

  @Test
  void explainOfAPairListsEveryVectorAsTheJobDoes() throws Exception {
    Outcome o =
        fleetcompat(
            "explain", "--snapshot", SAMPLE, "--vm", "vm-00001", "--host", "h-0340", "--json");
    assertThat(o.exit()).as(o.err()).isZero();
    JsonNode j = o.json();
    PairExplanation e =
        ExplainJob.pair(LocalStorage.INSTANCE, SAMPLE, "vm-00001", "h-0340", VectorCatalog.empty());
    assertThat(j.get("vm_id").asText()).isEqualTo("vm-00001");
    assertThat(j.get("host_id").asText()).isEqualTo("h-0340");
    assertThat(j.get("compatible").asBoolean()).isFalse();
    assertThat(j.get("failing_vectors").asLong()).isEqualTo(e.failureCount()).isPositive();
    assertThat(j.get("vectors")).hasSize(e.outcomes().size());
    JsonNode first = j.get("vectors").get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .contains(
            "vector_id",
            "name",
            "operation",
            "compare_operation",
            "vm_value",
            "vm_value_hex",
            "present_on_host",
            "host_value",
            "host_value_hex",
            "passes",
            "reason");
    assertThat(first.get("vm_value").isTextual()).as("64-bit values are strings").isTrue();
    assertThat(Long.parseUnsignedLong(first.get("vm_value").asText()))
        .isEqualTo(e.outcomes().get(0).vmValue());
  }

  @Test
  void explainOfAVmListsEveryPool() throws Exception {
    Outcome o = fleetcompat("explain", "--snapshot", SAMPLE, "--vm", "vm-00074", "--json");
    assertThat(o.exit()).as(o.err()).isZero();
    JsonNode j = o.json();
    assertThat(j.get("pool_count").asInt()).isEqualTo(12);
    assertThat(j.get("pools")).hasSize(12);
    assertThat(j.get("pools_fitting").asInt()).isEqualTo(1);
    JsonNode pool1 = j.get("pools").get(1);
    assertThat(pool1.get("accepts").asBoolean()).isFalse();
    assertThat(pool1.get("blockers").get(0).get("blocked_hosts").asLong()).isEqualTo(36);
  }

  @Test
  void infoAndCheckOfAHost() throws Exception {
    Path blob = tmp.resolve("h.blob");
    Outcome info =
        fleetcompat(
            "info", "--snapshot", SAMPLE, "--system", "h-0044", "--out", blob.toString(), "--json");
    assertThat(info.exit()).as(info.err()).isZero();
    assertThat(info.json().get("kind").asText()).isEqualTo("host");
    assertThat(info.json().get("vms").asInt()).isEqualTo(10);
    assertThat(info.json().get("bytes").asLong()).isEqualTo(Files.size(blob));

    Outcome check =
        fleetcompat(
            "check", "--snapshot", SAMPLE, "--blob", blob.toString(), "--host", "h-0045", "--json");
    assertThat(check.exit()).isEqualTo(ExitCodes.NOT_COMPATIBLE);
    JsonNode c = check.json();
    assertThat(c.get("code").asInt()).isEqualTo(32784);
    assertThat(c.get("system_id").asText()).isEqualTo("h-0044");
    assertThat(c.get("reasons").get(0).get("vm_id").asText()).isEqualTo("vm-02345");
  }

  @Test
  void baselineOfACluster() throws Exception {
    Outcome o =
        fleetcompat("baseline", "--snapshot", SAMPLE, "--cluster", "cl-icelake-a", "--json");
    assertThat(o.exit()).as(o.err()).isZero();
    JsonNode j = o.json();
    assertThat(j.get("cluster").asText()).isEqualTo("cl-icelake-a");
    assertThat(j.get("host_ids").size()).isPositive();
    assertThat(j.get("vectors").get(0).get("status").asText()).isNotEmpty();
  }

  @Test
  void runPrintsItsManifestAndReportsTheColumnsItIgnores() throws Exception {
    Path snapshot = snapshotWithCapacityColumns();
    Outcome json =
        fleetcompat(
            "run",
            "--snapshot",
            snapshot.toString(),
            "--out",
            tmp.resolve("a").toString(),
            "--json");
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode m = json.json().get("manifest");
    assertThat(json.json().get("out_dir").asText()).isEqualTo(tmp.resolve("a").toString());
    assertThat(m.get("inputs").get("hosts").get("ignored_columns").toString())
        .as("memory_mb is a capacity column of the contract; cpu_cores is not")
        .isEqualTo("[\"cpu_cores\"]");
    assertThat(m.get("inputs").get("vm_vectors").get("ignored_columns")).isEmpty();
    assertThat(m.get("fleet").get("vms").asLong()).isEqualTo(2998);

    Outcome text =
        fleetcompat("run", "--snapshot", snapshot.toString(), "--out", tmp.resolve("b").toString());
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("  ignored columns   hosts: cpu_cores (not in the snapshot contract: not read)");
  }

  /** The sample's vector tables and vms, and a hosts table with two capacity columns. */
  private Path snapshotWithCapacityColumns() throws Exception {
    Path snap = tmp.resolve("snap");
    for (String table : List.of("host_vectors", "vm_vectors")) {
      Path to = Files.createDirectories(snap.resolve(table));
      try (var files = Files.list(ROOT.resolve("data-samples/cpu-fleet").resolve(table))) {
        for (Path f : files.toList()) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
    Files.copy(ROOT.resolve("data-samples/cpu-fleet/vms.parquet"), snap.resolve("vms.parquet"));
    List<ResultColumn> columns =
        List.of(
            column("host_id", ColumnType.Scalar.STRING),
            column("cluster", ColumnType.Scalar.STRING),
            column("cpu_cores", ColumnType.Scalar.INT),
            column("memory_mb", ColumnType.Scalar.LONG));
    // memory_mb is read (a capacity column); without memory_mb in vms it constrains no plan.
    List<Object[]> rows = new ArrayList<>();
    for (int h = 1; h <= 340; h++) {
      rows.add(new Object[] {String.format("h-%04d", h), "cl-" + (h % 7), 64, 524288L});
    }
    TableFileWriter.write(
        LocalStorage.INSTANCE, snap.resolve("hosts.parquet").toString(), "hosts", columns, rows);
    return snap;
  }

  private static ResultColumn column(String name, ColumnType type) {
    return new ResultColumn(name, type, false, ResultColumn.Presence.ALWAYS, name);
  }
}
