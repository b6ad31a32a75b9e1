package org.fleetcompat.report;

import static org.fleetcompat.report.Html.esc;
import static org.fleetcompat.report.Html.num;

import java.util.List;
import org.fleetcompat.core.Hex;
import org.fleetcompat.drift.ResultRows;

/**
 * Draws the top blockers as horizontal bars: per vector (catalog name, id, operation, reason) the
 * VM-host pairs it blocks and, darker, the pairs it alone blocks (what fixing it would gain). Bars
 * carry {@code data-vector-id}, {@code data-reason}, {@code data-blocked} and {@code data-sole}.
 */
final class BlockerChartSvg {
  private static final int LABEL_W = 330;
  private static final int BAR_W = 520;
  private static final int ROW_H = 30;
  private static final int TOP = 26;

  private BlockerChartSvg() {}

  static String render(List<ResultRows.Blocker> blockers) {
    long max = 1;
    for (ResultRows.Blocker b : blockers) {
      max = Math.max(max, b.blockedPairs());
    }
    int width = LABEL_W + BAR_W + 110;
    int height = TOP + blockers.size() * ROW_H + 8;
    StringBuilder s = new StringBuilder();
    s.append("<svg id=\"blocker-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
        .append(" aria-label=\"VM-host pairs each vector blocks\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\">");
    s.append("<rect x=\"")
        .append(LABEL_W)
        .append("\" y=\"4\" width=\"12\" height=\"10\" fill=\"#a9c4e6\"/><text x=\"")
        .append(LABEL_W + 16)
        .append("\" y=\"13\" font-size=\"11\" fill=\"#5b6675\">pairs blocked</text><rect x=\"")
        .append(LABEL_W + 110)
        .append("\" y=\"4\" width=\"12\" height=\"10\" fill=\"#1f5fa8\"/><text x=\"")
        .append(LABEL_W + 126)
        .append("\" y=\"13\" font-size=\"11\" fill=\"#5b6675\">")
        .append("pairs it alone blocks (fixing it frees them)</text>");
    for (int i = 0; i < blockers.size(); i++) {
      ResultRows.Blocker b = blockers.get(i);
      int y = TOP + i * ROW_H;
      double w = Math.max(1, (double) b.blockedPairs() / max * BAR_W);
      double ws =
          b.soleBlockerPairs() == 0 ? 0 : Math.max(1, (double) b.soleBlockerPairs() / max * BAR_W);
      String name = b.name().isEmpty() ? "(not in the catalog)" : b.name();
      String label = name + " " + Hex.vectorId((int) b.vectorId());
      s.append("<g class=\"blocker\" data-vector-id=\"")
          .append(b.vectorId())
          .append("\" data-reason=\"")
          .append(esc(b.reason()))
          .append("\" data-blocked=\"")
          .append(b.blockedPairs())
          .append("\" data-sole=\"")
          .append(b.soleBlockerPairs())
          .append("\"><title>")
          .append(esc(label + " " + b.operation() + " " + b.reason()))
          .append(": blocks ")
          .append(num(b.blockedPairs()))
          .append(" pairs, alone ")
          .append(num(b.soleBlockerPairs()))
          .append("</title>");
      s.append("<text x=\"")
          .append(LABEL_W - 8)
          .append("\" y=\"")
          .append(y + 12)
          .append("\" font-size=\"12\" text-anchor=\"end\">")
          .append(esc(label))
          .append("</text><text x=\"")
          .append(LABEL_W - 8)
          .append("\" y=\"")
          .append(y + 25)
          .append("\" font-size=\"10.5\" fill=\"#5b6675\" text-anchor=\"end\">")
          .append(esc(b.operation() + " \u00b7 " + b.reason()))
          .append("</text>");
      s.append("<rect x=\"")
          .append(LABEL_W)
          .append("\" y=\"")
          .append(y + 3)
          .append("\" width=\"")
          .append(Html.px(w))
          .append("\" height=\"20\" fill=\"#a9c4e6\"/>");
      if (ws > 0) {
        s.append("<rect x=\"")
            .append(LABEL_W)
            .append("\" y=\"")
            .append(y + 3)
            .append("\" width=\"")
            .append(Html.px(ws))
            .append("\" height=\"20\" fill=\"#1f5fa8\"/>");
      }
      s.append("<text x=\"")
          .append(Html.px(LABEL_W + w + 6))
          .append("\" y=\"")
          .append(y + 17)
          .append("\" font-size=\"11\">")
          .append(num(b.blockedPairs()))
          .append(" <tspan fill=\"#1f5fa8\">(")
          .append(num(b.soleBlockerPairs()))
          .append(")</tspan></text></g>");
    }
    return s.append("</svg>").toString();
  }
}
