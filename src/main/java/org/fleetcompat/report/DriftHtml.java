package org.fleetcompat.report;

import static org.fleetcompat.report.Html.delta;
import static org.fleetcompat.report.Html.esc;
import static org.fleetcompat.report.Html.num;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fleetcompat.core.Hex;
import org.fleetcompat.drift.Drift;
import org.fleetcompat.drift.DriftCause;
import org.fleetcompat.drift.DriftSummary;
import org.fleetcompat.drift.HeadlineFigures;
import org.fleetcompat.drift.HostDrift;
import org.fleetcompat.drift.PoolDrift;
import org.fleetcompat.drift.VmDrift;

/**
 * The report's section "what changed since the previous result, and why": the headline figures of
 * both, the changes ranked by what they cost, and tables of the VMs, hosts, pools and blockers that
 * changed (the {@code drift_*} tables of {@code fleetcompat diff}, top rows only).
 */
final class DriftHtml {
  /** The most causes listed. */
  static final int TOP_CAUSES = 10;

  /** The most VMs listed: the ones that lost the most hosts. */
  static final int TOP_VMS = 200;

  private DriftHtml() {}

  static String render(Drift d, String previousDir) {
    DriftSummary sum = d.summary();
    StringBuilder s = new StringBuilder();
    s.append("<section id=\"drift\" data-causes=\"")
        .append(d.causes().size())
        .append("\"><h2>What changed since the previous result, and why</h2>");
    s.append("<p class=\"lead\">Compared with <span class=\"mono\">")
        .append(esc(previousDir))
        .append("</span> (snapshot <span class=\"mono\">")
        .append(esc(d.oldSnapshot()))
        .append("</span>). Pools are matched by their hosts, not their numbers.</p>");
    s.append("<h3>The changes, costliest first</h3><ol class=\"causes\" id=\"drift-causes\">");
    List<DriftCause> causes = d.causes();
    int shown = 0;
    for (DriftCause c : causes) {
      if (shown == TOP_CAUSES) {
        break;
      }
      shown++;
      s.append("<li class=\"cause\" data-kind=\"")
          .append(c.kind())
          .append("\" data-vector-id=\"")
          .append(c.vectorId() == null ? "" : Integer.toUnsignedLong(c.vectorId()))
          .append("\" data-pairs-lost=\"")
          .append(c.pairsLost())
          .append("\" data-vms-lost=\"")
          .append(c.vmsLost())
          .append("\" data-pairs-gained=\"")
          .append(c.pairsGained())
          .append("\">");
      if (c.pairsLost() > 0) {
        s.append("<span class=\"pill lost\">\u2212")
            .append(num(c.pairsLost()))
            .append(" pairs</span>");
      }
      if (c.pairsGained() > 0) {
        s.append("<span class=\"pill gained\">+")
            .append(num(c.pairsGained()))
            .append(" pairs</span>");
      }
      s.append(esc(c.description())).append("</li>");
    }
    s.append("</ol>");
    if (causes.size() > shown) {
      s.append("<p class=\"note\">")
          .append(num(causes.size() - shown))
          .append(" more changes in drift_causes (fleetcompat diff).</p>");
    }

    s.append("<div class=\"two\"><div>");
    s.append(figures(d.oldFigures(), d.newFigures()));
    s.append("</div><div><h3>In numbers</h3><ul class=\"causes\" id=\"drift-counts\">");
    li(
        s,
        "vms",
        String.format(
            java.util.Locale.ROOT,
            "VMs: %s appeared, %s vanished, %s quarantined, %s reconfigured, %s moved",
            num(sum.count("vms_appeared")),
            num(sum.count("vms_vanished")),
            num(sum.count("vms_quarantined")),
            num(sum.count("vms_reconfigured_any")),
            num(sum.count("vms_moved_any"))));
    li(
        s,
        "fit",
        String.format(
            java.util.Locale.ROOT,
            "%s VMs lost %s VM-host pairs, %s gained %s; %s newly stranded, %s no longer",
            num(sum.count("vms_that_lost_hosts")),
            num(sum.count("pairs_lost")),
            num(sum.count("vms_that_gained_hosts")),
            num(sum.count("pairs_gained")),
            num(sum.count("vms_became_stranded")),
            num(sum.count("vms_no_longer_stranded"))));
    li(
        s,
        "hosts",
        String.format(
            java.util.Locale.ROOT,
            "Hosts: %s added, %s retired, %s quarantined, %s with changed vectors, %s can no longer be drained",
            num(sum.count("hosts_added")),
            num(sum.count("hosts_retired")),
            num(sum.count("hosts_quarantined")),
            num(sum.count("hosts_vectors_changed")),
            num(sum.count("hosts_became_undrainable"))));
    li(
        s,
        "pools",
        String.format(
            java.util.Locale.ROOT,
            "Pools: %s split, %s merged, %s appeared, %s vanished",
            num(sum.count("pools_split")),
            num(sum.count("pools_merged")),
            num(sum.count("pools_appeared")),
            num(sum.count("pools_vanished"))));
    li(
        s,
        "blockers",
        String.format(
            java.util.Locale.ROOT,
            "Blockers: %s new, %s vanished, %s grew, %s shrank",
            num(sum.count("blockers_new")),
            num(sum.count("blockers_vanished")),
            num(sum.count("blockers_grew")),
            num(sum.count("blockers_shrank"))));
    s.append("</ul></div></div>");

    s.append(vmTable(d));
    s.append(hostTable(d));
    s.append(poolTable(d));
    s.append(blockerTable(d));
    return s.append("</section>").toString();
  }

  private static void li(StringBuilder s, String key, String text) {
    s.append("<li data-count=\"").append(key).append("\">").append(esc(text)).append("</li>");
  }

  private static String figures(HeadlineFigures o, HeadlineFigures n) {
    StringBuilder s = new StringBuilder("<h3>Headline figures</h3>");
    s.append(
            "<table id=\"drift-figures\"><thead><tr><th>figure</th><th class=\"num\">previous</th>")
        .append("<th class=\"num\">now</th><th class=\"num\">change</th></tr></thead><tbody>");
    row(s, "vms", "VMs", o.vms(), n.vms(), 0);
    row(s, "hosts", "hosts", o.hosts(), n.hosts(), 0);
    row(s, "pools", "pools", o.pools(), n.pools(), 0);
    row(s, "compatible_pairs", "compatible pairs", o.compatiblePairs(), n.compatiblePairs(), 1);
    row(s, "stranded", "stranded VMs", o.stranded(), n.stranded(), -1);
    row(s, "drainable", "drainable hosts", o.drainableHosts(), n.drainableHosts(), 1);
    row(s, "rejected", "rejected rows", o.rejectedRows(), n.rejectedRows(), -1);
    return s.append("</tbody></table>").toString();
  }

  /** {@code good}: +1 when more is better, -1 when less is, 0 when neither. */
  private static void row(StringBuilder s, String key, String label, long o, long n, int good) {
    long d = n - o;
    String cls = d == 0 || good == 0 ? "same" : (d > 0) == (good > 0) ? "better" : "worse";
    s.append("<tr data-figure=\"")
        .append(key)
        .append("\" data-old=\"")
        .append(o)
        .append("\" data-new=\"")
        .append(n)
        .append("\"><td>")
        .append(label)
        .append("</td><td class=\"num\">")
        .append(num(o))
        .append("</td><td class=\"num\">")
        .append(num(n))
        .append("</td><td class=\"num ")
        .append(cls)
        .append("\">")
        .append(delta(d))
        .append("</td></tr>");
  }

  private static String vmTable(Drift d) {
    List<VmDrift> vms = new ArrayList<>(d.vms());
    vms.sort(
        Comparator.comparingLong(
                (VmDrift v) -> -(v.hostsLost() + (v.becameStranded() ? 1_000_000 : 0)))
            .thenComparingLong(v -> -v.hostsGained())
            .thenComparing(VmDrift::vmId));
    HtmlTable t =
        new HtmlTable("drift-vms-table")
            .text("VM")
            .text("change")
            .number("hosts before")
            .number("hosts now")
            .number("lost")
            .number("gained")
            .text("stranded")
            .text("why");
    int n = 0;
    for (VmDrift v : vms) {
      if (n++ == TOP_VMS) {
        break;
      }
      t.row("data-vm-id=\"" + esc(v.vmId()) + "\" data-hosts-lost=\"" + v.hostsLost() + "\"")
          .mono(v.vmId())
          .cell(v.change().name())
          .cell(v.oldCompatibleHosts() == null ? "" : num(v.oldCompatibleHosts()))
          .cell(v.newCompatibleHosts() == null ? "" : num(v.newCompatibleHosts()))
          .cell(v.hostsLost())
          .cell(v.hostsGained())
          .cell(stranded(v))
          .cell(v.causeDetail());
    }
    return "<h3>VMs that changed</h3>" + t.render(d.vms().size(), "drift_vms");
  }

  private static String stranded(VmDrift v) {
    if (v.becameStranded()) {
      return "newly stranded";
    }
    if (v.noLongerStranded()) {
      return "no longer stranded";
    }
    Boolean now = v.newStranded() != null ? v.newStranded() : v.oldStranded();
    return Html.yesNo(now, "");
  }

  private static String hostTable(Drift d) {
    HtmlTable t =
        new HtmlTable("drift-hosts-table")
            .text("host")
            .text("change")
            .text("cluster")
            .text("vectors that changed")
            .text("drainable before \u2192 now");
    int n = 0;
    for (HostDrift h : d.hosts()) {
      if (n++ == ReportModel.MAX_ROWS) {
        break;
      }
      String cluster =
          h.newCluster() != null ? h.newCluster() : h.oldCluster() == null ? "" : h.oldCluster();
      String what =
          h.change() == HostDrift.Change.QUARANTINED
              ? "quarantined: " + h.quarantineReason()
              : h.vectorChanges();
      t.row("data-host-id=\"" + esc(h.hostId()) + "\"")
          .mono(h.hostId())
          .cell(h.change().name())
          .cell(cluster)
          .cell(what)
          .cell(
              Html.yesNo(h.oldEvacuable(), "\u2013")
                  + " \u2192 "
                  + Html.yesNo(h.newEvacuable(), "\u2013"));
    }
    return "<h3>Hosts that changed</h3>" + t.render(d.hosts().size(), "drift_hosts");
  }

  private static String poolTable(Drift d) {
    HtmlTable t =
        new HtmlTable("drift-pools-table")
            .text("change")
            .text("pool before")
            .text("pool now")
            .number("hosts before")
            .number("hosts now")
            .number("shared hosts")
            .number("VMs accepted before")
            .number("VMs accepted now")
            .text("clusters");
    long shown = 0;
    for (PoolDrift p : d.pools()) {
      if (p.change() == PoolDrift.Change.UNCHANGED) {
        continue;
      }
      shown++;
      t.row("data-change=\"" + p.change() + "\"")
          .cell(p.change().name())
          .cell(
              p.oldPoolId() == null
                  ? ""
                  : "pool " + p.oldPoolId() + " (" + p.oldFirstHostId() + ")")
          .cell(
              p.newPoolId() == null
                  ? ""
                  : "pool " + p.newPoolId() + " (" + p.newFirstHostId() + ")")
          .cell(p.oldHostCount())
          .cell(p.newHostCount())
          .cell(p.sharedHosts())
          .cell(p.oldVmCountAccepted())
          .cell(p.newVmCountAccepted())
          .cell(String.join(", ", p.newClusters().isEmpty() ? p.oldClusters() : p.newClusters()));
    }
    return "<h3>Pools that changed</h3><p class=\"note\">A pool is named by its number and its"
        + " smallest host; unchanged pools are left out.</p>"
        + t.render(shown, "drift_pools");
  }

  private static String blockerTable(Drift d) {
    HtmlTable t =
        new HtmlTable("drift-blockers-table")
            .text("change")
            .text("vector")
            .text("operation \u00b7 reason")
            .number("pairs blocked before")
            .number("now")
            .number("alone before")
            .number("alone now");
    d.blockers()
        .forEach(
            b ->
                t.row("data-vector-id=\"" + b.vectorId() + "\"")
                    .cell(b.change().name())
                    .cell(
                        (b.name().isEmpty() ? "" : b.name() + " ")
                            + Hex.vectorId((int) b.vectorId()))
                    .cell(b.operation() + " \u00b7 " + b.reason())
                    .cell(b.oldBlockedPairs())
                    .cell(b.newBlockedPairs())
                    .cell(b.oldSoleBlockerPairs())
                    .cell(b.newSoleBlockerPairs()));
    return "<h3>Blockers that changed</h3>" + t.render(d.blockers().size(), "drift_blockers");
  }
}
