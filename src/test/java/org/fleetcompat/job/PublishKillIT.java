package org.fleetcompat.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fleetcompat.io.LocalStorage;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.ManifestWriter;
import org.fleetcompat.io.ResultChecksums;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.VectorRow;
import org.fleetcompat.io.WriteOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC section 4's "also when the job is killed mid-write", tested: {@code jobs/fleetcompat run}
 * publishing over an existing result is SIGKILLed at random moments of its run (seeded; the seed is
 * printed), on each runner. After every kill {@code --out} must be a complete result, the previous
 * one or the new one, whose every file matches the manifest's SHA-256; nothing but {@code --out}
 * and hidden run directories is visible beside it. Finally a run completes and leaves at most the
 * new run and the one before it: the killed runs' leftovers are gone. The figures (trials, how many
 * kills landed before and after the publish, times) go to {@code target/publish-kill-RUNNER.txt}.
 */
class PublishKillIT {
  private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
  Path tmp;

  @ParameterizedTest(name = "{0}: {1} kills")
  @CsvSource({"local, 24", "spark, 20"})
  void aKilledRunLeavesThePreviousOrTheNewCompleteResult(String engine, int trials)
      throws Exception {
    Path snapshot = tmp.resolve("snapshot");
    writeFleet(snapshot);
    Path out = tmp.resolve("result");
    run(engine, snapshot, out, -1, false);
    assertComplete(out);
    // A warm run's time sets the moments: the first one pays for cold caches.
    long firstMillis = run(engine, snapshot, out, -1, false);
    Path first = out.toRealPath();
    assertComplete(out);
    long seed = System.nanoTime();
    Random random = new Random(seed);
    int sawPrevious = 0;
    int sawNew = 0;
    int completedAnyway = 0;
    Path before = first;
    long start = System.nanoTime();
    int kills = 0;
    int aimed = 0;
    for (int t = 0; kills < trials && t < 2 * trials; t++) {
      // Every other kill is aimed at the publish: a random 0-250 ms after the new run's manifest
      // appears in its staging directory (the report, the link swap and the clean-up follow).
      // The others land anywhere in the first 70% of a run, where writing the tables takes time.
      boolean atPublish = t % 2 == 1;
      long killAfter =
          atPublish
              ? random.nextInt(250)
              : (long) (firstMillis * (0.1 + 0.6 * random.nextDouble()));
      long exit = run(engine, snapshot, out, killAfter, atPublish);
      String what =
          engine
              + " trial "
              + t
              + " (seed "
              + seed
              + ", kill "
              + killAfter
              + " ms after "
              + (atPublish ? "the manifest" : "the start")
              + ")";
      assertComplete(out);
      assertOnlyResultVisible(out, what);
      Path now = out.toRealPath();
      if (exit >= 0) {
        completedAnyway++;
      } else {
        kills++;
        aimed += atPublish ? 1 : 0;
        if (now.equals(before)) {
          sawPrevious++;
        } else {
          sawNew++;
        }
      }
      before = now;
    }
    assertThat(kills).as(engine + " kills (seed " + seed + ")").isEqualTo(trials);
    long killMillis = (System.nanoTime() - start) / 1_000_000;
    run(engine, snapshot, out, -1, false);
    assertComplete(out);
    List<Path> runs = runs(out);
    assertThat(runs).as("runs left after a complete run").hasSizeLessThanOrEqualTo(2);
    assertThat(runs).contains(out.toRealPath());
    String figures =
        String.format(
            java.util.Locale.ROOT,
            "engine=%s kills=%d aimed_at_publish=%d seed=%d whole_run_ms=%d killed_before_publish=%d"
                + " killed_after_publish=%d finished_before_kill=%d trials_wall_ms=%d%n",
            engine,
            trials,
            aimed,
            seed,
            firstMillis,
            sawPrevious,
            sawNew,
            completedAnyway,
            killMillis);
    System.out.print(figures);
    Files.writeString(
        ROOT.resolve("target/publish-kill-" + engine + ".txt"), figures, StandardCharsets.UTF_8);
  }

  /**
   * Runs the launcher; kills it with SIGKILL {@code killAfterMillis} after its start, or after its
   * staging directory holds a manifest when {@code atPublish}; never when negative. Returns the
   * run's wall time in ms when it finished (exit 0 required), -1 when it was killed.
   */
  private long run(String engine, Path snapshot, Path out, long killAfterMillis, boolean atPublish)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("jobs/fleetcompat").toString());
    command.addAll(
        List.of(
            "run",
            "--snapshot",
            snapshot.toString(),
            "--out",
            out.toString(),
            "--pairs",
            "--quiet",
            "--engine",
            engine));
    Path log = tmp.resolve("launch.log");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().put("FLEETCOMPAT_JAVA_OPTS", "-Xmx512m");
    List<Path> existing = runs(out);
    long start = System.nanoTime();
    Process p = pb.start();
    if (atPublish) {
      while (p.isAlive() && !stagedManifest(out, existing)) {
        Thread.sleep(2);
      }
    }
    if (killAfterMillis >= 0 && !p.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
      // The launcher execs java: this is the JVM itself, and destroyForcibly is SIGKILL.
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("killed process ended").isTrue();
      return -1;
    }
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("run finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Whether a run directory not in {@code existing} holds a manifest: the publish is next. */
  private static boolean stagedManifest(Path out, List<Path> existing) throws IOException {
    return runs(out).stream()
        .filter(r -> !existing.contains(r))
        .anyMatch(r -> Files.exists(r.resolve(ManifestWriter.FILE_NAME)));
  }

  /** {@code out} is a finished result: its manifest says 0 and every file matches its checksum. */
  private static void assertComplete(Path out) throws IOException {
    assertThat(Files.isSymbolicLink(out)).as(out + " is the result link").isTrue();
    Manifest m = ManifestWriter.read(LocalStorage.INSTANCE, out.toString());
    assertThat(m.statusCode()).isZero();
    assertThat(m.outputs()).containsKeys("vm_classes", "compatible_pairs", "rejected");
    assertThat(ResultChecksums.verify(LocalStorage.INSTANCE, out.toString(), m))
        .as("files of " + out.toRealPath() + " against its manifest")
        .isEmpty();
    assertThat(out.resolve(RunJob.REPORT_FILE)).isRegularFile();
  }

  /** Beside {@code out} only {@code out} itself and hidden names: no partial result is visible. */
  private void assertOnlyResultVisible(Path out, String what) throws IOException {
    try (Stream<Path> s = Files.list(out.getParent())) {
      List<String> visible =
          s.map(p -> p.getFileName().toString())
              .filter(n -> !n.startsWith("."))
              .filter(n -> !n.equals("snapshot") && !n.equals("launch.log"))
              .toList();
      assertThat(visible).as(what).containsExactly(out.getFileName().toString());
    }
  }

  private static List<Path> runs(Path out) throws IOException {
    Path dir = out.resolveSibling("." + out.getFileName() + ".runs");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.toAbsolutePath().normalize()).toList();
    }
  }

  /** 60 VMs and 12 hosts over 3 vectors, in part files of 40 rows: many small files to publish. */
  private static void writeFleet(Path snapshot) {
    Random r = new Random(7);
    List<VectorRow> hosts = new ArrayList<>();
    for (int h = 0; h < 12; h++) {
      hosts.add(VectorRow.of("h" + h, 1, 2, r.nextInt(16)));
      hosts.add(VectorRow.of("h" + h, 2, 5, r.nextInt(8)));
      hosts.add(VectorRow.of("h" + h, 3, 0, 1));
    }
    List<VectorRow> vms = new ArrayList<>();
    for (int v = 0; v < 60; v++) {
      vms.add(VectorRow.of("vm" + v, 1, 2, r.nextInt(16)));
      vms.add(VectorRow.of("vm" + v, 2, 5, r.nextInt(8)));
    }
    WriteOptions parts = WriteOptions.defaults().withRowsPerFile(40);
    SnapshotTableWriter.writeVectors(snapshot, SnapshotTable.HOST_VECTORS, hosts, parts);
    SnapshotTableWriter.writeVectors(snapshot, SnapshotTable.VM_VECTORS, vms, parts);
  }
}
