package org.fleetcompat.report;

import static org.fleetcompat.report.Html.esc;
import static org.fleetcompat.report.Html.num;
import static org.fleetcompat.report.Html.pct;
import static org.fleetcompat.report.Html.pctShort;
import static org.fleetcompat.report.Html.px;

/**
 * Draws {@link ClusterFeasibility} as an SVG heatmap, source clusters down, target clusters across:
 * each cell's shade is the share of the source's VMs that fit at least one host of the target, its
 * text the share, its tooltip the counts. Cells carry {@code data-source}, {@code data-target},
 * {@code data-fit} and {@code data-vms} for tests and scripts.
 */
final class HeatmapSvg {
  private static final int CELL_W = 62;
  private static final int CELL_H = 24;
  private static final int LEFT = 190;
  private static final int TOP = 112;

  private HeatmapSvg() {}

  static String render(ClusterFeasibility f) {
    int cols = f.targets().size();
    int rows = f.sources().size();
    int width = LEFT + cols * CELL_W + 100;
    int height = TOP + rows * CELL_H + 34;
    StringBuilder s = new StringBuilder();
    s.append("<svg id=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
        .append(" aria-label=\"Share of each source cluster's VMs that fit a host of each target")
        .append(" cluster\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\">");
    s.append("<text x=\"")
        .append(LEFT)
        .append("\" y=\"14\" font-size=\"12\" fill=\"#5b6675\">target cluster \u2192</text>");
    s.append("<text x=\"4\" y=\"")
        .append(TOP - 6)
        .append("\" font-size=\"12\" fill=\"#5b6675\">source cluster (VMs) \u2193</text>");
    for (int t = 0; t < cols; t++) {
      double x = LEFT + t * CELL_W + CELL_W / 2.0;
      s.append("<text transform=\"translate(")
          .append(px(x))
          .append(',')
          .append(TOP - 8)
          .append(") rotate(-40)\" font-size=\"12\">")
          .append(esc(f.targets().get(t)))
          .append("</text>");
    }
    for (int r = 0; r < rows; r++) {
      int y = TOP + r * CELL_H;
      s.append("<text x=\"")
          .append(LEFT - 8)
          .append("\" y=\"")
          .append(y + 16)
          .append("\" font-size=\"12\" text-anchor=\"end\">")
          .append(esc(f.sources().get(r)))
          .append(" <tspan fill=\"#5b6675\">(")
          .append(num(f.vmsPerSource()[r]))
          .append(")</tspan></text>");
      // Attributes shared by a row's cells are set once, on the row.
      s.append("<g class=\"row\" font-size=\"11\" text-anchor=\"middle\" data-source=\"")
          .append(esc(f.sources().get(r)))
          .append("\" data-vms=\"")
          .append(f.vmsPerSource()[r])
          .append("\">");
      for (int t = 0; t < cols; t++) {
        double share = f.share(r, t);
        int x = LEFT + t * CELL_W;
        boolean diagonal = f.sources().get(r).equals(f.targets().get(t));
        s.append("<g class=\"cell\" data-target=\"")
            .append(esc(f.targets().get(t)))
            .append("\" data-fit=\"")
            .append(f.fitting()[r][t])
            .append("\"><title>")
            .append(esc(f.sources().get(r)))
            .append(" \u2192 ")
            .append(esc(f.targets().get(t)))
            .append(": ")
            .append(num(f.fitting()[r][t]))
            .append(" of ")
            .append(num(f.vmsPerSource()[r]))
            .append(" VMs fit at least one host (")
            .append(pct(share))
            .append(")</title><rect x=\"")
            .append(x)
            .append("\" y=\"")
            .append(y)
            .append("\" width=\"")
            .append(CELL_W - 2)
            .append("\" height=\"")
            .append(CELL_H - 2)
            .append("\" fill=\"")
            .append(color(share))
            .append('"')
            .append(diagonal ? " stroke=\"#1d2530\" stroke-width=\"1.2\"" : "")
            .append("/><text x=\"")
            .append(x + (CELL_W - 2) / 2)
            .append("\" y=\"")
            .append(y + 15)
            .append('"')
            .append(share > 0.55 ? " fill=\"#fff\"" : "")
            .append('>')
            .append(f.fitting()[r][t] == 0 ? "\u2013" : pctShort(share))
            .append("</text></g>");
      }
      s.append("</g>");
    }
    // Legend.
    int ly = TOP + rows * CELL_H + 12;
    for (int i = 0; i <= 10; i++) {
      s.append("<rect x=\"")
          .append(LEFT + i * 18)
          .append("\" y=\"")
          .append(ly)
          .append("\" width=\"18\" height=\"10\" fill=\"")
          .append(color(i / 10.0))
          .append("\"/>");
    }
    s.append("<text x=\"")
        .append(LEFT + 11 * 18 + 8)
        .append("\" y=\"")
        .append(ly + 9)
        .append("\" font-size=\"11\" fill=\"#5b6675\">0% \u2026 100% of the source's VMs fit;")
        .append(" outlined: same cluster</text>");
    return s.append("</svg>").toString();
  }

  /** A sequential blue from near white (0) to dark (1). */
  static String color(double share) {
    double t = Math.max(0, Math.min(1, share));
    int r = (int) Math.round(241 + (8 - 241) * t);
    int g = (int) Math.round(245 + (69 - 245) * t);
    int b = (int) Math.round(251 + (148 - 251) * t);
    return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }
}
