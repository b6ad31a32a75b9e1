package org.fleetcompat.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.io.VectorCatalogReader;
import org.fleetcompat.reference.SnapshotFileReader;
import org.fleetcompat.sample.SampleSnapshotGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's two nights: night 2 is what the generator derives from night 1, its expected drift
 * ({@code data-samples/cpu-fleet-night2/expected-drift}) is what the pair-by-pair reference
 * computes from the two snapshots, and the drift of the two results is that.
 *
 * <p>To rewrite the expected files after a deliberate change: {@code mvn -B -q test
 * -Dtest=DriftSampleTest -Dfleetcompat.writeExpectedDrift=true}, then review the diff.
 */
class DriftSampleTest {
  static final Path ROOT = Path.of(System.getProperty("basedir", "."));
  static final Path NIGHT1 = ROOT.resolve("data-samples/cpu-fleet");
  static final Path NIGHT2 = ROOT.resolve("data-samples/cpu-fleet-night2");
  static final Path EXPECTED = NIGHT2.resolve("expected-drift");
  static final String STALE =
      "data-samples/cpu-fleet-night2/expected-drift is stale: rewrite it with -Dtest=DriftSampleTest"
          + " -Dfleetcompat.writeExpectedDrift=true and review the diff";

  static VectorCatalog catalog;
  static DriftLines reference;

  @BeforeAll
  static void computeTheReference() throws IOException {
    catalog = VectorCatalogReader.read(ROOT.resolve("conf/vector-catalog.json"));
    reference =
        DriftReference.compute(SnapshotResults.read(NIGHT1), SnapshotResults.read(NIGHT2), catalog);
    if (Boolean.getBoolean("fleetcompat.writeExpectedDrift")) {
      reference.write(EXPECTED);
    }
  }

  @Test
  void expectedDriftIsWhatTheReferenceComputes() throws IOException {
    DriftLines committed = DriftLines.read(EXPECTED);
    for (String file : reference.files().keySet()) {
      assertThat(committed.files().get(file))
          .as(STALE + " (" + file + ")")
          .isEqualTo(reference.files().get(file));
    }
  }

  @Test
  void driftOfTheTwoResultsIsTheExpectedOne() throws IOException {
    Drift d =
        DriftCalculator.compute(
            SnapshotResults.of(NIGHT1, catalog).result("night1"),
            SnapshotResults.of(NIGHT2, catalog).result("night2"));
    DriftLines got = DriftLines.of(d);
    // What diff prints for the two nights, for README's walk-through.
    Path printed = ROOT.resolve("target/drift-sample/summary.txt");
    Files.createDirectories(printed.getParent());
    Files.write(printed, d.summary().lines(d));
    DriftLines expected = DriftLines.read(EXPECTED);
    for (String file : expected.files().keySet()) {
      assertThat(got.files().get(file)).as(file).isEqualTo(expected.files().get(file));
    }
  }

  @Test
  void theMicrocodeUpdateIsTheCostliestChangeAndNamedByItsBits() throws IOException {
    List<String> causes = Files.readAllLines(EXPECTED.resolve("causes.csv"));
    assertThat(causes.get(1))
        .startsWith(
            "HOST_VECTOR_CHANGED,cl-cooperlake-a,0x10000701,cpuid_features,BITS_LOST,0x810,,27,");
  }

  @Test
  void nightTwoIsWhatTheGeneratorWritesNow(@TempDir Path dir) throws IOException {
    SampleSnapshotGenerator.generateNightTwo(
        ROOT.resolve("data-samples/source/cpus"),
        dir,
        SampleSnapshotGenerator.DEFAULT_SEED,
        SampleSnapshotGenerator.DEFAULT_NIGHT_TWO_SEED);
    String stale =
        "data-samples/cpu-fleet-night2 is stale: rebuild it with SampleSnapshotGenerator"
            + " data-samples/source/cpus data-samples/cpu-fleet-night2 --night2";
    // What a reader sees, row by row (the footer's encoding lists are in no fixed order).
    assertThat(SnapshotFileReader.readHostVectors(NIGHT2))
        .as(stale)
        .isEqualTo(SnapshotFileReader.readHostVectors(dir));
    assertThat(SnapshotFileReader.readVmVectors(NIGHT2))
        .as(stale)
        .isEqualTo(SnapshotFileReader.readVmVectors(dir));
    assertThat(SnapshotFileReader.readHosts(NIGHT2))
        .as(stale)
        .isEqualTo(SnapshotFileReader.readHosts(dir));
    assertThat(SnapshotFileReader.readVms(NIGHT2))
        .as(stale)
        .isEqualTo(SnapshotFileReader.readVms(dir));
    assertThat(parquetFiles(NIGHT2)).as(stale).isEqualTo(parquetFiles(dir));
  }

  static List<String> parquetFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".parquet"))
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }
}
