package org.fleetcompat.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

/**
 * The I/O floor of a run: DuckDB reading every column of every row of both vector tables (a hash of
 * each row, summed, so no column can be skipped) and writing as many rows as the engine's output
 * (compatible_pairs {@code (vm_id, host_id)} with ids of the same shape, or one {@code (vm_id,
 * compatible_hosts)} row per VM without pairs) with its Parquet writer. No engine reading and
 * writing these bytes is expected to be faster; DuckDB's C++ reader and writer on every core set
 * the bar.
 */
final class IoFloor {
  private IoFloor() {}

  /**
   * Reads the snapshot's vector tables and writes {@code rows} rows under {@code outDir}.
   *
   * @param hosts the fleet's host count: pairs take host ids from {@code h-00000000} up to it
   * @param pairs whether the rows are pairs ({@code compatible_pairs/}) or per-VM counts ({@code
   *     vm_summary/})
   */
  static void run(Connection db, Path snapshot, long rows, long hosts, boolean pairs, Path outDir)
      throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("SET preserve_insertion_order = false");
    }
    for (String[] t : new String[][] {{"vm_vectors", "vm_id"}, {"host_vectors", "host_id"}}) {
      String files =
          BenchFiles.tableFiles(snapshot, t[0]).stream()
              .map(p -> "'" + p.toString().replace("'", "''") + "'")
              .collect(Collectors.joining(", ", "[", "]"));
      try (Statement s = db.createStatement()) {
        s.executeQuery(
                "SELECT sum(hash("
                    + t[1]
                    + ", vector_id, compare_operation, compatibility_info)) FROM read_parquet("
                    + files
                    + ")")
            .close();
      }
    }
    Path dir = outDir.resolve(pairs ? "compatible_pairs" : "vm_summary");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + dir + ": " + e.getMessage(), e);
    }
    long h = Math.max(1, Math.min(hosts, Math.max(rows, 1)));
    long v = (rows + h - 1) / h;
    String select =
        pairs
            ? "SELECT v.vm_id, h.host_id FROM (SELECT 'vm-' || lpad(CAST(i AS VARCHAR), 8, '0') AS"
                + " vm_id FROM range("
                + v
                + ") r(i)) v CROSS JOIN (SELECT 'h-' || lpad(CAST(i AS VARCHAR), 8, '0') AS host_id"
                + " FROM range("
                + h
                + ") r(i)) h LIMIT "
                + rows
            : "SELECT 'vm-' || lpad(CAST(i AS VARCHAR), 8, '0') AS vm_id, i % "
                + h
                + " AS compatible_hosts FROM range("
                + rows
                + ") r(i)";
    try (Statement s = db.createStatement()) {
      s.execute(
          "COPY ("
              + select
              + ") TO '"
              + dir.resolve("part-00000.parquet").toString().replace("'", "''")
              + "' (FORMAT parquet)");
    }
  }
}
