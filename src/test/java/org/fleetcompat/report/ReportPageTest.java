package org.fleetcompat.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.drift.DriftCalculatorTestFleet;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.drift.ResultManifest;
import org.fleetcompat.io.LocalStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report page of the hand-made two-night fleet: its figures, charts, tables and drift. */
class ReportPageTest {

  @Test
  void headlineFiguresAreTheTablesCounts() {
    String html =
        ReportPage.render(ReportModelBuilder.build(DriftCalculatorTestFleet.tonight(), null));

    assertThat(value(html, "fig-vms")).isEqualTo(5);
    assertThat(value(html, "fig-hosts")).isEqualTo(5);
    assertThat(html).contains("id=\"run-status\" data-status-code=\"0\"");
    assertThat(html).doesNotContain("id=\"drift\"");
  }

  @Test
  void heatmapCellsCountVmsOfTheSourceThatFitTheTarget() {
    String html =
        ReportPage.render(ReportModelBuilder.build(DriftCalculatorTestFleet.tonight(), null));
    // Tonight v1 and v3 (on cl-a hosts) need bit 0x800: only h3 of cl-a has it, no cl-b host does.
    assertThat(html)
        .containsPattern(
            "data-source=\"cl-a\" data-vms=\"2\">"
                + "<g class=\"cell\" data-target=\"cl-a\" data-fit=\"2\">.*?"
                + "<g class=\"cell\" data-target=\"cl-b\" data-fit=\"0\">")
        .containsPattern(
            "data-source=\"cl-b\" data-vms=\"3\">"
                + "<g class=\"cell\" data-target=\"cl-a\" data-fit=\"3\">");
  }

  @Test
  void drawsEveryPoolAndCoveringEdge() {
    String html =
        ReportPage.render(ReportModelBuilder.build(DriftCalculatorTestFleet.tonight(), null));
    assertThat(count(html, "<g class=\"pool\"")).isEqualTo(2);
    assertThat(html).contains("<line class=\"order\" data-super=\"1\" data-sub=\"0\"");
  }

  @Test
  void driftSectionNamesTheCauseAndItsCost() {
    String html =
        ReportPage.render(
            ReportModelBuilder.build(
                DriftCalculatorTestFleet.tonight(), DriftCalculatorTestFleet.lastNight()));
    assertThat(html).contains("id=\"drift\"");
    assertThat(html)
        .contains("cpuid_features 0x10000701 lost 0x800 on 2 hosts of cl-a: 2 VMs lost 4 pairs");
    assertThat(html).contains("data-figure=\"vms\" data-old=\"5\" data-new=\"5\"");
    assertThat(html).contains("fig-hosts").contains("since the previous result");
  }

  @Test
  void isSelfContained() {
    String html =
        ReportPage.render(
            ReportModelBuilder.build(
                DriftCalculatorTestFleet.tonight(), DriftCalculatorTestFleet.lastNight()));
    assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
    assertThat(html).doesNotContain("<link ").doesNotContain("@import");
  }

  @Test
  void writesTheFileWhole(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("report.html");
    long bytes =
        ReportWriter.write(
            LocalStorage.INSTANCE,
            DriftCalculatorTestFleet.tonight(),
            DriftCalculatorTestFleet.lastNight(),
            out.toString());
    assertThat(Files.size(out)).isEqualTo(bytes);
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).endsWith("</html>\n");
    assertThat(dir.resolve("report.html.tmp")).doesNotExist();
  }

  @Test
  void aFailedRunGetsNoReport() {
    String json =
        "{\"format_version\": 2, \"status_code\": 32773, \"status\": \"Invalid parameter\"}";
    assertThatThrownBy(
            () -> ResultDirectory.of("r", ResultManifest.parse("r/manifest.json", json), null))
        .isInstanceOfSatisfying(
            FleetcompatException.class,
            e -> assertThat(e.status()).isEqualTo(ReturnCode.INVALID_PARAMETER))
        .hasMessage(
            "Cannot report on r/manifest.json: its run ended with status 32773 (Invalid"
                + " parameter), so its tables are incomplete. Fix what the run reported and run it"
                + " again.");
  }

  @Test
  void aNewerFormatIsNotSupported() {
    String json = "{\"status_code\": 0, \"format_version\": 7}";
    assertThatThrownBy(() -> ResultManifest.parse("r/manifest.json", json))
        .isInstanceOfSatisfying(
            FleetcompatException.class,
            e -> assertThat(e.status()).isEqualTo(ReturnCode.NOT_SUPPORTED))
        .hasMessage(
            "Cannot read r/manifest.json: result format version 7, this fleetcompat reads version"
                + " 2. Use the fleetcompat version that wrote it, or run it again with this one.");
  }

  @Test
  void aResultOfTheOldFormatIsNotSupported() {
    // Before format 2 a manifest had no format_version, and no class vector tables.
    assertThatThrownBy(() -> ResultManifest.parse("r/manifest.json", "{\"status_code\": 0}"))
        .isInstanceOfSatisfying(
            FleetcompatException.class,
            e -> assertThat(e.status()).isEqualTo(ReturnCode.NOT_SUPPORTED))
        .hasMessage(
            "Cannot read r/manifest.json: result format version 1, this fleetcompat reads version"
                + " 2. Use the fleetcompat version that wrote it, or run it again with this one.");
  }

  @Test
  void theSupportedFormatIsTheOneRunWrites() {
    assertThat(ResultManifest.SUPPORTED_FORMAT_VERSION)
        .as("run writes another result format: check what report and drift read, then bump it")
        .isEqualTo(org.fleetcompat.io.Manifest.FORMAT_VERSION);
  }

  @Test
  void aDamagedManifestIsNamed() {
    assertThatThrownBy(() -> ResultManifest.parse("r/manifest.json", "{\"status_code\": 0,"))
        .isInstanceOfSatisfying(
            FleetcompatException.class,
            e -> assertThat(e.status()).isEqualTo(ReturnCode.INVALID_PARAMETER))
        .hasMessageStartingWith("Cannot read r/manifest.json: it is not valid JSON (")
        .hasMessageEndingWith(
            "); the result is damaged. Run 'fleetcompat run' again to rewrite it.");
  }

  static long value(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\" data-value=\"(\\d+)\"").matcher(html);
    assertThat(m.find()).as(id).isTrue();
    return Long.parseLong(m.group(1));
  }

  static int count(String html, String needle) {
    int n = 0;
    for (int at = html.indexOf(needle); at >= 0; at = html.indexOf(needle, at + 1)) {
      n++;
    }
    return n;
  }
}
