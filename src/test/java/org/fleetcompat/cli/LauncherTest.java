package org.fleetcompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.VectorRow;
import org.fleetcompat.io.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs/fleetcompat} itself, as README's first command runs it: a real process with its own
 * JVM, checked for its summary, its one-line errors and its exit codes.
 */
class LauncherTest {
  @TempDir Path tmp;

  private record Outcome(int exit, String out, String err) {}

  private Outcome launch(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of("jobs/fleetcompat").toAbsolutePath().toString());
    command.addAll(List.of(args));
    Path out = tmp.resolve("stdout.txt");
    Path err = tmp.resolve("stderr.txt");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("FLEETCOMPAT_JAVA_OPTS", "-Xmx1g");
    Process p = pb.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("launcher finished").isTrue();
    return new Outcome(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void runOnTheSamplePrintsTheSummaryAndPublishes() throws Exception {
    Path result = tmp.resolve("result");
    Outcome o =
        launch(
            "run", "--snapshot", "data-samples/cpu-fleet", "--out", result.toString(), "--pairs");
    assertThat(o.exit()).as(o.err()).isZero();
    assertThat(o.out())
        .contains("VMs               2,998 in ")
        .contains("hosts             340 in ")
        .contains("row accounting    balanced")
        // N+2 11 needs CP-SAT: the launcher's class path must carry OR-Tools' native libraries,
        // or its plans (first fit only, N+2 10) would differ from the in-process tests'.
        .contains("pools surviving N+1 11 of 12, N+2 11")
        .contains("status            0 Completed with No Error");
    assertThat(result.resolve("manifest.json")).isRegularFile();
    assertThat(result.resolve("compatible_pairs")).isDirectory();
  }

  @Test
  void aMissingTableExitsWith3AndOneLineNamingIt() throws Exception {
    Path snapshot = tmp.resolve("snap");
    SnapshotTableWriter.writeVectors(
        snapshot,
        SnapshotTable.HOST_VECTORS,
        List.of(VectorRow.of("h1", 1, 0, 1)),
        WriteOptions.defaults());
    Outcome o =
        launch("run", "--snapshot", snapshot.toString(), "--out", tmp.resolve("o").toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.INVALID_PARAMETER);
    assertThat(o.err())
        .contains("fleetcompat: error 32773 (Invalid parameter): Cannot read vm_vectors: snapshot ")
        .doesNotContain("\tat org.");
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void aWrongOptionExitsWith2() throws Exception {
    Outcome o = launch("run", "--snapshot");
    assertThat(o.exit()).isEqualTo(2);
    assertThat(o.err()).contains("Missing required parameter for option '--snapshot'");
  }

  @Test
  void helpListsTheCommands() throws Exception {
    Outcome o = launch("--help");
    assertThat(o.exit()).isZero();
    assertThat(o.out()).contains("run").contains("generate-samples");
  }
}
