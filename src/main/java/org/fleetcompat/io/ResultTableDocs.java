package org.fleetcompat.io;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The README's table of result tables, made from the declarations ({@link ResultTable}), so the
 * docs cannot drift from what the writers write: a test holds README.md to {@link #markdown()}.
 * Stateless.
 */
public final class ResultTableDocs {
  /** The line before the generated table in README.md. */
  public static final String BEGIN = "<!-- result tables: generated from io.ResultTable -->";

  /** The line after it. */
  public static final String END = "<!-- end of result tables -->";

  private ResultTableDocs() {}

  /** The markdown table: one row per table with its columns, its grain and what it answers. */
  public static String markdown() {
    StringBuilder s = new StringBuilder();
    s.append("| table | one row per | columns | what it answers |\n");
    s.append("|---|---|---|---|\n");
    for (ResultTable t : ResultTable.values()) {
      s.append("| `")
          .append(t.tableName())
          .append("` | ")
          .append(t.grain())
          .append(" | ")
          .append(columns(t.columns()))
          .append(" | ")
          .append(t.doc())
          .append(" |\n");
    }
    return s.toString();
  }

  private static String columns(List<ResultColumn> columns) {
    return columns.stream()
        .map(
            c ->
                c.presence() == ResultColumn.Presence.ASSUME_STOPPED
                    ? c.name() + " (with `--assume-stopped`)"
                    : c.name())
        .collect(Collectors.joining(", "));
  }
}
