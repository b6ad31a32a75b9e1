package org.fleetcompat.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.drift.DriftCalculatorTestFleet;
import org.fleetcompat.drift.DriftJob;
import org.fleetcompat.drift.DriftTable;
import org.fleetcompat.drift.DriftTableRows;
import org.fleetcompat.drift.ResultFiles;
import org.fleetcompat.io.LocalStorage;
import org.fleetcompat.io.ResultTable;
import org.fleetcompat.io.TableFileReader;
import org.fleetcompat.io.TableFileWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report and diff on result directories of real Parquet files (written with io's writer, read
 * with its reader), and what they say about a damaged, partial or foreign result: one line naming
 * it, status 32773 or 32770, and no output file.
 */
class ReportFilesTest {
  @TempDir Path tmp;

  Path night1() throws IOException {
    return ResultFiles.write(DriftCalculatorTestFleet.lastNightFixture(), tmp.resolve("night1"));
  }

  Path night2() throws IOException {
    return ResultFiles.write(DriftCalculatorTestFleet.tonightFixture(), tmp.resolve("night2"));
  }

  @Test
  void reportOfResultFilesHasTheDrift() throws IOException {
    Path out = tmp.resolve("morning.html");
    ReportWriter.write(
        LocalStorage.INSTANCE, night2().toString(), night1().toString(), out.toString());
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(ReportPageTest.value(html, "fig-vms")).isEqualTo(5);
    assertThat(html)
        .contains("cpuid_features 0x10000701 lost 0x800 on 2 hosts of cl-a: 2 VMs lost 4 pairs");
  }

  @Test
  void diffWritesEveryDriftTableAndItsSummary() throws IOException {
    Path out = tmp.resolve("drift");
    DriftJob.Result r = DriftJob.run(night1().toString(), night2().toString(), out.toString());
    for (DriftTable t : DriftTable.values()) {
      List<Object[]> back =
          TableFileReader.readAll(
              LocalStorage.INSTANCE,
              out.resolve(t.tableName()).toString(),
              t.tableName(),
              t.columns());
      assertThat(deep(back)).as(t.tableName()).isEqualTo(deep(DriftTableRows.of(t, r.drift())));
      assertThat(r.rowsWritten().get(t)).isEqualTo(back.size());
    }
    JsonNode summary = new ObjectMapper().readTree(out.resolve(DriftTable.SUMMARY_FILE).toFile());
    assertThat(summary.path("counts").path("hosts_added").asLong()).isEqualTo(1);
    assertThat(summary.path("figures").path("vms").path("new").asLong()).isEqualTo(5);
    assertThat(summary.path("top_causes").get(0).asText()).startsWith("cpuid_features 0x10000701");
  }

  @Test
  void aPartialResultIsNamedAndNothingIsWritten() throws IOException {
    Path n2 = night2();
    deleteTree(n2.resolve("vm_summary"));
    Path out = tmp.resolve("r.html");
    assertFails(
        () -> ReportWriter.write(LocalStorage.INSTANCE, n2.toString(), null, out.toString()),
        ReturnCode.INVALID_PARAMETER,
        "Cannot read result "
            + n2
            + ": table vm_summary is missing, so the result is partial."
            + " Run 'fleetcompat run' again into a fresh --out.");
    assertThat(out).doesNotExist();
  }

  @Test
  void aDirectoryWithoutManifestIsNotAResult() throws IOException {
    Path n1 = night1();
    Path n2 = night2();
    Files.delete(n2.resolve("manifest.json"));
    assertFails(
        () -> DriftJob.run(n1.toString(), n2.toString(), null),
        ReturnCode.INVALID_PARAMETER,
        "Cannot read result "
            + n2
            + ": it has no manifest.json, so it is not a result directory"
            + " or its run did not finish. Pass the --out directory of a finished 'fleetcompat run'.");
  }

  @Test
  void aTruncatedTableIsDamaged() throws IOException {
    Path n2 = night2();
    Path part = n2.resolve("host_classes/part-00000.parquet");
    byte[] bytes = Files.readAllBytes(part);
    Files.write(part, Arrays.copyOf(bytes, bytes.length / 2));
    Path out = tmp.resolve("r.html");
    assertThatThrownBy(
            () -> ReportWriter.write(LocalStorage.INSTANCE, n2.toString(), null, out.toString()))
        .isInstanceOfSatisfying(
            FleetcompatException.class,
            e -> assertThat(e.status()).isEqualTo(ReturnCode.INVALID_PARAMETER))
        .hasMessageContaining("host_classes")
        .hasMessageContaining(part.toString());
    assertThat(out).doesNotExist();
  }

  @Test
  void aRowCountOtherThanTheManifestsIsDamaged() throws IOException {
    Path n2 = night2();
    TableFileWriter.write(
        LocalStorage.INSTANCE,
        n2.resolve("pools/part-00000.parquet").toString(),
        "pools",
        ResultTable.POOLS.columns(false),
        List.of());
    assertFails(
        () ->
            ReportWriter.write(
                LocalStorage.INSTANCE, n2.toString(), null, tmp.resolve("r.html").toString()),
        ReturnCode.INVALID_PARAMETER,
        "Cannot read table pools of result "
            + n2
            + ": manifest.json says 2 rows, the files hold 0;"
            + " the result is damaged. Run 'fleetcompat run' again into a fresh --out.");
  }

  @Test
  void aNewerFormatVersionIsNotSupported() throws IOException {
    Path n2 = night2();
    Path m = n2.resolve("manifest.json");
    Files.writeString(
        m, Files.readString(m).replace("\"format_version\": 2", "\"format_version\": 3"));
    assertFails(
        () ->
            ReportWriter.write(
                LocalStorage.INSTANCE, n2.toString(), null, tmp.resolve("r.html").toString()),
        ReturnCode.NOT_SUPPORTED,
        "Cannot read "
            + m
            + ": result format version 3, this fleetcompat reads version 2. Use"
            + " the fleetcompat version that wrote it, or run it again with this one.");
  }

  @Test
  void anOlderRejectedTableIsNamedWithItsMissingColumn() throws IOException {
    Path n2 = night2();
    // Before source_table/source_row/source_file, rejected said table/row/file.
    List<org.fleetcompat.io.ResultColumn> old = new ArrayList<>();
    for (org.fleetcompat.io.ResultColumn c : ResultTable.REJECTED.columns()) {
      old.add(
          new org.fleetcompat.io.ResultColumn(
              c.name().replace("source_", ""), c.type(), c.nullable(), c.presence(), c.doc()));
    }
    deleteTree(n2.resolve("rejected"));
    TableFileWriter.write(
        LocalStorage.INSTANCE,
        n2.resolve("rejected/part-00000.parquet").toString(),
        "rejected",
        old,
        List.<Object[]>of(
            new Object[] {"host_vectors", "h5", "CONFLICTING_DUPLICATE", "m", "r", "f"}));
    assertThatThrownBy(
            () ->
                ReportWriter.write(
                    LocalStorage.INSTANCE, n2.toString(), null, tmp.resolve("r.html").toString()))
        .isInstanceOfSatisfying(
            FleetcompatException.class,
            e ->
                assertThat(e.status()).isIn(ReturnCode.INVALID_PARAMETER, ReturnCode.NOT_SUPPORTED))
        .hasMessageContaining("rejected")
        .hasMessageContaining("has no column source_table");
  }

  @Test
  void resultsOfDifferentFleetsAreRefused() throws IOException {
    Path other =
        ResultFiles.write(
            new org.fleetcompat.drift.ResultFixture()
                .host("x1", "cl-x", DriftCalculatorTestFleet.host(0xff, 0x900))
                .vm("w1", 2, "x1", DriftCalculatorTestFleet.vm(0x1, 0x900)),
            tmp.resolve("other"));
    Path out = tmp.resolve("drift");
    Path n1 = night1();
    assertThatThrownBy(() -> DriftJob.run(n1.toString(), other.toString(), out.toString()))
        .isInstanceOfSatisfying(
            FleetcompatException.class,
            e -> assertThat(e.status()).isEqualTo(ReturnCode.INVALID_PARAMETER))
        .hasMessageContaining("they share 0 of their 6 and 1 hosts");
    assertThat(out).doesNotExist();
  }

  @Test
  void theNightlyReportSaysWhyItHasNoDriftInsteadOfFailing() throws IOException {
    Path n1 = night1();
    Path m = n1.resolve("manifest.json");
    Files.writeString(m, Files.readString(m).replace("\"format_version\": 2, ", ""));
    Path out = tmp.resolve("report.html");
    ReportWriter.writeNightly(
        LocalStorage.INSTANCE, night2().toString(), n1.toString(), out.toString());
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(html)
        .contains("<section id=\"drift\" data-unavailable=\"true\">")
        .contains(
            "Not shown: Cannot read "
                + m
                + ": result format version 1, this fleetcompat"
                + " reads version 2.");
    assertThat(ReportPageTest.value(html, "fig-vms")).isEqualTo(5);
  }

  private static void assertFails(Runnable r, ReturnCode status, String message) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            FleetcompatException.class, e -> assertThat(e.status()).isEqualTo(status))
        .hasMessage(message);
  }

  private static List<List<Object>> deep(List<Object[]> rows) {
    List<List<Object>> out = new ArrayList<>();
    rows.forEach(r -> out.add(Arrays.asList(r)));
    return out;
  }

  private static void deleteTree(Path p) throws IOException {
    LocalStorage.INSTANCE.delete(p.toString());
  }
}
