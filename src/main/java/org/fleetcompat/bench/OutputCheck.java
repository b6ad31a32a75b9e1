package org.fleetcompat.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether the engine and the DuckDB peer gave the same answer, read back from their Parquet outputs
 * with DuckDB: the same {@code (vm_id, host_id)} pairs, or without pairs the same {@code (vm_id,
 * compatible_hosts)} rows. Not timed. A snapshot with rows the engine quarantines is expected to
 * differ (the peer evaluates bad rows as they come).
 */
final class OutputCheck {
  private OutputCheck() {}

  /**
   * The comparison.
   *
   * @param table {@code compatible_pairs} or {@code vm_summary}
   * @param engineRows rows of the engine's table
   * @param peerRows rows of the peer's table
   * @param onlyEngine distinct rows only the engine wrote
   * @param onlyPeer distinct rows only the peer wrote
   */
  record Outcome(String table, long engineRows, long peerRows, long onlyEngine, long onlyPeer) {
    /** Whether both wrote exactly the same rows. */
    boolean agrees() {
      return onlyEngine == 0 && onlyPeer == 0 && engineRows == peerRows;
    }

    /** One line for the report. */
    String describe() {
      if (agrees()) {
        return String.format(
            Locale.ROOT, "engine and peer wrote the same %,d rows of %s", engineRows, table);
      }
      return String.format(
          Locale.ROOT,
          "engine and peer DIFFER on %s: %,d rows only in the engine's, %,d only in the peer's"
              + " (%,d vs %,d rows; expected where the engine quarantines bad input rows)",
          table,
          onlyEngine,
          onlyPeer,
          engineRows,
          peerRows);
    }
  }

  /** Compares the two result directories' {@code compatible_pairs} (or {@code vm_summary}). */
  static Outcome compare(Connection db, Path engineOut, Path peerOut, boolean pairs)
      throws SQLException {
    String table = pairs ? "compatible_pairs" : "vm_summary";
    String columns = pairs ? "vm_id, host_id" : "vm_id, CAST(compatible_hosts AS BIGINT)";
    String e = "(SELECT " + columns + " FROM " + scan(engineOut, table) + ")";
    String p = "(SELECT " + columns + " FROM " + scan(peerOut, table) + ")";
    try (Statement s = db.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT (SELECT count(*) FROM "
                    + e
                    + "), (SELECT count(*) FROM "
                    + p
                    + "), (SELECT count(*) FROM ("
                    + e
                    + " EXCEPT "
                    + p
                    + ")), (SELECT count(*) FROM ("
                    + p
                    + " EXCEPT "
                    + e
                    + "))")) {
      r.next();
      return new Outcome(table, r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4));
    }
  }

  /**
   * The compatible pairs a result directory holds: the rows of {@code compatible_pairs}, or without
   * pairs the sum of {@code vm_summary.compatible_hosts}.
   */
  static long compatiblePairs(Connection db, Path out, boolean pairs) throws SQLException {
    String sql =
        pairs
            ? "SELECT count(*) FROM " + scan(out, "compatible_pairs")
            : "SELECT coalesce(sum(compatible_hosts), 0) FROM " + scan(out, "vm_summary");
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static String scan(Path out, String table) {
    return BenchFiles.tableFiles(out, table).stream()
        .map(f -> "'" + f.toString().replace("'", "''") + "'")
        .collect(Collectors.joining(", ", "read_parquet([", "])"));
  }
}
