package org.fleetcompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} and {@code diff} on bad input: one line on stderr, the status's exit code. */
class ReportAndDiffCommandTest {
  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = FleetcompatCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void reportOfAMissingResultIsInvalid() {
    Path missing = tmp.resolve("nope");
    Run r =
        run("report", "--result", missing.toString(), "--out", tmp.resolve("r.html").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID_PARAMETER);
    assertThat(r.err())
        .isEqualTo(
            "fleetcompat: error 32773 (Invalid parameter): Cannot read result "
                + missing
                + ": it does not exist or is not a directory. Pass the --out directory of a"
                + " finished 'fleetcompat run'.\n");
    assertThat(tmp.resolve("r.html")).doesNotExist();
  }

  @Test
  void reportOfADirectoryWithoutManifestIsInvalid() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("half"));
    Run r = run("report", "--result", dir.toString(), "--out", tmp.resolve("r.html").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID_PARAMETER);
    assertThat(r.err())
        .startsWith(
            "fleetcompat: error 32773 (Invalid parameter): Cannot read result "
                + dir
                + ": it has no manifest.json");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void diffOfANewerFormatIsNotSupported() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("future"));
    Files.writeString(dir.resolve("manifest.json"), "{\"format_version\": 3, \"status_code\": 0}");
    Run r = run("diff", "--old", dir.toString(), "--new", dir.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.NOT_SUPPORTED);
    assertThat(r.err())
        .isEqualTo(
            "fleetcompat: error 32770 (Not Supported): Cannot read "
                + dir.resolve("manifest.json")
                + ": result format version 3, this fleetcompat reads version 2. Use the"
                + " fleetcompat version that wrote it, or run it again with this one.\n");
  }

  @Test
  void diffOfADamagedManifestIsInvalid() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("damaged"));
    Files.writeString(
        dir.resolve("manifest.json"), "{\"format_version\": 2, \"status_code\": 0, \"outputs\": {");
    Run r =
        run(
            "diff",
            "--old",
            dir.toString(),
            "--new",
            dir.toString(),
            "--out",
            tmp.resolve("d").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID_PARAMETER);
    assertThat(r.err())
        .contains("manifest.json: it is not valid JSON")
        .contains("the result is damaged");
    assertThat(r.err().lines()).hasSize(1);
    assertThat(tmp.resolve("d")).doesNotExist();
  }

  @Test
  void diffNeedsBothResults() {
    Run r = run("diff", "--old", "x");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines())
        .singleElement()
        .isEqualTo(
            "fleetcompat: error 32773 (Invalid parameter): Missing required option: '--new=DIR';"
                + " see 'fleetcompat diff --help'");
  }
}
