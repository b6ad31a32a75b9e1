package org.fleetcompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every failure of {@code jobs/fleetcompat} is one line on standard error, {@code fleetcompat:
 * error STATUS: reason}, with the exit code the help documents; and a successful command writes
 * nothing on standard error (no JVM or library warnings), on either runner and with Arrow.
 */
class CliFailuresTest {
  private static final String ONE_LINE = "fleetcompat: error \\d+ \\([A-Za-z -]+\\): .+";
  private static final String SAMPLE = Launch.ROOT.resolve("data-samples/cpu-fleet").toString();

  @TempDir Path tmp;

  private Launch.Outcome launch(String... args) throws Exception {
    return Launch.run(Launch.ROOT, tmp.resolve("io"), args);
  }

  private static void assertOneLine(Launch.Outcome o, int exit, String... fragments) {
    assertThat(o.exit()).as(o.err()).isEqualTo(exit);
    assertThat(o.errLines()).as("standard error").hasSize(1);
    assertThat(o.errLines().get(0)).matches(ONE_LINE).contains(fragments);
  }

  @Test
  void aBadBenchShapeIsAWrongCommandLine() throws Exception {
    assertOneLine(
        launch("bench", "--vms", "-5", "--hosts", "10"),
        ExitCodes.USAGE,
        "error 32773 (Invalid parameter)",
        "--vms must be at least 1, not -5",
        "see 'fleetcompat bench --help'");
    assertOneLine(
        launch("bench", "--vms", "-5"),
        ExitCodes.USAGE,
        "a synthetic fleet needs --vms N and --hosts N");
  }

  @Test
  void aMissingOptionValueIsOneLineToo() throws Exception {
    assertOneLine(
        launch("run", "--snapshot"),
        ExitCodes.USAGE,
        "Missing required parameter for option '--snapshot'",
        "see 'fleetcompat run --help'");
  }

  @Test
  void aMissingConfigFileStopsEveryEngine() throws Exception {
    Path out = tmp.resolve("out");
    assertOneLine(
        launch(
            "run", "--snapshot", SAMPLE, "--out", out.toString(), "--config", "missing.properties"),
        ExitCodes.INVALID_PARAMETER,
        "Cannot read the config file " + Launch.ROOT.resolve("missing.properties"),
        "check --config");
    assertThat(out).doesNotExist();
  }

  @Test
  void anUnreachableMasterFailsWithinSeconds() throws Exception {
    Launch.Outcome o =
        launch(
            "run",
            "--snapshot",
            SAMPLE,
            "--out",
            tmp.resolve("o").toString(),
            "--master",
            "spark://127.0.0.1:1");
    assertOneLine(
        o,
        ExitCodes.NOT_AVAILABLE,
        "error 32777 (System is not available)",
        "Cannot reach the Spark master spark://127.0.0.1:1");
    // Spark alone retries for about a minute; the JVM's start is most of these seconds.
    assertThat(o.millis()).as("wall time").isLessThan(30_000);
  }

  @Test
  void relativePathsAreTheWorkingDirectorys() throws Exception {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Launch.Outcome o =
        Launch.run(
            elsewhere,
            tmp.resolve("io"),
            "run",
            "--snapshot",
            "data-samples/cpu-fleet",
            "--out",
            "result");
    assertOneLine(
        o,
        ExitCodes.INVALID_PARAMETER,
        "Cannot read snapshot "
            + elsewhere.resolve("data-samples/cpu-fleet")
            + ": no such directory");
    assertThat(elsewhere.resolve("result")).doesNotExist();

    Path link =
        Files.createSymbolicLink(
            elsewhere.resolve("data-samples"), Launch.ROOT.resolve("data-samples"));
    Launch.Outcome ok =
        Launch.run(
            elsewhere,
            tmp.resolve("io"),
            "explain",
            "--snapshot",
            "data-samples/cpu-fleet",
            "--vm",
            "vm-00001",
            "--host",
            "h-0001");
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.err()).isEmpty();
    assertThat(link).exists();
  }

  @Test
  void generateSamplesWorksFromAnotherDirectory() throws Exception {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Launch.Outcome o =
        Launch.run(elsewhere, tmp.resolve("io"), "generate-samples", "--out", "sample");
    assertThat(o.exit()).as(o.err()).isZero();
    assertThat(o.err()).isEmpty();
    assertThat(elsewhere.resolve("sample/vm_vectors")).isDirectory();

    assertOneLine(
        Launch.run(
            elsewhere, tmp.resolve("io"), "generate-samples", "--cpus", "cpus", "--out", "s"),
        ExitCodes.INVALID_PARAMETER,
        "Cannot read the CPU data: " + elsewhere.resolve("cpus") + " has no hosts.csv");
  }

  @Test
  void anUnknownSystemAndAnUnknownFormatAreOneLine() throws Exception {
    assertOneLine(
        launch("explain", "--snapshot", SAMPLE, "--vm", "vm-nope", "--host", "h-0001"),
        ExitCodes.INVALID_PARAMETER,
        "vm-nope");
    assertOneLine(
        launch(
            "run", "--snapshot", SAMPLE, "--out", tmp.resolve("f").toString(), "--format", "csv"),
        ExitCodes.INVALID_PARAMETER,
        "Unknown result format 'csv': expected parquet, arrow or both");
  }

  @Test
  void successWritesNothingOnStandardErrorOnEitherRunnerAndWithArrow() throws Exception {
    Launch.Outcome spark =
        launch(
            "run",
            "--snapshot",
            SAMPLE,
            "--out",
            tmp.resolve("spark").toString(),
            "--engine",
            "spark",
            "--format",
            "both");
    assertThat(spark.exit()).as(spark.err()).isZero();
    assertThat(spark.err()).as("standard error of a Spark run").isEmpty();
    assertThat(tmp.resolve("spark/arrow/vm_summary/part-00000.arrow")).isRegularFile();

    Launch.Outcome local =
        launch(
            "run",
            "--snapshot",
            SAMPLE,
            "--out",
            tmp.resolve("local").toString(),
            "--format=arrow");
    assertThat(local.exit()).as(local.err()).isZero();
    assertThat(local.err()).as("standard error of an in-process run").isEmpty();
    assertThat(tmp.resolve("local/arrow/pools/part-00000.arrow")).isRegularFile();
  }
}
