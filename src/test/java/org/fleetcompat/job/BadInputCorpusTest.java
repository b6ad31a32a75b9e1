package org.fleetcompat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.io.LocalStorage;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.ResultChecksums;
import org.fleetcompat.pipeline.PhaseTimer;
import org.fleetcompat.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of {@link BadInputCorpus} on both runners. A fatal case must fail on each with
 * its status and one line naming what is wrong, before any table is written, and publish nothing
 * (no {@code --out}, no staging directory left). A completing case must balance its accounting
 * (rows read = accepted + rejected + duplicates collapsed, rows read = rows written), quarantine
 * exactly the expected systems, and give byte-identical results on both runners.
 */
class BadInputCorpusTest {
  @TempDir Path tmp;

  private final SparkSession spark = SparkTestSession.get();

  static Stream<BadInputCorpus.Case> cases() {
    return BadInputCorpus.cases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCaseEndsAsDeclaredOnBothRunners(BadInputCorpus.Case c) throws IOException {
    Path snapshot = tmp.resolve("snapshot");
    Path scratch = Files.createDirectories(tmp.resolve("scratch"));
    c.write().accept(snapshot, scratch);
    Map<RunnerKind, Path> outs = new EnumMap<>(RunnerKind.class);
    Map<RunnerKind, String> messages = new EnumMap<>(RunnerKind.class);
    for (RunnerKind runner : RunnerKind.values()) {
      Path out = tmp.resolve("out-" + runner);
      outs.put(runner, out);
      RunOptions options = new RunOptions(snapshot.toString(), out.toString(), true);
      if (c.expect() instanceof BadInputCorpus.Fatal fatal) {
        PhaseTimer timer = new PhaseTimer();
        Throwable t = catchThrowable(() -> runner.run(options, timer));
        assertThat(t).as(runner + ": " + c).isInstanceOf(FleetcompatException.class);
        assertThat(((FleetcompatException) t).status())
            .as(runner + " " + t)
            .isEqualTo(fatal.status());
        assertOneLine(t.getMessage());
        assertThat(t.getMessage()).as(runner.toString()).contains(fatal.fragments());
        assertNothingPublished(out);
        messages.put(runner, t.getMessage());
        assertThat(timer.millis().keySet()).as("phases run").doesNotContain("expand", "write");
      } else {
        BadInputCorpus.Completes done = (BadInputCorpus.Completes) c.expect();
        RunResult result = runner.run(options);
        Manifest m = result.manifest();
        for (Map.Entry<String, Manifest.InputTable> e : m.inputs().entrySet()) {
          Manifest.InputTable in = e.getValue();
          assertThat(in.rowsRead())
              .as(runner + " " + e.getKey() + " accounting")
              .isEqualTo(in.rowsAccepted() + in.rowsRejected() + in.duplicatesCollapsed());
          assertThat(in.balanced()).isTrue();
        }
        done.rowsRead()
            .forEach(
                (table, rows) ->
                    assertThat(m.inputs().get(table).rowsRead())
                        .as(runner + " " + table + " rows read")
                        .isEqualTo(rows));
        if (done.rejected() != null) {
          assertThat(rejected(result.outDir())).as(runner.toString()).isEqualTo(done.rejected());
        }
        assertThat(ResultChecksums.verify(LocalStorage.INSTANCE, result.outDir(), m)).isEmpty();
      }
    }
    if (c.expect() instanceof BadInputCorpus.Fatal) {
      assertThat(messages.get(RunnerKind.SPARK))
          .as("the same message from both runners")
          .isEqualTo(messages.get(RunnerKind.LOCAL));
    }
    if (c.expect() instanceof BadInputCorpus.Completes) {
      SameResults.assertSame(
          c.name(), outs.get(RunnerKind.LOCAL).toString(), outs.get(RunnerKind.SPARK).toString());
    }
  }

  @ParameterizedTest
  @EnumSource(RunnerKind.class)
  void hostileIdsComeOutAsTheyWentInAndRunNothing(RunnerKind runner) throws IOException {
    Path snapshot = tmp.resolve("snapshot");
    Path scratch = Files.createDirectories(tmp.resolve("scratch"));
    BadInputCorpus.cases().stream()
        .filter(c -> c.name().startsWith("hostile"))
        .findFirst()
        .orElseThrow()
        .write()
        .accept(snapshot, scratch);
    RunResult r =
        runner.run(new RunOptions(snapshot.toString(), tmp.resolve("out").toString(), true));
    List<String> ids =
        spark.read().parquet(r.outDir() + "/vm_classes").collectAsList().stream()
            .map(row -> row.getString(0))
            .toList();
    List<String> hostile = BadInputCorpus.hostileIds(scratch);
    assertThat(ids).containsAll(hostile);
    List<String> rejectedIds =
        spark.read().parquet(r.outDir() + "/rejected").collectAsList().stream()
            .map(row -> (String) row.getAs("system_id"))
            .toList();
    assertThat(rejectedIds)
        .containsExactlyInAnyOrderElementsOf(hostile.stream().map(id -> id + "-bad").toList());
    assertThat(scratch.resolve("pwned")).doesNotExist();
  }

  @ParameterizedTest
  @EnumSource(RunnerKind.class)
  void anOutInsideTheSnapshotIsRefusedBeforeAnyWork(RunnerKind runner) {
    Path snapshot = tmp.resolve("snapshot");
    BadInputCorpus.base(snapshot);
    for (Path out :
        List.of(snapshot.resolve("result"), snapshot, snapshot.resolve("vm_vectors.parquet/r"))) {
      PhaseTimer timer = new PhaseTimer();
      Throwable t =
          catchThrowable(
              () -> runner.run(new RunOptions(snapshot.toString(), out.toString(), false), timer));
      assertThat(t).as(out.toString()).isInstanceOf(FleetcompatException.class);
      assertThat(((FleetcompatException) t).status()).isEqualTo(ReturnCode.INVALID_PARAMETER);
      assertOneLine(t.getMessage());
      assertThat(t.getMessage())
          .contains("Cannot publish to --out " + out, "inside the snapshot " + snapshot);
      assertThat(timer.millis().keySet()).containsOnly("inspect");
    }
    assertThat(snapshot.resolve("result")).doesNotExist();
    assertThat(snapshot.resolve(".result.runs")).doesNotExist();
  }

  @ParameterizedTest
  @EnumSource(RunnerKind.class)
  void anOutThatIsAFileIsRefusedBeforeAnyWork(RunnerKind runner) throws IOException {
    Path snapshot = tmp.resolve("snapshot");
    BadInputCorpus.base(snapshot);
    Path out = Files.writeString(tmp.resolve("notes.txt"), "mine");
    PhaseTimer timer = new PhaseTimer();
    Throwable t =
        catchThrowable(
            () -> runner.run(new RunOptions(snapshot.toString(), out.toString(), false), timer));
    assertThat(((FleetcompatException) t).status()).isEqualTo(ReturnCode.INVALID_PARAMETER);
    assertOneLine(t.getMessage());
    assertThat(t.getMessage())
        .contains("Cannot publish to --out " + out, "not a fleetcompat result");
    assertThat(Files.readString(out)).isEqualTo("mine");
    assertThat(timer.millis().keySet()).containsOnly("inspect");
  }

  @Test
  void anOutOnAReadOnlyDirectoryIsRefusedBeforeAnyWork() throws IOException {
    Path snapshot = tmp.resolve("snapshot");
    BadInputCorpus.base(snapshot);
    // Root writes through permission bits; /proc refuses every new directory to everyone.
    boolean root = "root".equals(System.getProperty("user.name"));
    Path parent = root ? Path.of("/proc/self") : Files.createDirectories(tmp.resolve("ro"));
    if (!root) {
      Files.setPosixFilePermissions(
          parent, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
    }
    Path out = parent.resolve("result");
    for (RunnerKind runner : RunnerKind.values()) {
      PhaseTimer timer = new PhaseTimer();
      Throwable t =
          catchThrowable(
              () -> runner.run(new RunOptions(snapshot.toString(), out.toString(), false), timer));
      assertThat(t).as(runner.toString()).isInstanceOf(FleetcompatException.class);
      assertThat(((FleetcompatException) t).status()).isEqualTo(ReturnCode.INVALID_PARAMETER);
      assertOneLine(t.getMessage());
      assertThat(t.getMessage()).contains("Cannot publish to --out " + out, "writable");
      assertThat(timer.millis().keySet()).as(runner.toString()).containsOnly("inspect");
    }
  }

  private List<String> rejected(String outDir) {
    return spark.read().parquet(outDir + "/rejected").collectAsList().stream()
        .map(r -> r.getAs("source_table") + " " + r.getAs("system_id") + " " + r.getAs("reason"))
        .sorted()
        .toList();
  }

  private static void assertOneLine(String message) {
    assertThat(message).isNotBlank().doesNotContain("\n", "\r");
    assertThat(message).doesNotContain("\tat ", "Exception in thread");
  }

  /** No {@code --out}, and no run directory of it left beside it. */
  private static void assertNothingPublished(Path out) throws IOException {
    assertThat(out).doesNotExist();
    Path runs = out.resolveSibling("." + out.getFileName() + ".runs");
    if (Files.exists(runs)) {
      try (Stream<Path> s = Files.list(runs)) {
        assertThat(s.toList()).as("staging left in " + runs).isEmpty();
      }
    }
  }
}
