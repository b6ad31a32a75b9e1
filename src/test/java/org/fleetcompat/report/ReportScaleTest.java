package org.fleetcompat.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.fleetcompat.drift.Drift;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.drift.ResultFixture;
import org.fleetcompat.drift.ResultManifest;
import org.fleetcompat.io.ResultTable;
import org.junit.jupiter.api.Test;

/**
 * A result of a million VMs (made up, consistent enough for the report: 2,000 VM classes, 5,000
 * hosts in 50 clusters and 100 host classes, 20,000 stranded VMs): the page holds aggregates and
 * top-N lists, so it stays small. Prints how long the model, the page and the drift took (no timed
 * assertion: the machine is shared); keeps the page as {@code target/report-scale/report.html}.
 */
class ReportScaleTest {
  static final int VMS = 1_000_000;
  static final int VM_CLASSES = 2_000;
  static final int HOSTS = 5_000;
  static final int HOST_CLASSES = 100;
  static final int CLUSTERS = 50;

  @Test
  void aMillionVmReportStaysSmall() throws IOException {
    ResultDirectory tonight = synthetic(1, 0);
    ResultDirectory lastNight = synthetic(2, 7);
    long t0 = System.nanoTime();
    ReportModel model = ReportModelBuilder.build(tonight, lastNight);
    long t1 = System.nanoTime();
    String html = ReportPage.render(model);
    long t2 = System.nanoTime();
    Path out = Path.of(System.getProperty("basedir", "."), "target/report-scale/report.html");
    Files.createDirectories(out.getParent());
    Files.writeString(out, html, StandardCharsets.UTF_8);
    System.out.printf(
        Locale.ROOT,
        "1M-VM report: model (with drift) %.1f s, page %.2f s, %,d bytes%n",
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9,
        html.length());
    assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(1_500_000);
    assertThat(model.figures().vms()).isEqualTo(VMS);
    assertThat(model.stranded()).hasSize(ReportModel.MAX_ROWS);
    assertThat(model.feasibility().targets()).hasSize(ClusterFeasibility.MAX_CLUSTERS + 1);
    Drift d = model.drift();
    assertThat(d.causes()).isNotEmpty();
  }

  /** A made-up result; {@code shift} moves some VMs to other classes (a drift to report). */
  static ResultDirectory synthetic(long seed, int shift) {
    SplittableRandom rnd = new SplittableRandom(42);
    Map<ResultTable, List<Object[]>> t = new EnumMap<>(ResultTable.class);
    List<Object[]> hosts = new ArrayList<>();
    List<Object[]> evac = new ArrayList<>();
    for (int h = 0; h < HOSTS; h++) {
      int hc = h % HOST_CLASSES;
      String cluster = String.format(Locale.ROOT, "cl-%02d", h % CLUSTERS);
      String id = String.format(Locale.ROOT, "h-%05d", h);
      hosts.add(new Object[] {id, hc, hc / 4, cluster});
    }
    t.put(ResultTable.HOST_CLASSES, hosts);
    List<Object[]> matrix = new ArrayList<>();
    for (int v = 0; v < VM_CLASSES; v++) {
      for (int hc = 0; hc < HOST_CLASSES; hc++) {
        if (rnd.nextInt(3) == 0) {
          matrix.add(new Object[] {v, hc});
        }
      }
    }
    t.put(ResultTable.CLASS_MATRIX, matrix);
    List<Object[]> vms = new ArrayList<>(VMS);
    SplittableRandom r2 = new SplittableRandom(seed);
    for (int i = 0; i < VMS; i++) {
      int vc = i % VM_CLASSES;
      if (shift > 0 && i % 1000 == 0) {
        vc = (vc + shift) % VM_CLASSES;
      }
      boolean stranded = i % 50 == 0;
      vms.add(
          new Object[] {
            String.format(Locale.ROOT, "vm-%07d", i),
            vc,
            2,
            String.format(Locale.ROOT, "h-%05d", r2.nextInt(HOSTS)),
            stranded ? 1L : 100L,
            1,
            stranded ? 0L : 99L,
            true,
            stranded
          });
    }
    t.put(ResultTable.VM_SUMMARY, vms);
    for (int h = 0; h < HOSTS; h++) {
      boolean blocked = h % 7 == 0;
      evac.add(
          new Object[] {
            String.format(Locale.ROOT, "h-%05d", h),
            h % HOST_CLASSES,
            (h % HOST_CLASSES) / 4,
            String.format(Locale.ROOT, "cl-%02d", h % CLUSTERS),
            200L,
            blocked ? 3 : 0,
            blocked ? List.of("vm-0000000", "vm-0000050", "vm-0000100") : List.of(),
            0,
            List.of(),
            !blocked
          });
    }
    t.put(ResultTable.HOST_EVACUATION, evac);
    List<Object[]> pools = new ArrayList<>();
    List<Object[]> edges = new ArrayList<>();
    for (int p = 0; p < HOST_CLASSES / 4; p++) {
      pools.add(
          new Object[] {
            p,
            String.format(Locale.ROOT, "h-%05d", p * 4),
            200L,
            4,
            List.of(p * 4),
            List.of("cl-00"),
            (long) (VMS / (p + 2)),
            100,
            List.of()
          });
      if (p > 0) {
        edges.add(new Object[] {p - 1, p, true});
      }
    }
    t.put(ResultTable.POOLS, pools);
    t.put(ResultTable.POOL_EDGES, edges);
    List<Object[]> blockers = new ArrayList<>();
    for (int b = 0; b < 60; b++) {
      blockers.add(
          new Object[] {
            0x10000000L + b,
            "cpuid_features",
            2,
            "SubSet",
            "COMPARE_FAILED",
            1_000_000L * (60 - b),
            1000L * b
          });
    }
    t.put(ResultTable.BLOCKERS, blockers);
    t.put(ResultTable.REJECTED, List.of());
    List<Object[]> hv = new ArrayList<>();
    for (int hc = 0; hc < HOST_CLASSES; hc++) {
      for (int k = 0; k < 20; k++) {
        hv.add(new Object[] {hc, 0x10000000L + k, "cpuid_features", 2, (long) (hc * 31 + k), ""});
      }
    }
    List<Object[]> vv = new ArrayList<>();
    for (int vc = 0; vc < VM_CLASSES; vc++) {
      for (int k = 0; k < 20; k++) {
        vv.add(new Object[] {vc, 0x10000000L + k, "cpuid_features", 2, (long) (vc * 7 + k), ""});
      }
    }
    t.put(ResultTable.HOST_CLASS_VECTORS, hv);
    t.put(ResultTable.VM_CLASS_VECTORS, vv);
    String json =
        "{\"format_version\": 2, \"status_code\": 0, \"status\": \"Completed with No Error\", \"snapshot\": \"synthetic\"}";
    return ResultDirectory.of(
        "synthetic-" + seed,
        ResultManifest.parse("synthetic/manifest.json", json),
        ResultFixture.source(t));
  }
}
