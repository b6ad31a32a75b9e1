package org.fleetcompat.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.VectorRow;
import org.fleetcompat.io.WriteOptions;
import org.fleetcompat.local.LocalRunner;
import org.fleetcompat.pipeline.Runner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same input, same result: the same part files byte for byte and the same manifest (row counts and
 * every file's SHA-256 included) across repeated runs, thread counts of the in-process runner (1,
 * 2, 4: {@code --threads}), and the Spark runner, on a fleet of many part files with bad rows and
 * hostile ids. (Spark's partitions follow the input splits, a function of the data; the shared test
 * session's parallelism is fixed at {@code local[2]}.)
 */
class DeterminismTest {
  @TempDir Path tmp;

  @Test
  void repeatedRunsThreadCountsAndRunnersWriteTheSameBytes() {
    Path snapshot = tmp.resolve("snapshot");
    Random r = new Random(11);
    List<VectorRow> hosts = new ArrayList<>();
    for (int h = 0; h < 40; h++) {
      hosts.add(VectorRow.of("h" + h, 1, 2, r.nextInt(64)));
      hosts.add(VectorRow.of("h" + h, 2, 5, r.nextInt(16)));
    }
    List<VectorRow> vms = new ArrayList<>();
    for (int v = 0; v < 400; v++) {
      vms.add(VectorRow.of("vm" + v, 1, 2, r.nextInt(64)));
      vms.add(VectorRow.of("vm" + v, 2, 5, r.nextInt(16)));
      if (v % 37 == 0) {
        vms.add(VectorRow.of("vm" + v, 2, 5, 99)); // conflicting: quarantined
      }
    }
    for (String id : BadInputCorpus.hostileIds(tmp)) {
      vms.add(VectorRow.of(id, 1, 2, 1));
    }
    WriteOptions parts = WriteOptions.defaults().withRowsPerFile(97);
    SnapshotTableWriter.writeVectors(snapshot, SnapshotTable.HOST_VECTORS, hosts, parts);
    SnapshotTableWriter.writeVectors(snapshot, SnapshotTable.VM_VECTORS, vms, parts);

    String reference = run(new LocalRunner(1), snapshot, "local-1");
    assertSameAs(reference, run(new LocalRunner(1), snapshot, "local-1-again"), "a second run");
    assertSameAs(reference, run(new LocalRunner(2), snapshot, "local-2"), "2 threads");
    assertSameAs(reference, run(new LocalRunner(4), snapshot, "local-4"), "4 threads");
    assertSameAs(reference, run(RunnerKind.SPARK.open(), snapshot, "spark"), "the Spark runner");
  }

  private String run(Runner runner, Path snapshot, String name) {
    try (runner) {
      RunResult result =
          RunJob.run(
              runner, new RunOptions(snapshot.toString(), tmp.resolve(name).toString(), true));
      Manifest m = result.manifest();
      assertThat(m.outputs().get("compatible_pairs").files())
          .allSatisfy(f -> assertThat(f.sha256()).hasSize(64));
      assertThat(m.outputs().get("rejected").rows()).isPositive();
      return result.outDir();
    }
  }

  private static void assertSameAs(String reference, String other, String what) {
    SameResults.assertSame(what, reference, other);
  }
}
