package org.fleetcompat.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.VectorRow;
import org.fleetcompat.io.VmRow;
import org.fleetcompat.io.WriteOptions;
import org.fleetcompat.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad capacity values (null, negative, non-numeric text, a reservation above the host's memory)
 * quarantine every row of their system, vector rows included, with INVALID_CAPACITY and a message
 * naming the column and the value; the row accounting still balances, the capacity columns are no
 * longer reported as ignored, both runners write the same result, and the good systems are planned
 * as usual.
 */
class CapacityQuarantineTest {
  private final SparkSession spark = SparkTestSession.get();

  @TempDir Path tmp;

  @Test
  void badCapacityQuarantinesTheWholeSystem() throws IOException {
    Path snapshot = tmp.resolve("snapshot");
    List<VectorRow> hostVectors = new ArrayList<>();
    for (String h : List.of("h1", "h2", "h3", "h4", "h5", "h6")) {
      hostVectors.add(VectorRow.of(h, 1, 5, 1));
      hostVectors.add(VectorRow.of(h, 2, 5, 1));
    }
    List<VectorRow> vmVectors = new ArrayList<>();
    for (String v : List.of("v1", "v2", "v3", "v4")) {
      vmVectors.add(VectorRow.of(v, 1, 5, 5));
    }
    SnapshotTableWriter.writeVectors(
        snapshot, SnapshotTable.HOST_VECTORS, hostVectors, WriteOptions.defaults());
    SnapshotTableWriter.writeVectors(
        snapshot, SnapshotTable.VM_VECTORS, vmVectors, WriteOptions.defaults());
    // memory_mb as text, as a spreadsheet export writes it.
    writeHosts(
        snapshot.resolve("hosts.parquet"),
        new Object[][] {
          {"h1", 16L, "65536", 1024L},
          {"h2", 16L, "lots", 1024L},
          {"h3", null, "65536", 1024L},
          {"h4", 16L, "-1", 0L},
          {"h5", 16L, "4096", 8192L},
          {"h6", 16L, " 32768 ", 0L}
        });
    SnapshotTableWriter.writeVms(
        snapshot,
        List.of(
            new VmRow("v1", 2, "h1", 2L, 4096L),
            new VmRow("v2", 2, "h1", -2L, 4096L),
            new VmRow("v3", 2, "h1", 2L, null),
            new VmRow("v4", 2, "h6", 2L, 4096L)));

    RunResult local =
        RunnerKind.LOCAL.run(
            new RunOptions(snapshot.toString(), tmp.resolve("local").toString(), false));
    RunResult onSpark =
        RunnerKind.SPARK.run(
            new RunOptions(snapshot.toString(), tmp.resolve("spark").toString(), false));
    SameResults.assertSame("local vs Spark", local.outDir(), onSpark.outDir());

    Map<String, Manifest.InputTable> inputs = local.manifest().inputs();
    assertThat(inputs.values()).allMatch(Manifest.InputTable::balanced);
    assertThat(inputs.get("hosts").ignoredColumns()).isEmpty();
    assertThat(inputs.get("vms").ignoredColumns()).isEmpty();
    assertThat(inputs.get("host_vectors").rowsRejected()).isEqualTo(8);
    assertThat(inputs.get("hosts").rowsRejected()).isEqualTo(4);
    assertThat(inputs.get("vm_vectors").rowsRejected()).isEqualTo(2);
    assertThat(inputs.get("vms").rowsRejected()).isEqualTo(2);

    Map<String, String> messages = new TreeMap<>();
    for (Row r : spark.read().parquet(local.outDir() + "/rejected").collectAsList()) {
      assertThat(r.getString(2)).as("reason of %s", r.getString(1)).isEqualTo("INVALID_CAPACITY");
      if (r.getString(0).equals("hosts") || r.getString(0).equals("vms")) {
        messages.put(r.getString(1), r.getString(3));
      }
    }
    assertThat(messages)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "h2",
                "hosts row of h2: memory_mb is lots, expected a whole number >= 0; every row of"
                    + " h2 is quarantined",
                "h3",
                "hosts row of h3: logical_processors is null, expected a whole number >= 0; every"
                    + " row of h3 is quarantined",
                "h4",
                "hosts row of h4: memory_mb is -1, expected a whole number >= 0; every row of h4"
                    + " is quarantined",
                "h5",
                "hosts row of h5: reserved_memory_mb 8192 is more than memory_mb 4096; every row"
                    + " of h5 is quarantined",
                "v2",
                "vms row of v2: virtual_processors is -2, expected a whole number >= 0; every row"
                    + " of v2 is quarantined",
                "v3",
                "vms row of v3: memory_mb is null, expected a whole number >= 0; every row of v3"
                    + " is quarantined"));

    List<String> evaluatedHosts = new ArrayList<>();
    for (Row r : spark.read().parquet(local.outDir() + "/host_classes").collectAsList()) {
      evaluatedHosts.add(r.getString(0));
    }
    assertThat(evaluatedHosts).containsExactlyInAnyOrder("h1", "h6");

    Map<String, String> plan = new TreeMap<>();
    for (Row r : spark.read().parquet(local.outDir() + "/drain_plans").collectAsList()) {
      plan.put(
          r.getString(0) + "/" + r.getString(1),
          r.isNullAt(2) ? r.getString(3) : "-> " + r.getString(2));
    }
    assertThat(plan)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "h1/v1", "-> h6",
                "h1/v2", "NOT_EVALUATED",
                "h1/v3", "NOT_EVALUATED",
                "h6/v4", "-> h1"));
  }

  /** hosts.parquet with logical_processors INT64, memory_mb STRING, reserved_memory_mb INT64. */
  private static void writeHosts(Path file, Object[][] rows) throws IOException {
    MessageType type =
        MessageTypeParser.parseMessageType(
            "message hosts { optional binary host_id (STRING); optional binary cluster (STRING);"
                + " optional int64 logical_processors; optional binary memory_mb (STRING);"
                + " optional int64 reserved_memory_mb; }");
    Files.createDirectories(file.getParent());
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(type)
            .build()) {
      for (Object[] r : rows) {
        Group g = groups.newGroup().append("host_id", (String) r[0]).append("cluster", "cl-a");
        if (r[1] != null) {
          g.append("logical_processors", (Long) r[1]);
        }
        g.append("memory_mb", (String) r[2]);
        g.append("reserved_memory_mb", (Long) r[3]);
        writer.write(g);
      }
    }
  }
}
