package org.fleetcompat.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.io.LocalStorage;
import org.fleetcompat.io.ResultTable;
import org.fleetcompat.io.TableFileReader;
import org.junit.jupiter.api.Test;

/**
 * The report's "Drains and maintenance" section against the plan tables of the engine's sample
 * result, read straight from their Parquet files; and no such section for a result without them.
 */
class ReportPlansTest {

  private static List<Object[]> table(ResultDirectory r, ResultTable t) {
    return TableFileReader.readAll(
        LocalStorage.INSTANCE, Path.of(r.dir()).resolve(t.tableName()).toString(), t, false);
  }

  @Test
  void thePlanSectionShowsWhatThePlanTablesHold() {
    ResultDirectory result = SampleNights.night1();
    String html = ReportPage.render(ReportModelBuilder.build(result, null));

    // drain_plans: host_id, vm_id, target_host_id, reason, solver.
    Map<String, Boolean> hostAllPlaced = new HashMap<>();
    Map<String, Long> unplaced = new TreeMap<>();
    for (Object[] r : table(result, ResultTable.DRAIN_PLANS)) {
      hostAllPlaced.merge((String) r[0], r[2] != null, Boolean::logicalAnd);
      if (r[2] == null) {
        unplaced.merge((String) r[3], 1L, Long::sum);
      }
    }
    Matcher d =
        Pattern.compile("id=\"plan-drainable\" data-drainable=\"(\\d+)\" data-hosts=\"(\\d+)\"")
            .matcher(html);
    assertThat(d.find()).isTrue();
    assertThat(Long.parseLong(d.group(1)))
        .isEqualTo(hostAllPlaced.values().stream().filter(b -> b).count());
    assertThat(Long.parseLong(d.group(2))).isEqualTo(hostAllPlaced.size()).isPositive();
    unplaced.forEach(
        (reason, n) ->
            assertThat(html).contains("data-reason=\"" + reason + "\">" + reason + "</span> " + n));

    // pool_headroom: one row per pool, with its failures tolerated.
    List<Object[]> headroom = table(result, ResultTable.POOL_HEADROOM);
    assertThat(headroom).hasSize(12);
    for (Object[] r : headroom) {
      assertThat(html).contains("data-pool-id=\"" + r[0] + "\" data-tolerated=\"" + r[2] + "\"");
    }

    // maintenance_order: one row per cluster, complete unless a host of it is not drained.
    Map<String, Boolean> complete = new TreeMap<>();
    for (Object[] r : table(result, ResultTable.MAINTENANCE_ORDER)) {
      complete.merge((String) r[0], (Boolean) r[3], Boolean::logicalAnd);
    }
    assertThat(complete).hasSize(8);
    complete.forEach(
        (cluster, done) ->
            assertThat(html).contains("data-cluster=\"" + cluster + "\" data-complete=\"" + done));
    assertThat(complete).containsValue(false);
    assertThat(html).contains("<a href=\"#plans\">");
  }

  @Test
  void aResultWithoutPlanTablesHasNoPlanSection() {
    ResultDirectory reference = ReportSampleTest.night("cpu-fleet");
    assertThat(reference.hasPlans()).isFalse();
    ReportModel m = ReportModelBuilder.build(reference, null);
    assertThat(m.plans()).isNull();
    assertThat(ReportPage.render(m)).doesNotContain("id=\"plans\"").doesNotContain("#plans");
  }
}
