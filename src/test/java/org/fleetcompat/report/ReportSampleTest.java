package org.fleetcompat.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.drift.SnapshotResults;
import org.fleetcompat.io.LocalStorage;
import org.fleetcompat.io.VectorCatalogReader;
import org.junit.jupiter.api.Test;

/** The report of the sample fleet, from the reference result of data-samples/cpu-fleet. */
class ReportSampleTest {
  static final Path ROOT = Path.of(System.getProperty("basedir", "."));
  static final Path OUT = ROOT.resolve("target/report-sample");

  static ResultDirectory night(String name) {
    return SnapshotResults.of(
            ROOT.resolve("data-samples/" + name),
            VectorCatalogReader.read(ROOT.resolve("conf/vector-catalog.json")))
        .result("data-samples/" + name);
  }

  @Test
  void sampleReportShowsTheREADMEFigures() throws IOException {
    Files.createDirectories(OUT);
    Path file = OUT.resolve("night1.html");
    ReportWriter.write(LocalStorage.INSTANCE, night("cpu-fleet"), null, file.toString());
    String html = Files.readString(file);
    // README: 2,998 VMs, 340 hosts, 12 pools, 340,047 pairs, 12 stranded, 325 drainable.
    assertThat(ReportPageTest.value(html, "fig-vms")).isEqualTo(2998);
    assertThat(ReportPageTest.value(html, "fig-hosts")).isEqualTo(340);
    assertThat(ReportPageTest.value(html, "fig-pools")).isEqualTo(12);
    assertThat(ReportPageTest.value(html, "fig-compatible-share")).isEqualTo(340_047);
    assertThat(ReportPageTest.value(html, "fig-stranded")).isEqualTo(12);
    assertThat(ReportPageTest.value(html, "fig-drainable")).isEqualTo(325);
    assertThat(ReportPageTest.value(html, "fig-rejected")).isEqualTo(31);
    assertThat(Files.size(file)).isLessThan(400_000);
  }

  @Test
  void theEnginesResultsGiveTheExpectedDrift() throws IOException {
    org.fleetcompat.drift.DriftLinesCheck.assertExpected(
        org.fleetcompat.drift.DriftCalculator.compute(SampleNights.night1(), SampleNights.night2()),
        ROOT.resolve("data-samples/cpu-fleet-night2/expected-drift"));
  }

  @Test
  void engineAndReferenceResultsGiveTheSamePage() {
    ReportModel engine = ReportModelBuilder.build(SampleNights.night2(), null);
    ReportModel reference = ReportModelBuilder.build(night("cpu-fleet-night2"), null);
    assertThat(engine.figures()).isEqualTo(reference.figures());
    assertThat(engine.feasibility().sources()).isEqualTo(reference.feasibility().sources());
    assertThat(engine.feasibility().fitting()).isDeepEqualTo(reference.feasibility().fitting());
    assertThat(engine.topBlockers()).isEqualTo(reference.topBlockers());
  }
}
