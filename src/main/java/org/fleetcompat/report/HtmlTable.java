package org.fleetcompat.report;

import static org.fleetcompat.report.Html.esc;

import java.util.ArrayList;
import java.util.List;

/**
 * A sortable, filterable HTML table: the header cells sort on click, the text box above filters
 * rows (see {@link ReportScript}). The table has a stable {@code id} and {@code data-rows}, each
 * row optional {@code data-*} attributes, so tests can read it. Not thread safe.
 */
final class HtmlTable {
  private final String id;
  private final List<String> headers = new ArrayList<>();
  private final List<Boolean> numeric = new ArrayList<>();
  private final List<String> rows = new ArrayList<>();
  private StringBuilder row;

  HtmlTable(String id) {
    this.id = id;
  }

  /** Adds a text column. */
  HtmlTable text(String header) {
    headers.add(header);
    numeric.add(false);
    return this;
  }

  /** Adds a right-aligned numeric column. */
  HtmlTable number(String header) {
    headers.add(header);
    numeric.add(true);
    return this;
  }

  /** Starts a row with these attributes, e.g. {@code data-vm-id="vm-1"} (already escaped). */
  HtmlTable row(String attributes) {
    end();
    row = new StringBuilder("<tr").append(attributes.isEmpty() ? "" : " " + attributes).append('>');
    return this;
  }

  /** A cell of text (escaped). */
  HtmlTable cell(Object value) {
    int i = cells();
    row.append(numeric.get(i) ? "<td class=\"num\">" : "<td>").append(esc(value)).append("</td>");
    return this;
  }

  /** A numeric cell: the count shown with separators, sorted by its value. */
  HtmlTable cell(long n) {
    row.append("<td class=\"num\" data-sort=\"")
        .append(n)
        .append("\">")
        .append(Html.num(n))
        .append("</td>");
    return this;
  }

  /** A cell of monospaced text (ids, hex), escaped. */
  HtmlTable mono(Object value) {
    row.append("<td class=\"mono\">").append(esc(value)).append("</td>");
    return this;
  }

  /** A cell of HTML already escaped. */
  HtmlTable html(String html) {
    row.append("<td>").append(html).append("</td>");
    return this;
  }

  private int cells() {
    int n = 0;
    int at = 0;
    while ((at = row.indexOf("<td", at)) >= 0) {
      n++;
      at += 3;
    }
    return n;
  }

  private void end() {
    if (row != null) {
      rows.add(row.append("</tr>").toString());
      row = null;
    }
  }

  /** Rows added so far. */
  int rowCount() {
    end();
    return rows.size();
  }

  /**
   * The table, with its filter box and a note when {@code total} is more than the rows shown.
   *
   * @param total rows the full table has (in the result), for the note
   * @param fullTable where the full list is, e.g. {@code vm_summary (stranded = true)}
   */
  String render(long total, String fullTable) {
    end();
    StringBuilder s = new StringBuilder();
    s.append(
            "<div class=\"tools\"><input class=\"filter\" type=\"search\" placeholder=\"Filter rows\u2026\" data-table=\"")
        .append(id)
        .append("\" aria-label=\"Filter ")
        .append(id)
        .append("\"><span id=\"")
        .append(id)
        .append("-count\">")
        .append(rows.size())
        .append(" of ")
        .append(rows.size())
        .append(" rows</span></div>");
    s.append("<div class=\"tablebox\"><table class=\"sortable\" id=\"")
        .append(id)
        .append("\" data-rows=\"")
        .append(rows.size())
        .append("\" data-total=\"")
        .append(total)
        .append("\"><thead><tr>");
    for (int i = 0; i < headers.size(); i++) {
      s.append(numeric.get(i) ? "<th class=\"num\">" : "<th>")
          .append(esc(headers.get(i)))
          .append("</th>");
    }
    s.append("</tr></thead><tbody>");
    rows.forEach(s::append);
    s.append("</tbody></table></div>");
    if (total > rows.size()) {
      s.append("<p class=\"note\">Showing the first ")
          .append(Html.num(rows.size()))
          .append(" of ")
          .append(Html.num(total))
          .append("; the full list is in ")
          .append(esc(fullTable))
          .append(".</p>");
    }
    return s.toString();
  }
}
