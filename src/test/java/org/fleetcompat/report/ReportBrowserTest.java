package org.fleetcompat.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.drift.ResultRows;
import org.fleetcompat.io.LocalStorage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report of the sample's second night (with the drift since the first), from the engine's
 * results of both nights (README's walk-through), in a real browser: headless Chromium from
 * Debian's package, driven by playwright-core. The page must load with no console or page error and
 * no request leaving the file; screenshots (laptop screen, full page, print media) and a PDF are
 * kept under {@code target/browser-test/}; the numbers read from the DOM must be the result tables'
 * numbers, counted here again from the tables.
 *
 * <p>Skipped, with a loud message, only where Chromium cannot be installed.
 */
class ReportBrowserTest {
  static final Path ROOT = Path.of(System.getProperty("basedir", "."));
  static final Path WORK = ROOT.resolve("target/browser-test");

  static ResultDirectory tonight;
  static ResultDirectory lastNight;
  static JsonNode page;
  static HeadlessChromium browser;

  @BeforeAll
  static void openTheReportInChromium() throws IOException {
    browser = new HeadlessChromium(WORK);
    if (browser.unavailable() != null) {
      String banner = "*".repeat(78);
      System.err.printf(
          "%n%s%n*** SKIPPING ReportBrowserTest: %s.%n*** The report was NOT checked in a"
              + " browser.%n%s%n%n",
          banner, browser.unavailable(), banner);
      Assumptions.abort("Chromium unavailable: " + browser.unavailable());
    }
    lastNight = SampleNights.night1();
    tonight = SampleNights.night2();
    Path report = WORK.resolve("report.html");
    ReportWriter.write(LocalStorage.INSTANCE, tonight, lastNight, report.toString());
    page = new ObjectMapper().readTree(browser.check(report, WORK));
  }

  @Test
  void loadsWithNoErrorAndFetchesNothing() {
    assertThat(page.get("consoleErrors")).isEmpty();
    assertThat(page.get("pageErrors")).isEmpty();
    assertThat(page.get("externalRequests")).isEmpty();
    assertThat(page.get("loadMillis").asLong()).isLessThan(5_000);
    assertThat(page.get("status").asText()).isEqualTo("0");
  }

  @Test
  void keepsScreenshotsAndAPdf() throws IOException {
    for (String f :
        List.of("report-laptop.png", "report-full.png", "report-print.png", "report.pdf")) {
      assertThat(Files.size(WORK.resolve(f))).as(f).isGreaterThan(10_000);
    }
  }

  @Test
  void headlineFiguresAreTheTables() {
    Map<String, Long> shown = new HashMap<>();
    page.get("figures").forEach(f -> shown.put(f.get("id").asText(), f.get("value").asLong()));
    long pairs = 0;
    long stranded = 0;
    for (ResultRows.Vm v : tonight.vms()) {
      pairs += v.compatibleHosts();
      stranded += v.stranded() ? 1 : 0;
    }
    long drainable =
        tonight.evacuation().stream()
            .filter(
                e -> e.vmCount() + e.unevaluatedVmCount() > 0 && Boolean.TRUE.equals(e.evacuable()))
            .count();
    assertThat(shown)
        .containsEntry("fig-vms", (long) tonight.vms().size())
        .containsEntry("fig-hosts", (long) tonight.hosts().size())
        .containsEntry("fig-pools", (long) tonight.pools().size())
        .containsEntry("fig-compatible-share", pairs)
        .containsEntry("fig-stranded", stranded)
        .containsEntry("fig-drainable", drainable)
        .containsEntry("fig-rejected", (long) tonight.rejected().size());
  }

  @Test
  void heatmapCellsCountTheVmsThatFitEachTargetCluster() {
    Map<String, String> clusterOf = new HashMap<>();
    Map<Integer, BitSet> hostsOfClass = new HashMap<>();
    List<ResultRows.Host> hosts = tonight.hosts();
    for (int i = 0; i < hosts.size(); i++) {
      clusterOf.put(hosts.get(i).hostId(), hosts.get(i).cluster());
      hostsOfClass.computeIfAbsent(hosts.get(i).hostClass(), k -> new BitSet()).set(i);
    }
    Map<String, long[]> expected = new TreeMap<>();
    for (ResultRows.Vm v : tonight.vms()) {
      String source =
          clusterOf.getOrDefault(String.valueOf(v.currentHostId()), ClusterFeasibility.UNPLACED);
      BitSet row = tonight.classMatrix().row(v.vmClass());
      java.util.Set<String> targets = new java.util.HashSet<>();
      for (int hc = row.nextSetBit(0); hc >= 0; hc = row.nextSetBit(hc + 1)) {
        BitSet members = hostsOfClass.get(hc);
        for (int i = members.nextSetBit(0); i >= 0; i = members.nextSetBit(i + 1)) {
          targets.add(hosts.get(i).cluster());
        }
      }
      for (String t : targets) {
        expected.computeIfAbsent(source + "->" + t, k -> new long[1])[0]++;
      }
    }
    assertThat(page.get("cells").size()).isEqualTo(9 * 8); // 8 clusters, plus "(host unknown)"
    for (JsonNode c : page.get("cells")) {
      String key = c.get("source").asText() + "->" + c.get("target").asText();
      assertThat(c.get("fit").asLong())
          .as(key)
          .isEqualTo(expected.getOrDefault(key, new long[1])[0]);
      assertThat(c.get("title").asText()).contains(" of ").contains("VMs fit at least one host");
    }
  }

  @Test
  void poolDiagramHasEveryPoolAndCoveringEdge() {
    assertThat(page.get("pools").size()).isEqualTo(tonight.pools().size());
    for (JsonNode p : page.get("pools")) {
      ResultRows.Pool pool =
          tonight.pools().stream()
              .filter(x -> x.poolId() == p.get("id").asInt())
              .findFirst()
              .orElseThrow();
      assertThat(p.get("hosts").asLong()).isEqualTo(pool.hostCount());
      assertThat(p.get("vms").asLong()).isEqualTo(pool.vmCountAccepted());
    }
    long covering = tonight.poolEdges().stream().filter(ResultRows.PoolEdge::covering).count();
    assertThat(page.get("edges").size()).isEqualTo(covering);
  }

  @Test
  void blockerChartIsTheTopOfTheBlockersTable() {
    long top =
        tonight.blockers().stream().mapToLong(ResultRows.Blocker::blockedPairs).max().orElse(0);
    JsonNode first = page.get("blockers").get(0);
    assertThat(first.get("blocked").asLong()).isEqualTo(top);
    assertThat(page.get("blockers").size())
        .isEqualTo(Math.min(ReportModel.TOP_BLOCKERS, tonight.blockers().size()));
    assertThat(first.get("label").asText()).isEqualTo("processor_vendor 0x1");
  }

  @Test
  void strandedAndUndrainableTablesAreTheTables() {
    long stranded = tonight.vms().stream().filter(ResultRows.Vm::stranded).count();
    assertThat(page.get("stranded").size()).isEqualTo(stranded);
    long undrainable =
        tonight.evacuation().stream().filter(e -> Boolean.FALSE.equals(e.evacuable())).count();
    assertThat(page.get("undrainable").size()).isEqualTo(undrainable);
    assertThat(page.get("filteredRows"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.asText()).isEqualTo(page.get("filterCluster").asText()));
  }

  @Test
  void driftNamesTheMicrocodeUpdateAndItsCostFirst() throws IOException {
    List<String> expected =
        Files.readAllLines(ROOT.resolve("data-samples/cpu-fleet-night2/expected-drift/causes.csv"));
    String[] top = expected.get(1).split(",");
    JsonNode first = page.get("causes").get(0);
    assertThat(first.get("kind").asText()).isEqualTo(top[0]);
    assertThat(first.get("pairsLost").asLong()).isEqualTo(Long.parseLong(top[9]));
    assertThat(first.get("vmsLost").asLong()).isEqualTo(Long.parseLong(top[8]));
    assertThat(first.get("text").asText())
        .contains("cpuid_features 0x10000701 lost 0x810 on 27 hosts of cl-cooperlake-a");
    Map<String, long[]> figures = new HashMap<>();
    page.get("driftFigures")
        .forEach(
            f ->
                figures.put(
                    f.get("figure").asText(),
                    new long[] {f.get("old").asLong(), f.get("now").asLong()}));
    assertThat(figures.get("vms")).containsExactly(lastNight.vms().size(), tonight.vms().size());
    assertThat(figures.get("hosts"))
        .containsExactly(lastNight.hosts().size(), tonight.hosts().size());
  }

  @Test
  void aMillionVmReportOpensWithoutErrors() throws IOException {
    Path dir = WORK.resolve("scale");
    Files.createDirectories(dir);
    Path report = dir.resolve("report.html");
    ReportWriter.write(
        LocalStorage.INSTANCE,
        ReportScaleTest.synthetic(1, 0),
        ReportScaleTest.synthetic(2, 7),
        report.toString());
    JsonNode big = new ObjectMapper().readTree(browser.check(report, dir));
    System.out.printf(
        "1M-VM report: %,d bytes, loaded in Chromium in %d ms%n",
        Files.size(report), big.get("loadMillis").asLong());
    assertThat(big.get("consoleErrors")).isEmpty();
    assertThat(big.get("pageErrors")).isEmpty();
    assertThat(big.get("cells").size()).isEqualTo(31 * 31);
  }

  @Test
  void headersSortTheirColumn() {
    JsonNode sorted = page.get("sortedHostsNow");
    assertThat(sorted).isNotNull();
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(sorted.get(i).asLong()).isGreaterThanOrEqualTo(sorted.get(i - 1).asLong());
    }
  }
}
