package org.fleetcompat.report;

import java.util.Locale;

/** Escaping and number formatting for the report's HTML and SVG. Stateless. */
final class Html {
  private Html() {}

  /** {@code s} safe as HTML text or a quoted attribute value; null gives an empty string. */
  static String esc(Object s) {
    if (s == null) {
      return "";
    }
    String t = s.toString();
    StringBuilder b = new StringBuilder(t.length() + 8);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A count with thousands separators: {@code 1,019,320}. */
  static String num(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A signed difference: {@code +40}, {@code -3}, {@code ±0}. */
  static String delta(long d) {
    return d == 0 ? "±0" : String.format(Locale.ROOT, "%+,d", d);
  }

  /** A share 0..1 as a percentage with one decimal: {@code 33.4%}. */
  static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /**
   * A share 0..1 as a whole percentage, for small cells: {@code 33%}; below 1% but not 0: {@code
   * <1%}.
   */
  static String pctShort(double share) {
    if (share > 0 && share < 0.005) {
      return "<1%";
    }
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  /** A coordinate for SVG: at most one decimal. */
  static String px(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  /** A VM's enabled_state in words. */
  static String state(Integer s) {
    if (s == null) {
      return "unknown";
    }
    return switch (s) {
      case 2 -> "running";
      case 3 -> "off";
      case 32769 -> "saved";
      default -> "state " + s;
    };
  }

  /** A nullable boolean in words. */
  static String yesNo(Boolean b, String ifNull) {
    return b == null ? ifNull : b ? "yes" : "no";
  }
}
