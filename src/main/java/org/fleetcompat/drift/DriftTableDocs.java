package org.fleetcompat.drift;

import java.util.stream.Collectors;

/**
 * The README's table of drift tables, made from the declarations ({@link DriftTable}) as {@code
 * io.ResultTableDocs} does for the result tables: a test holds README.md to {@link #markdown()}.
 * Stateless.
 */
public final class DriftTableDocs {
  /** The line before the generated table in README.md. */
  public static final String BEGIN = "<!-- drift tables: generated from drift.DriftTable -->";

  /** The line after it. */
  public static final String END = "<!-- end of drift tables -->";

  private DriftTableDocs() {}

  /**
   * The markdown table: one row per drift table with its columns, its grain and what it answers.
   */
  public static String markdown() {
    StringBuilder s = new StringBuilder();
    s.append("| table | one row per | columns | what it answers |\n");
    s.append("|---|---|---|---|\n");
    for (DriftTable t : DriftTable.values()) {
      s.append("| `")
          .append(t.tableName())
          .append("` | ")
          .append(t.grain())
          .append(" | ")
          .append(t.columns().stream().map(c -> c.name()).collect(Collectors.joining(", ")))
          .append(" | ")
          .append(t.doc())
          .append(" |\n");
    }
    return s.toString();
  }
}
