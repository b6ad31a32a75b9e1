package org.fleetcompat.report;

import static org.fleetcompat.report.Html.esc;
import static org.fleetcompat.report.Html.num;

import java.util.HashMap;
import java.util.Map;

/**
 * Draws a {@link PoolDiagram}: one box per pool (its number, hosts, VMs accepted and clusters),
 * lines from each pool down to the pools directly below it in the order (each accepts a strict
 * subset of the VMs of the one above). Boxes carry {@code data-pool-id}, {@code data-hosts} and
 * {@code data-vms}; lines {@code data-super} and {@code data-sub}.
 */
final class PoolDiagramSvg {
  private static final int BOX_W = 200;
  private static final int BOX_H = 62;
  private static final int GAP_X = 24;
  private static final int GAP_Y = 46;
  private static final int PAD = 10;

  private PoolDiagramSvg() {}

  static String render(PoolDiagram d) {
    int width = PAD * 2 + Math.max(1, d.columns()) * (BOX_W + GAP_X) - GAP_X;
    int height = PAD * 2 + Math.max(1, d.rows()) * (BOX_H + GAP_Y) - GAP_Y;
    Map<Integer, int[]> at = new HashMap<>();
    for (PoolDiagram.Node n : d.nodes()) {
      at.put(
          n.pool().poolId(),
          new int[] {PAD + n.column() * (BOX_W + GAP_X), PAD + n.row() * (BOX_H + GAP_Y)});
    }
    StringBuilder s = new StringBuilder();
    s.append("<svg id=\"pool-diagram\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
        .append(" aria-label=\"Compatibility pools ordered by the VMs they accept\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\">");
    for (int[] e : d.edges()) {
      int[] a = at.get(e[0]);
      int[] b = at.get(e[1]);
      s.append("<line class=\"order\" data-super=\"")
          .append(e[0])
          .append("\" data-sub=\"")
          .append(e[1])
          .append("\" x1=\"")
          .append(a[0] + BOX_W / 2)
          .append("\" y1=\"")
          .append(a[1] + BOX_H)
          .append("\" x2=\"")
          .append(b[0] + BOX_W / 2)
          .append("\" y2=\"")
          .append(b[1])
          .append("\" stroke=\"#8c98a8\" stroke-width=\"1.5\"/>");
    }
    for (PoolDiagram.Node n : d.nodes()) {
      int[] p = at.get(n.pool().poolId());
      String title =
          "pool "
              + n.pool().poolId()
              + ": "
              + num(n.pool().hostCount())
              + " hosts ("
              + n.hostClusters()
              + "), accepts "
              + num(n.pool().vmCountAccepted())
              + " VMs; first host "
              + n.pool().firstHostId();
      s.append("<g class=\"pool\" data-pool-id=\"")
          .append(n.pool().poolId())
          .append("\" data-hosts=\"")
          .append(n.pool().hostCount())
          .append("\" data-vms=\"")
          .append(n.pool().vmCountAccepted())
          .append("\"><title>")
          .append(esc(title))
          .append("</title><rect x=\"")
          .append(p[0])
          .append("\" y=\"")
          .append(p[1])
          .append("\" width=\"")
          .append(BOX_W)
          .append("\" height=\"")
          .append(BOX_H)
          .append("\" rx=\"5\" fill=\"")
          .append(n.isolated() ? "#f6f8fa" : "#eaf1fa")
          .append("\" stroke=\"")
          .append(n.isolated() ? "#c3cbd6" : "#1f5fa8")
          .append("\"/>");
      text(s, p[0] + 8, p[1] + 17, 13, "600", "pool " + n.pool().poolId());
      text(
          s,
          p[0] + 8,
          p[1] + 34,
          12,
          "400",
          num(n.pool().hostCount())
              + " hosts \u00b7 "
              + num(n.pool().vmCountAccepted())
              + " VMs accepted");
      text(s, p[0] + 8, p[1] + 51, 11, "400", shorten(n.hostClusters(), 32));
      s.append("</g>");
    }
    return s.append("</svg>").toString();
  }

  private static void text(StringBuilder s, int x, int y, int size, String weight, String t) {
    s.append("<text x=\"")
        .append(x)
        .append("\" y=\"")
        .append(y)
        .append("\" font-size=\"")
        .append(size)
        .append("\" font-weight=\"")
        .append(weight)
        .append("\">")
        .append(esc(t))
        .append("</text>");
  }

  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }
}
