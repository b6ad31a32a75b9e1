package org.fleetcompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageTypeParser;
import org.fleetcompat.io.DatedResults;
import org.fleetcompat.io.LocalStorage;
import org.fleetcompat.job.NightlyJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetcompat nightly} in process, on the in-process runner: two nights of the sample into
 * one root (made once for the class), then each test on a copy of that root: the dated layout and
 * {@code latest}, the status line and the stranded change, a third night with {@code --keep 2}, a
 * night run again, a backfill, a missing, a corrupt and a mistyped snapshot (each leaving every
 * earlier night and {@code latest} byte for byte as they were), a second job on a locked root, and
 * a root on a non-local file system ({@link ObjectStoreTestFileSystem}).
 *
 * <p>Night 1 is {@code data-samples/cpu-fleet}, night 2 {@code data-samples/cpu-fleet-night2} (the
 * generator's second night: a microcode update, hosts retired and added, VMs created and moved), so
 * the second night has a previous one, a report with its drift and drift tables.
 */
class NightlyCommandTest {
  private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  private static final Path NIGHT_ONE = ROOT.resolve("data-samples/cpu-fleet");
  private static final String D1 = "2026-12-01";
  private static final String D2 = "2026-12-02";
  private static final String D3 = "2026-12-03";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;

  private static Path nightTwo;
  private static Path twoNights;
  private static Outcome first;
  private static Outcome second;

  @TempDir Path work;

  private record Outcome(int exit, String out, String err) {
    /** The status line: the one line on standard output. */
    String line() {
      assertThat(out.lines().toList()).as("standard output: one status line\n" + err).hasSize(1);
      return out.strip();
    }
  }

  @BeforeAll
  static void runTwoNights() throws IOException {
    nightTwo = ROOT.resolve("data-samples/cpu-fleet-night2");
    twoNights = tmp.resolve("two-nights");
    first = nightly(NIGHT_ONE, twoNights, D1);
    second = nightly(nightTwo, twoNights, D2);
  }

  private static Outcome nightly(Object snapshot, Object root, String date, String... more) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "nightly",
            "--snapshot",
            snapshot.toString(),
            "--out",
            root.toString(),
            "--date",
            date,
            "--threads",
            "2"));
    args.addAll(List.of(more));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        FleetcompatCommand.execute(
            new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    return new Outcome(exit, out.toString(), err.toString());
  }

  @Test
  void eachNightIsPublishedUnderItsDateAndLatestPointsToTheNewest() throws IOException {
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(second.exit()).as(second.err()).isZero();
    for (String d : List.of(D1, D2)) {
      Path night = twoNights.resolve("date=" + d);
      assertThat(night.resolve("manifest.json")).isRegularFile();
      assertThat(night.resolve("vm_summary")).isDirectory();
      assertThat(night.resolve(DatedResults.NIGHT_FILE)).isRegularFile();
      assertThat(record(night).get("date").asText()).isEqualTo(d);
      assertThat(record(night).get("status_code").asInt()).isZero();
    }
    Path latest = twoNights.resolve(DatedResults.LATEST);
    assertThat(Files.isSymbolicLink(latest)).as("latest is a symbolic link").isTrue();
    assertThat(Files.readSymbolicLink(latest)).isEqualTo(Path.of("date=" + D2));
    assertThat(latest.resolve("manifest.json")).isRegularFile();
    assertThat(record(twoNights.resolve("date=" + D1)).get("previous_date").isNull()).isTrue();
    assertThat(record(twoNights.resolve("date=" + D2)).get("previous_date").asText()).isEqualTo(D1);
  }

  @Test
  void theStatusLineSaysHowTheNightEndedAndWhatChangedSinceThePreviousOne() throws IOException {
    long stranded1 =
        manifest(twoNights.resolve("date=" + D1)).at("/feasibility/stranded_vms").asLong();
    JsonNode m2 = manifest(twoNights.resolve("date=" + D2));
    long stranded2 = m2.at("/feasibility/stranded_vms").asLong();
    String night2 = twoNights.resolve("date=" + D2).toString();
    assertThat(first.line())
        .isEqualTo(
            "fleetcompat nightly "
                + D1
                + ": 0 Completed with No Error, 2,998 VMs, 12 pools, "
                + stranded1
                + " stranded, report "
                + twoNights.resolve("date=" + D1)
                + "/report.html");
    assertThat(second.line())
        .isEqualTo(
            String.format(
                Locale.ROOT,
                "fleetcompat nightly %s: 0 Completed with No Error, %,d VMs, %,d pools, %,d"
                    + " stranded (%+,d since %s), report %s/report.html",
                D2,
                m2.at("/fleet/vms").asLong(),
                m2.at("/feasibility/pools").asLong(),
                stranded2,
                stranded2 - stranded1,
                D1,
                night2));
    assertThat(Path.of(night2, NightlyJob.REPORT_FILE)).isRegularFile();
    assertThat(Path.of(night2, NightlyJob.DRIFT_DIR, "drift_summary.json")).isRegularFile();
    assertThat(record(Path.of(night2)).get("drift").asText()).isEqualTo(NightlyJob.DRIFT_DIR);
  }

  @Test
  void aThirdNightWithKeepTwoDeletesTheOldestNight() throws IOException {
    Path root = copyOfTwoNights();
    Outcome third = nightly(NIGHT_ONE, root, D3, "--keep", "2");
    assertThat(third.exit()).as(third.err()).isZero();
    assertThat(third.line()).endsWith("; removed 1 night (" + D1 + ")");
    assertThat(nights(root)).containsExactly("date=" + D2, "date=" + D3);
    assertThat(hidden(root))
        .as("the runs behind the deleted night's link")
        .noneMatch(n -> n.startsWith(".date=" + D1));
    assertThat(Files.readSymbolicLink(root.resolve(DatedResults.LATEST)))
        .isEqualTo(Path.of("date=" + D3));
  }

  @Test
  void aNightRunAgainReplacesItAndKeepsTheEarlierRunForItsReaders() throws IOException {
    Path root = copyOfTwoNights();
    Path before = root.resolve("date=" + D2).toRealPath();
    Outcome again = nightly(NIGHT_ONE, root, D2);
    assertThat(again.exit()).as(again.err()).isZero();
    Path after = root.resolve("date=" + D2).toRealPath();
    assertThat(after).isNotEqualTo(before);
    assertThat(before).as("the run readers were on").isDirectory();
    assertThat(root.resolve("latest/manifest.json").toRealPath().getParent()).isEqualTo(after);
    assertThat(manifest(root.resolve("latest")).get("snapshot").asText())
        .isEqualTo(NIGHT_ONE.toString());
  }

  @Test
  void aBackfilledNightIsPublishedButLatestStaysOnTheNewest() throws IOException {
    Path root = copyOfTwoNights();
    Outcome late = nightly(NIGHT_ONE, root, "2026-11-30");
    assertThat(late.exit()).as(late.err()).isZero();
    assertThat(late.line()).endsWith("; latest stays " + D2 + " (newer)").doesNotContain("since");
    assertThat(nights(root)).contains("date=2026-11-30");
    assertThat(Files.readSymbolicLink(root.resolve(DatedResults.LATEST)))
        .isEqualTo(Path.of("date=" + D2));
  }

  @Test
  void aMissingSnapshotFailsTheNightWith3AndTouchesNothing() {
    Path root = copyOfTwoNights();
    Map<String, String> before = tree(root);
    Path missing = work.resolve("exports/" + D3);
    Outcome o = nightly(missing, root, D3);
    assertThat(o.exit()).isEqualTo(ExitCodes.INVALID_PARAMETER);
    assertThat(o.line())
        .isEqualTo(
            "fleetcompat nightly "
                + D3
                + ": 32773 Invalid parameter: No snapshot for "
                + D3
                + ": "
                + missing
                + " is not a directory; check that the night's export ran, or pass another"
                + " --snapshot or --date; nothing published, latest stays "
                + D2);
    assertThat(o.err())
        .startsWith("fleetcompat: error 32773 (Invalid parameter): No snapshot for " + D3);
    assertThat(tree(root)).as("every file, directory and link under the root").isEqualTo(before);
  }

  @Test
  void theSnapshotPlaceholderNamesTheNightsExport() {
    Path root = copyOfTwoNights();
    Outcome o = nightly(work.resolve("exports/{date}"), root, D3);
    assertThat(o.exit()).isEqualTo(ExitCodes.INVALID_PARAMETER);
    assertThat(o.line()).contains(work.resolve("exports/" + D3) + " is not a directory");
  }

  @Test
  void aSnapshotWithoutVmVectorsFailsWith3AndTouchesNothing() throws IOException {
    Path root = copyOfTwoNights();
    Map<String, String> before = tree(root);
    Path snapshot = work.resolve("no-vms");
    copyTree(NIGHT_ONE.resolve("host_vectors"), snapshot.resolve("host_vectors"));
    Outcome o = nightly(snapshot, root, D3);
    assertThat(o.exit()).isEqualTo(ExitCodes.INVALID_PARAMETER);
    assertThat(o.line())
        .startsWith(
            "fleetcompat nightly " + D3 + ": 32773 Invalid parameter: Cannot read vm_vectors")
        .endsWith("; nothing published, latest stays " + D2);
    assertThat(tree(root)).isEqualTo(before);
  }

  @Test
  void aColumnOfTheWrongTypeFailsWith4AndTouchesNothing() throws IOException {
    Path root = copyOfTwoNights();
    Map<String, String> before = tree(root);
    Path snapshot = work.resolve("string-values");
    copyTree(NIGHT_ONE.resolve("host_vectors"), snapshot.resolve("host_vectors"));
    writeFooterOnly(
        snapshot.resolve("vm_vectors/part-00000.parquet"),
        "message vm_vectors { optional binary vm_id (STRING); optional int64 vector_id;"
            + " optional int64 compare_operation; optional binary compatibility_info (STRING); }");
    Outcome o = nightly(snapshot, root, D3);
    assertThat(o.exit()).isEqualTo(ExitCodes.INCORRECT_DATA_TYPE);
    assertThat(o.line())
        .startsWith("fleetcompat nightly " + D3 + ": 32776 Incorrect data type: ")
        .contains("compatibility_info")
        .endsWith("; nothing published, latest stays " + D2);
    assertThat(tree(root)).isEqualTo(before);
  }

  @Test
  void aCorruptPartFileFailsTheNightAndTouchesNothing() throws IOException {
    Path root = copyOfTwoNights();
    Map<String, String> before = tree(root);
    Path snapshot = work.resolve("corrupt");
    copyTree(NIGHT_ONE, snapshot);
    Files.writeString(snapshot.resolve("vm_vectors/part-00001.parquet"), "not parquet at all");
    Outcome o = nightly(snapshot, root, D3);
    assertThat(o.exit()).isNotZero();
    assertThat(o.line())
        .startsWith("fleetcompat nightly " + D3 + ": 32")
        .contains("part-00001.parquet")
        .endsWith("; nothing published, latest stays " + D2);
    assertThat(o.err()).startsWith("fleetcompat: error 32");
    assertThat(tree(root)).isEqualTo(before);
  }

  @Test
  void aSecondJobOnALockedRootFailsWithSystemInUse() throws IOException {
    Path root = copyOfTwoNights();
    Map<String, String> before = tree(root);
    try (DatedResults.Lock held = DatedResults.at(LocalStorage.INSTANCE, root.toString()).lock()) {
      Outcome o = nightly(NIGHT_ONE, root, D3);
      assertThat(o.exit()).isEqualTo(ExitCodes.FAILED);
      assertThat(o.line())
          .startsWith("fleetcompat nightly " + D3 + ": 32774 System is in use: Another")
          .endsWith("; nothing published, latest stays " + D2);
    }
    assertThat(tree(root)).isEqualTo(before);
  }

  @Test
  void keepBelowOneIsRefused() {
    Outcome o = nightly(NIGHT_ONE, copyOfTwoNights(), D3, "--keep", "0");
    assertThat(o.exit()).isEqualTo(ExitCodes.INVALID_PARAMETER);
    assertThat(o.line()).contains("--keep is 0: expected at least 1 night");
  }

  @Test
  void onAnObjectStoreLatestIsAMarkerAndAPublishedNightIsWrittenOnce() throws IOException {
    Path dir = work.resolve("bucket");
    String root = ObjectStoreTestFileSystem.uriOf(dir);
    Outcome o1 = nightly(NIGHT_ONE, root, D1);
    Outcome o2 = nightly(nightTwo, root, D2, "--keep", "1");
    assertThat(o1.exit()).as(o1.err()).isZero();
    assertThat(o2.exit()).as(o2.err()).isZero();
    assertThat(o2.line()).contains(" since " + D1).endsWith("; removed 1 night (" + D1 + ")");
    assertThat(Files.isSymbolicLink(dir.resolve(DatedResults.LATEST))).isFalse();
    assertThat(Files.readString(dir.resolve(DatedResults.LATEST))).isEqualTo("date=" + D2 + "\n");
    assertThat(dir.resolve("date=" + D2 + "/" + DatedResults.NIGHT_FILE)).isRegularFile();
    assertThat(nights(dir)).containsExactly("date=" + D2);

    Map<String, String> before = tree(dir);
    Outcome again = nightly(NIGHT_ONE, root, D2);
    assertThat(again.exit()).isEqualTo(ExitCodes.INVALID_PARAMETER);
    assertThat(again.line()).contains("is already published at").contains("delete it");
    assertThat(tree(dir)).isEqualTo(before);

    // What a night that failed after its directory appeared leaves (no nightly.json): cleared.
    Files.createDirectories(dir.resolve("date=" + D3 + "/vm_summary"));
    Outcome retry = nightly(NIGHT_ONE, root, D3);
    assertThat(retry.exit()).as(retry.err()).isZero();
    assertThat(Files.readString(dir.resolve(DatedResults.LATEST))).isEqualTo("date=" + D3 + "\n");
  }

  // ---------------------------------------------------------------------------------------------

  private Path copyOfTwoNights() {
    Path copy = work.resolve("root");
    copyTree(twoNights, copy);
    return copy;
  }

  private static JsonNode record(Path night) throws IOException {
    return JSON.readTree(night.resolve(DatedResults.NIGHT_FILE).toFile());
  }

  private static JsonNode manifest(Path night) throws IOException {
    return JSON.readTree(night.resolve("manifest.json").toFile());
  }

  private static List<String> nights(Path root) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("date="))
          .sorted()
          .toList();
    }
  }

  private static List<String> hidden(Path root) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
    }
  }

  /**
   * Every path under {@code root} (links not followed) with what it is: a link's target, a file's
   * size and modification time, or a directory.
   */
  private static Map<String, String> tree(Path root) {
    Map<String, String> t = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        BasicFileAttributes a =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String what =
            a.isSymbolicLink()
                ? "-> " + Files.readSymbolicLink(p)
                : a.isDirectory() ? "dir" : a.size() + " bytes, " + a.lastModifiedTime();
        t.put(root.relativize(p).toString(), what);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return t;
  }

  /** Copies a tree, symbolic links as links (the nights' links are relative). */
  private static void copyTree(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isSymbolicLink(p)) {
          Files.createSymbolicLink(target, Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeFooterOnly(Path file, String schema) throws IOException {
    Files.createDirectories(file.getParent());
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(MessageTypeParser.parseMessageType(schema))
            .build()) {
      // Only the footer matters.
    }
  }
}
