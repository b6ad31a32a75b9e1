package org.fleetcompat.report;

import static org.fleetcompat.report.Html.esc;
import static org.fleetcompat.report.Html.num;

import java.util.Map;
import org.fleetcompat.drift.ResultRows;

/**
 * The report's "Drains and maintenance" section from a {@link PlanSummary}: how many hosts can be
 * drained alone with room for their VMs and why VMs cannot move, each pool's headroom (N+1, N+2),
 * and each cluster's rolling maintenance order, stuck clusters first. Stateless.
 */
final class PlanHtml {
  private PlanHtml() {}

  static String render(PlanSummary p) {
    StringBuilder s = new StringBuilder();
    s.append("<section id=\"plans\"><h2>Drains and maintenance</h2><p class=\"lead\">")
        .append("Planned with the capacity columns where the snapshot has them: each host drained")
        .append(" alone onto compatible hosts with room, each pool's largest hosts failing")
        .append(" together, and each cluster patched one host at a time.</p>")
        .append("<p id=\"plan-drainable\" data-drainable=\"")
        .append(p.hostsDrainable())
        .append("\" data-hosts=\"")
        .append(p.hostsWithVms())
        .append("\"><strong>")
        .append(num(p.hostsDrainable()))
        .append(" of ")
        .append(num(p.hostsWithVms()))
        .append("</strong> hosts running VMs can be drained alone with a planned target for every")
        .append(" VM");
    long unplaced = p.unplacedByReason().values().stream().mapToLong(Long::longValue).sum();
    if (unplaced > 0) {
      s.append("; VMs without a target when their host is drained: ");
      String sep = "";
      for (Map.Entry<String, Long> e : p.unplacedByReason().entrySet()) {
        s.append(sep)
            .append("<span class=\"mono\" data-reason=\"")
            .append(esc(e.getKey()))
            .append("\">")
            .append(esc(e.getKey()))
            .append("</span> ")
            .append(num(e.getValue()));
        sep = ", ";
      }
    }
    s.append(".</p>");

    s.append("<h3>Pool headroom</h3>");
    HtmlTable h =
        new HtmlTable("headroom-table")
            .number("pool")
            .number("hosts")
            .number("largest hosts that can fail")
            .text("next failing host")
            .text("first VM left without a host")
            .text("why");
    for (ResultRows.Headroom r : p.headroom()) {
      h.row("data-pool-id=\"" + r.poolId() + "\" data-tolerated=\"" + r.failuresTolerated() + "\"")
          .cell((long) r.poolId())
          .cell(r.hostCount())
          .cell((long) r.failuresTolerated())
          .mono(r.firstFailingHostId())
          .mono(r.firstUnplacedVmId())
          .mono(r.reason());
    }
    s.append(h.render(p.poolCount(), "pool_headroom"));

    s.append("<h3>Rolling maintenance, per cluster</h3>");
    HtmlTable c =
        new HtmlTable("maintenance-table")
            .text("cluster")
            .number("hosts")
            .number("drained in turn")
            .text("stuck at host")
            .text("the VM that cannot move")
            .text("why");
    for (PlanSummary.ClusterOrder o : p.clusters()) {
      c.row("data-cluster=\"" + esc(o.cluster()) + "\" data-complete=\"" + o.complete() + "\"")
          .cell(o.cluster())
          .cell((long) o.hosts())
          .cell((long) o.drained())
          .mono(o.stuckHostId())
          .mono(o.blockingVmId())
          .mono(o.reason());
    }
    s.append(c.render(p.clusters().size(), "maintenance_order"))
        .append("<p class=\"note\">The order is greedy (the first host by id that can be drained")
        .append(" next): a stuck cluster may still have an order this one did not find;")
        .append(
            " <span class=\"mono\">fleetcompat maintenance --cluster NAME</span> prints it.</p>")
        .append("</section>");
    return s.toString();
  }
}
