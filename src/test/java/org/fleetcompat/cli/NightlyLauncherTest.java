package org.fleetcompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs/nightly} as a scheduler runs it: its own process, started from another directory,
 * judged by its exit code and its one line on standard output. {@link NightlyCommandTest} covers
 * what the nights contain.
 */
class NightlyLauncherTest {
  private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

  @TempDir Path tmp;

  private record Outcome(int exit, List<String> out, String err) {}

  private Outcome nightly(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("jobs/nightly").toString());
    command.addAll(List.of(args));
    Path out = tmp.resolve("stdout.txt");
    Path err = tmp.resolve("stderr.txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(tmp.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().put("FLEETCOMPAT_JAVA_OPTS", "-Xmx1g");
    Process p = pb.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("jobs/nightly finished").isTrue();
    return new Outcome(
        p.exitValue(),
        Files.readAllLines(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void aNightPrintsOneStatusLineAndExitsZero() throws Exception {
    Outcome o =
        nightly(
            "--snapshot",
            ROOT.resolve("data-samples/cpu-fleet").toString(),
            "--out",
            "nights",
            "--date",
            "2026-12-01");
    assertThat(o.exit()).as(o.err()).isZero();
    assertThat(o.out())
        .singleElement()
        .asString()
        .isEqualTo(
            "fleetcompat nightly 2026-12-01: 0 Completed with No Error, 2,998 VMs, 12 pools, 12"
                + " stranded, report "
                + tmp.resolve("nights/date=2026-12-01/report.html"));
    assertThat(o.err()).isEmpty();
    assertThat(tmp.resolve("nights/latest/manifest.json")).isRegularFile();
  }

  @Test
  void aMissingSnapshotExitsThreeWithOneStatusLineAndOneError() throws Exception {
    Outcome o = nightly("--snapshot", "exports/{date}", "--out", "nights", "--date", "2026-12-02");
    assertThat(o.exit()).isEqualTo(ExitCodes.INVALID_PARAMETER);
    assertThat(o.out())
        .singleElement()
        .asString()
        .startsWith("fleetcompat nightly 2026-12-02: 32773 Invalid parameter: No snapshot for")
        .contains("exports/2026-12-02 is not a directory")
        .endsWith("; nothing published, latest unchanged");
    assertThat(o.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("fleetcompat: error 32773 (Invalid parameter): No snapshot for 2026-12-02");
    assertThat(tmp.resolve("nights/latest")).doesNotExist();
  }
}
