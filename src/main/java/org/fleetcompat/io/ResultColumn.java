package org.fleetcompat.io;

import java.util.Objects;

/**
 * One declared column of a result table (SPEC section 5): its name, type, whether it may be null,
 * when it is present, and what it means. The names are the contract notebooks rely on, chosen to
 * avoid words reserved in common SQL dialects. Immutable.
 *
 * @param name the column name
 * @param type the stored type
 * @param nullable whether a row may hold null here
 * @param presence when the column is written
 * @param doc one sentence: what a value means, with its unit
 */
public record ResultColumn(
    String name, ColumnType type, boolean nullable, Presence presence, String doc) {

  /** When a column is part of a table's files. */
  public enum Presence {
    /** In every run. */
    ALWAYS,
    /** Only with {@code run --assume-stopped}: the as-reported answer beside the what-if's. */
    ASSUME_STOPPED
  }

  /** Checks the components. */
  public ResultColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(doc, "doc");
  }

  /** A column that is never null and always present. */
  static ResultColumn required(String name, ColumnType type, String doc) {
    return new ResultColumn(name, type, false, Presence.ALWAYS, doc);
  }

  /** A column that may be null and is always present. */
  static ResultColumn nullable(String name, ColumnType type, String doc) {
    return new ResultColumn(name, type, true, Presence.ALWAYS, doc);
  }

  /** A column written only with {@code --assume-stopped}; may be null. */
  static ResultColumn whatIf(String name, ColumnType type, String doc) {
    return new ResultColumn(name, type, true, Presence.ASSUME_STOPPED, doc);
  }
}
