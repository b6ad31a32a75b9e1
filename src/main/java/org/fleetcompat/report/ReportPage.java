package org.fleetcompat.report;

import static org.fleetcompat.report.Html.esc;
import static org.fleetcompat.report.Html.num;
import static org.fleetcompat.report.Html.pct;

import java.util.List;
import org.fleetcompat.drift.HeadlineFigures;
import org.fleetcompat.drift.ResultRows;

/**
 * Renders a {@link ReportModel} as one self-contained HTML page: inline CSS, inline SVG charts, a
 * few lines of inline script for sorting and filtering, nothing fetched from anywhere. The size is
 * bounded by the model's top-N lists, not by the fleet. Stateless.
 */
public final class ReportPage {
  private ReportPage() {}

  /** The page. */
  public static String render(ReportModel m) {
    StringBuilder s = new StringBuilder(64 * 1024);
    s.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">")
        .append("<title>fleetcompat report \u2013 ")
        .append(esc(m.snapshot()))
        .append("</title><style>")
        .append(ReportStyle.CSS)
        .append("</style></head><body>");
    header(s, m);
    s.append("<nav><a href=\"#headline\">Headline</a>");
    if (m.drift() != null) {
      s.append("<a href=\"#drift\">What changed</a>");
    }
    s.append("<a href=\"#feasibility\">Cluster to cluster</a><a href=\"#pools\">Pools</a>")
        .append("<a href=\"#blockers\">Blockers</a><a href=\"#stranded\">Stranded VMs</a>")
        .append("<a href=\"#undrainable\">Hosts that cannot be drained</a>");
    if (m.plans() != null) {
      s.append("<a href=\"#plans\">Drains and maintenance</a>");
    }
    s.append("</nav><main>");
    headline(s, m);
    if (m.drift() != null) {
      s.append(DriftHtml.render(m.drift(), m.previousDir()));
    } else if (m.driftUnavailable() != null) {
      s.append("<section id=\"drift\" data-unavailable=\"true\"><h2>What changed since the")
          .append(" previous result</h2><p class=\"lead\">Not shown: ")
          .append(esc(m.driftUnavailable()))
          .append("</p></section>");
    }
    feasibility(s, m);
    pools(s, m);
    blockers(s, m);
    stranded(s, m);
    undrainable(s, m);
    if (m.plans() != null) {
      s.append(PlanHtml.render(m.plans()));
    }
    s.append("</main><footer>Written by fleetcompat ")
        .append(esc(m.engineVersion()))
        .append(" from ")
        .append(esc(m.resultDir()))
        .append(". Figures are counted from the result's tables; the full lists are in vm_summary,")
        .append(" host_evacuation, blockers, pools, pool_edges, drain_plans, pool_headroom and")
        .append(" maintenance_order (and the drift_* tables of fleetcompat diff).</footer><script>")
        .append(ReportScript.JS)
        .append("</script></body></html>\n");
    return s.toString();
  }

  private static void header(StringBuilder s, ReportModel m) {
    boolean ok = m.statusCode() == 0;
    s.append("<header class=\"top\"><h1>Fleet compatibility: ")
        .append(esc(m.snapshot()))
        .append("</h1><div class=\"meta\">run started ")
        .append(esc(m.startedAt()))
        .append(" \u00b7 result <span class=\"mono\">")
        .append(esc(m.resultDir()))
        .append("</span> \u00b7 status <span id=\"run-status\" data-status-code=\"")
        .append(m.statusCode())
        .append("\" class=\"status ")
        .append(ok ? "ok" : "bad")
        .append("\">")
        .append(m.statusCode())
        .append(' ')
        .append(esc(m.status()))
        .append("</span>");
    if (m.whatIf()) {
      s.append(" \u00b7 <strong>what-if: running VMs evaluated as if shut down</strong>");
    }
    s.append("</div></header>");
  }

  private static void headline(StringBuilder s, ReportModel m) {
    HeadlineFigures f = m.figures();
    HeadlineFigures p = m.drift() == null ? null : m.drift().oldFigures();
    s.append("<section id=\"headline\"><h2>Headline</h2><div class=\"figures\">");
    figure(
        s,
        "fig-vms",
        "VMs",
        f.vms(),
        num(f.vms()),
        "evaluated",
        p == null ? null : f.vms() - p.vms(),
        0);
    figure(
        s,
        "fig-hosts",
        "Hosts",
        f.hosts(),
        num(f.hosts()),
        "evaluated",
        p == null ? null : f.hosts() - p.hosts(),
        0);
    figure(
        s,
        "fig-pools",
        "Pools",
        f.pools(),
        num(f.pools()),
        "hosts that accept the same VMs",
        p == null ? null : f.pools() - p.pools(),
        0);
    figure(
        s,
        "fig-compatible-share",
        "Compatible",
        f.compatiblePairs(),
        pct(f.compatibleShare()),
        num(f.compatiblePairs()) + " of " + num(f.allPairs()) + " VM-host pairs",
        p == null ? null : f.compatiblePairs() - p.compatiblePairs(),
        1);
    figure(
        s,
        "fig-stranded",
        "Stranded VMs",
        f.stranded(),
        num(f.stranded()),
        num(f.vmsWithNoHost()) + " fit no host at all",
        p == null ? null : f.stranded() - p.stranded(),
        -1);
    figure(
        s,
        "fig-drainable",
        "Drainable hosts",
        f.drainableHosts(),
        num(f.drainableHosts()),
        "of " + num(f.hostsRunningVms()) + " hosts running VMs",
        p == null ? null : f.drainableHosts() - p.drainableHosts(),
        1);
    figure(
        s,
        "fig-rejected",
        "Rejected rows",
        f.rejectedRows(),
        num(f.rejectedRows()),
        "quarantined input rows",
        p == null ? null : f.rejectedRows() - p.rejectedRows(),
        -1);
    s.append("</div></section>");
  }

  private static void figure(
      StringBuilder s,
      String id,
      String label,
      long value,
      String shown,
      String sub,
      Long change,
      int good) {
    s.append("<div class=\"figure\" id=\"")
        .append(id)
        .append("\" data-value=\"")
        .append(value)
        .append("\"><div class=\"label\">")
        .append(esc(label))
        .append("</div><div class=\"value\">")
        .append(esc(shown))
        .append("</div><div class=\"sub\">")
        .append(esc(sub))
        .append("</div>");
    if (change != null) {
      String cls =
          change == 0 || good == 0 ? "same" : (change > 0) == (good > 0) ? "better" : "worse";
      s.append("<div class=\"change ")
          .append(cls)
          .append("\">")
          .append(Html.delta(change))
          .append(" vs previous</div>");
    }
    s.append("</div>");
  }

  private static void feasibility(StringBuilder s, ReportModel m) {
    ClusterFeasibility f = m.feasibility();
    s.append("<section id=\"feasibility\" class=\"page\"><h2>Cluster-to-cluster migration")
        .append(
            " feasibility</h2><p class=\"lead\">Each row is a source cluster (where the VMs run")
        .append(" now), each column a target cluster: the share of the source's VMs that fit at")
        .append(" least one host of the target. Hover a cell for the counts.</p>");
    if (f.otherClusters() > 0) {
      s.append("<p class=\"note\">")
          .append(num(f.otherClusters()))
          .append(" smaller clusters are folded into ")
          .append(esc(ClusterFeasibility.OTHER))
          .append(".</p>");
    }
    s.append("<div class=\"chart\">").append(HeatmapSvg.render(f)).append("</div>");
    HtmlTable t =
        new HtmlTable("feasibility-table")
            .text("source cluster")
            .number("VMs")
            .number("fit no host");
    for (String target : f.targets()) {
      t.number("fit " + target);
    }
    for (int r = 0; r < f.sources().size(); r++) {
      t.row("data-source=\"" + esc(f.sources().get(r)) + "\"")
          .cell(f.sources().get(r))
          .cell(f.vmsPerSource()[r])
          .cell(f.fitNowhere()[r]);
      for (int c = 0; c < f.targets().size(); c++) {
        t.cell(f.fitting()[r][c]);
      }
    }
    s.append("<details><summary>The counts as a table</summary>")
        .append(t.render(f.sources().size(), ""))
        .append("</details></section>");
  }

  private static void pools(StringBuilder s, ReportModel m) {
    PoolDiagram d = m.pools();
    s.append("<section id=\"pools\" class=\"page\"><h2>Compatibility pools and their order</h2>")
        .append(
            "<p class=\"lead\">A pool is a set of hosts that accept exactly the same VMs. A line")
        .append(" goes down from a pool to each pool that accepts a strict subset of its VMs")
        .append(" (nothing in between): VMs can always move down a line. Grey pools neither")
        .append(" contain nor are contained in another.</p>");
    if (d.poolCount() > d.nodes().size()) {
      s.append("<p class=\"note\">The ")
          .append(d.nodes().size())
          .append(" largest of ")
          .append(num(d.poolCount()))
          .append(" pools are drawn; the pools table lists them all.</p>");
    }
    s.append("<div class=\"chart\">").append(PoolDiagramSvg.render(d)).append("</div>");
    HtmlTable t =
        new HtmlTable("pools-table")
            .number("pool")
            .text("first host")
            .number("hosts")
            .text("clusters (hosts)")
            .number("VMs accepted")
            .number("share of VMs");
    for (PoolDiagram.Node n : d.nodes()) {
      ResultRows.Pool p = n.pool();
      t.row("data-pool-id=\"" + p.poolId() + "\"")
          .cell((long) p.poolId())
          .mono(p.firstHostId())
          .cell(p.hostCount())
          .cell(n.hostClusters())
          .cell(p.vmCountAccepted())
          .cell(
              m.figures().vms() == 0 ? "" : pct((double) p.vmCountAccepted() / m.figures().vms()));
    }
    s.append(t.render(d.poolCount(), "pools")).append("</section>");
  }

  private static void blockers(StringBuilder s, ReportModel m) {
    s.append("<section id=\"blockers\"><h2>Top blockers</h2><p class=\"lead\">The vectors that")
        .append(" keep the most VM-host pairs apart. A pair failing on several vectors counts for")
        .append(
            " each; the darker bar counts the pairs where the vector is the only failure, which")
        .append(" fixing it would make compatible.</p>");
    if (m.topBlockers().isEmpty()) {
      s.append("<p>No vector blocks any pair: every VM fits every host.</p>");
    } else {
      s.append("<div class=\"chart\">")
          .append(BlockerChartSvg.render(m.topBlockers()))
          .append("</div>");
      if (m.blockerCount() > m.topBlockers().size()) {
        s.append("<p class=\"note\">")
            .append(m.topBlockers().size())
            .append(" of ")
            .append(num(m.blockerCount()))
            .append(" blockers shown; the blockers table lists them all.</p>");
      }
    }
    s.append("</section>");
  }

  private static void stranded(StringBuilder s, ReportModel m) {
    s.append("<section id=\"stranded\" class=\"page\"><h2>Stranded VMs</h2><p class=\"lead\">VMs")
        .append(" with no compatible host other than the one they run on: they cannot be moved")
        .append(" live, so their host cannot be drained.</p>");
    HtmlTable t =
        new HtmlTable("stranded-table")
            .text("VM")
            .text("state")
            .text("current host")
            .text("cluster")
            .number("compatible hosts")
            .text("current host accepts it");
    for (ReportModel.StrandedVm v : m.stranded()) {
      t.row("data-vm-id=\"" + esc(v.vmId()) + "\"")
          .mono(v.vmId())
          .cell(Html.state(v.enabledState()))
          .mono(v.currentHostId())
          .cell(v.cluster())
          .cell(v.compatibleHosts())
          .cell(Html.yesNo(v.currentHostOk(), "not evaluated"));
    }
    s.append(t.render(m.figures().stranded(), "vm_summary (stranded = true)")).append("</section>");
  }

  private static void undrainable(StringBuilder s, ReportModel m) {
    s.append("<section id=\"undrainable\"><h2>Hosts that cannot be drained</h2><p class=\"lead\">")
        .append("Hosts running a VM that has no other compatible host (one host at a time,")
        .append(" capacity not considered). The blocking VMs are the ones to reconfigure or plan")
        .append(" downtime for.</p>");
    HtmlTable t =
        new HtmlTable("undrainable-table")
            .text("host")
            .text("cluster")
            .number("pool")
            .number("VMs on it")
            .number("blocking VMs")
            .text("the VMs that block the drain");
    for (ResultRows.Evacuation e : m.undrainable()) {
      List<String> ids = e.blockingVmIds();
      String shown = String.join(", ", ids.subList(0, Math.min(12, ids.size())));
      if (ids.size() > 12) {
        shown += " and " + (ids.size() - 12) + " more";
      }
      t.row(
              "data-host-id=\""
                  + esc(e.hostId())
                  + "\" data-blocking=\""
                  + e.blockingVmCount()
                  + "\"")
          .mono(e.hostId())
          .cell(e.cluster())
          .cell((long) e.poolId())
          .cell(e.vmCount())
          .cell((long) e.blockingVmCount())
          .mono(shown);
    }
    s.append(t.render(m.figures().undrainableHosts(), "host_evacuation (evacuable = false)"))
        .append("</section>");
  }
}
