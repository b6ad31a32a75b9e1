package org.fleetcompat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fleetcompat.cli.FleetcompatCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness without the engine: a stand-in engine command line (the DuckDB peer itself, so the
 * check must find both outputs equal), the report's layout and ratios, one-line command-line
 * errors, and the child-process measurement. Times nothing that matters: no timed assertions.
 */
class BenchHarnessTest {
  @TempDir Path tmp;

  /**
   * Writes what {@code run} writes for the check (compatible_pairs or vm_summary), via the peer.
   */
  private static final class FakeEngine implements EngineCommandLine {
    final List<List<String>> calls = new ArrayList<>();

    @Override
    public int execute(PrintWriter out, PrintWriter err, String... args) {
      calls.add(List.of(args));
      List<String> a = List.of(args);
      Path snapshot = Path.of(a.get(a.indexOf("--snapshot") + 1));
      Path outDir = Path.of(a.get(a.indexOf("--out") + 1));
      DuckDbPeer.Output output =
          a.contains("--pairs")
              ? DuckDbPeer.Output.COMPATIBLE_PAIRS
              : DuckDbPeer.Output.VM_COMPATIBLE_HOSTS;
      try (Connection db = DuckDbPeer.connect(1)) {
        DuckDbPeer.run(db, snapshot, outDir, output);
        return 0;
      } catch (SQLException e) {
        err.println("fake engine: " + e.getMessage());
        return 1;
      }
    }
  }

  private BenchJob.Options options(DuckDbPeer.Output output, EnumSet<BenchJob.Extra> extras) {
    return new BenchJob.Options(
        new BenchJob.Fleet(
            "tiny", Optional.of(new BenchShape(300, 30, 12, 20, 5)), Optional.empty()),
        output,
        Optional.empty(),
        Optional.empty(),
        extras,
        2,
        0,
        1,
        Optional.empty(),
        tmp.resolve("work"),
        BenchJob.projectDir());
  }

  @Test
  void inProcessReportHasEveryContenderTheCheckAndTheRatios() {
    FakeEngine engine = new FakeEngine();
    StringWriter progress = new StringWriter();
    BenchReport report =
        BenchJob.run(
            options(DuckDbPeer.Output.COMPATIBLE_PAIRS, EnumSet.of(BenchJob.Extra.IO_FLOOR)),
            engine,
            new PrintWriter(progress, true));

    assertThat(engine.calls).hasSize(3); // warm-up and two turns
    assertThat(engine.calls.get(1))
        .containsSubsequence("run", "--snapshot")
        .contains("--pairs")
        .doesNotContain("--engine");
    assertThat(report.check()).startsWith("engine and peer wrote the same ");
    assertThat(report.compatiblePairs()).isPositive();
    assertThat(report.inProcess())
        .extracting(BenchReport.Timing::name)
        .containsExactly("engine", "duckdb-peer", "io-floor");
    assertThat(report.inProcess()).allSatisfy(t -> assertThat(t.runNanos()).hasSize(2));
    assertThat(report.wholeProcess()).isEmpty();
    assertThat(report.peerStepNanos())
        .containsOnlyKeys("signatures", "representatives", "compare", "write");
    List<String> lines = report.lines();
    assertThat(lines.get(0))
        .isEqualTo(
            "fleetcompat bench tiny: 300 VMs x 30 hosts x 12 vectors, 20 VM classes, 5 host"
                + " classes; run --pairs");
    assertThat(lines)
        .anyMatch(l -> l.equals("in process (one warm JVM, warm-up first; 2 turns, medians):"))
        .anyMatch(l -> l.matches("  in process    duckdb-peer / engine = \\d+\\.\\d\\d"))
        .anyMatch(l -> l.matches("  in process    io-floor / engine = \\d+\\.\\d\\d"));
    assertThat(report.csvRow().split(",", -1)).hasSize(BenchReport.CSV_HEADER.split(",").length);
    assertThat(progress.toString()).contains("bench: in process 2/2: engine ");
    assertThat(tmp.resolve("work/out-fleet-300x30x12-c20x5")).doesNotExist();
  }

  @Test
  void withoutPairsTheCheckComparesPerVmHostCounts() {
    BenchReport report =
        BenchJob.run(
            options(DuckDbPeer.Output.VM_COMPATIBLE_HOSTS, EnumSet.noneOf(BenchJob.Extra.class)),
            new FakeEngine(),
            new PrintWriter(new StringWriter(), true));
    assertThat(report.check()).isEqualTo("engine and peer wrote the same 300 rows of vm_summary");
    assertThat(report.lines().get(0)).endsWith("; run without --pairs");
  }

  @Test
  void aFailingEngineStopsTheBenchWithItsOneLineReason() {
    EngineCommandLine failing =
        (out, err, args) -> {
          err.println("fleetcompat: error 32773 (Invalid parameter): something is off");
          return 3;
        };
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                BenchJob.run(
                    options(
                        DuckDbPeer.Output.COMPATIBLE_PAIRS, EnumSet.noneOf(BenchJob.Extra.class)),
                    failing,
                    new PrintWriter(new StringWriter(), true)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "The engine's run failed with exit code 3: fleetcompat: error 32773 (Invalid"
                + " parameter): something is off (command: run --snapshot ");
  }

  @Test
  void badBenchOptionsAreOneLineUsageErrors() {
    for (Map.Entry<List<String>, String> c :
        Map.of(
                List.of("--vms", "-5", "--hosts", "10"),
                "--vms must be at least 1, not -5",
                List.of("--preset", "huge"),
                "unknown --preset huge: expected one of classes, distinct," + " million, sample",
                List.of("--preset", "classes", "--snapshot", "x"),
                "give one fleet: --preset NAME, shape options (--vms ...) or"
                    + " --snapshot DIR, not several",
                List.of("--repeat", "-1"),
                "--repeat must be 0 or more, not -1",
                List.of("--spark-runner", "--engine", "spark"),
                "--spark-runner already times run --engine spark beside the"
                    + " default engine: drop one",
                List.of("--naive", "--repeat", "0"),
                "--naive is measured in process: give --repeat 1 or more with" + " it")
            .entrySet()) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      List<String> args = new ArrayList<>(List.of("bench"));
      args.addAll(c.getKey());
      int exit =
          FleetcompatCommand.execute(
              new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
      assertThat(exit).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err.toString().lines())
          .as(String.join(" ", args))
          .singleElement()
          .isEqualTo(
              "fleetcompat: error 32773 (Invalid parameter): "
                  + c.getValue()
                  + "; see 'fleetcompat bench --help'");
    }
  }

  @Test
  void childProcessesAreTimedWithTheirExitCodeAndPeakMemory() throws Exception {
    ChildProcess.Run r =
        ChildProcess.run(
            List.of("/bin/sh", "-c", "echo hello; echo oops >&2; exit 3"),
            Map.of(),
            tmp,
            tmp.resolve("logs"));
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stdout()).isEqualTo("hello\n");
    assertThat(r.reasonLine()).isEqualTo("oops");
    ChildProcess.Run usage =
        ChildProcess.run(
            List.of(
                "/bin/sh",
                "-c",
                "echo 'WARNING: Using incubator modules' >&2; echo \"Unknown option: '--x'\" >&2;"
                    + " echo 'Usage: run [-h]' >&2; exit 2"),
            Map.of(),
            tmp,
            tmp.resolve("logs"));
    assertThat(usage.reasonLine()).isEqualTo("Unknown option: '--x'");
    assertThat(r.elapsedNanos()).isPositive();
    if (Files.isExecutable(Path.of("/usr/bin/time"))) {
      assertThat(r.peakRssBytes()).isPositive();
    }
  }
}
