package org.fleetcompat.bench;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The strongest peer the engine is measured against (SPEC section 7): a classes-first SQL query in
 * DuckDB, over JDBC only ({@code java.sql}; the driver, {@code org.duckdb:duckdb_jdbc}, is on the
 * class path at run time, never at compile time). It computes what {@code run} computes for the
 * matrix, from the rules of SPEC section 1, and writes either {@code compatible_pairs} (vm_id,
 * host_id) or per-VM host counts {@code vm_summary} (vm_id, compatible_hosts) as Parquet.
 *
 * <p>The plan, one SQL statement per step:
 *
 * <ol>
 *   <li><b>signatures</b>: one scan of each vector table, grouped by system: the signature of a
 *       system is the exact (128-bit) sum of a 64-bit hash of each of its rows, and its row count;
 *       systems of equal signature form a class, the smallest id its representative.
 *   <li><b>representatives</b>: a second scan keeps only the representatives' rows, deduplicated,
 *       with {@code compatibility_info} converted to {@code UBIGINT} exactly: UINT_64 as it is,
 *       DECIMAL(20,0) (any whole DECIMAL(p,0)) by a checked cast, a plain signed INT64 bit pattern
 *       reinterpreted ({@code v + 2^64} below zero), never range-cast.
 *   <li><b>compare</b>: the VM representatives' rows joined to the host representatives' rows on
 *       {@code (vector_id, compare_operation)} with the operation's test (one join per operation,
 *       unsigned 64-bit throughout, {@code NULLIF} for the zero operands of Multiple and Divisor);
 *       a class pair is compatible when the count of passing rows equals the VM class's row count,
 *       so a vector missing on the host, with another operation, or failing its test fails the
 *       pair.
 *   <li><b>write</b>: the class pairs expanded to their members' (vm_id, host_id), or the sum of
 *       compatible host class sizes per VM, written with DuckDB's own Parquet writer (one file, row
 *       groups written by every thread, Snappy).
 * </ol>
 *
 * <p>What it does not do, unlike the engine: no validation or quarantine of bad rows (a null id, an
 * out-of-range id or operation, conflicting duplicates are evaluated as they come or fail the
 * query), no pools, baselines, blockers, summaries beyond the host count, manifest or atomic
 * publish; local files only. Two different vector sets with the same signature would merge (a
 * 64-bit hash sum: about n^2/2^65 for n classes); exact duplicate rows only split a class, which
 * changes no answer.
 *
 * <p>Runnable in process ({@link #run}, on a connection the caller owns) and as its own process
 * ({@link #main}: {@code --snapshot DIR --out DIR [--pairs] [--threads N]}) for whole-process
 * timing. Not thread safe on one connection.
 */
public final class DuckDbPeer {
  private static final String USAGE =
      "usage: DuckDbPeer --snapshot DIR --out DIR [--pairs] [--threads N]";

  private static final String TWO_TO_64 = "18446744073709551616";

  /** The test of each operation code of SPEC section 1, VM value {@code vm.v} on the left. */
  private static final List<String> TESTS =
      List.of(
          "vm.v = host.v",
          "(vm.v & host.v) = host.v",
          "(vm.v & host.v) = vm.v",
          "(vm.v & host.v) = 0",
          "vm.v > host.v",
          "vm.v >= host.v",
          "vm.v < host.v",
          "vm.v <= host.v",
          "vm.v % NULLIF(host.v, 0) = 0",
          "host.v % NULLIF(vm.v, 0) = 0");

  private DuckDbPeer() {}

  /** What the peer writes under its output directory. */
  public enum Output {
    /**
     * {@code compatible_pairs/}: one (vm_id, host_id) row per compatible pair, as {@code --pairs}.
     */
    COMPATIBLE_PAIRS("compatible_pairs"),
    /**
     * {@code vm_summary/}: (vm_id, compatible_hosts) for every VM, as {@code run} without pairs.
     */
    VM_COMPATIBLE_HOSTS("vm_summary");

    private final String tableName;

    Output(String tableName) {
      this.tableName = tableName;
    }

    /** The directory name under the output directory, for example {@code compatible_pairs}. */
    public String tableName() {
      return tableName;
    }
  }

  /**
   * What one run found and how long its steps took.
   *
   * @param vms VMs (distinct {@code vm_id}s with at least one row)
   * @param hosts hosts
   * @param vmClasses VM signatures
   * @param hostClasses host signatures
   * @param classPairs compatible (VM class, host class) pairs
   * @param compatiblePairs compatible (VM, host) pairs, counted at class level (also without pairs)
   * @param stepNanos wall time per step, in order: signatures, representatives, compare, write
   */
  public record Result(
      long vms,
      long hosts,
      long vmClasses,
      long hostClasses,
      long classPairs,
      long compatiblePairs,
      Map<String, Long> stepNanos) {

    /** The steps' wall times added up. */
    public long elapsedNanos() {
      return stepNanos.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line: counts and step times, for the peer's own process and for logs. */
    public String summary() {
      return String.format(
          Locale.ROOT,
          "%,d VMs in %,d classes, %,d hosts in %,d classes; %,d class pairs, %,d compatible"
              + " pairs (%.2f s: %s)",
          vms,
          vmClasses,
          hosts,
          hostClasses,
          classPairs,
          compatiblePairs,
          elapsedNanos() / 1e9,
          stepNanos.entrySet().stream()
              .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1e9))
              .collect(Collectors.joining(", ")));
    }
  }

  /**
   * A new in-memory DuckDB database, optionally limited to {@code threads} threads (0: DuckDB's
   * default, every core).
   *
   * @throws IllegalStateException if DuckDB's JDBC driver is not on the class path
   * @throws SQLException if DuckDB cannot start
   */
  public static Connection connect(int threads) throws SQLException {
    Connection db;
    try {
      db = DriverManager.getConnection("jdbc:duckdb:");
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().contains("No suitable driver")) {
        throw new IllegalStateException(
            "DuckDB's JDBC driver (org.duckdb:duckdb_jdbc) is not on the class path: run `mvn -B -q"
                + " package -DskipTests`, which lists it in target/bench-classpath.txt, and start"
                + " the benchmark with jobs/fleetcompat bench",
            e);
      }
      throw e;
    }
    if (threads > 0) {
      execute(db, "SET threads = " + threads);
    }
    return db;
  }

  /**
   * Runs the classes-first query on a local snapshot and writes {@code output} under {@code outDir}
   * (created if absent; the output's previous directory there is replaced).
   *
   * @param db an open DuckDB connection; temporary tables named {@code peer_*} are (re)created on
   *     it and dropped at the end
   * @throws IllegalArgumentException if a vector table is missing or has an unusable column
   * @throws SQLException if DuckDB fails (for example on a DECIMAL value outside 0..2^64-1)
   */
  public static Result run(Connection db, Path snapshot, Path outDir, Output output)
      throws SQLException {
    Map<String, Long> steps = new LinkedHashMap<>();
    String vmScan = scan(snapshot, "vm_vectors");
    String hostScan = scan(snapshot, "host_vectors");
    String vmValue = unsignedValue(db, snapshot, "vm_vectors", vmScan);
    String hostValue = unsignedValue(db, snapshot, "host_vectors", hostScan);
    Path target = outDir.resolve(output.tableName());
    try {
      Files.createDirectories(outDir);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException("Cannot create " + outDir + ": " + e.getMessage(), e);
    }
    BenchFiles.deleteTree(target);
    execute(db, "SET preserve_insertion_order = false");

    long t = System.nanoTime();
    for (String side : List.of("vm", "host")) {
      String scan = side.equals("vm") ? vmScan : hostScan;
      execute(
          db,
          "CREATE OR REPLACE TEMP TABLE peer_"
              + side
              + "_sig AS SELECT "
              + side
              + "_id AS sid, sum(hash(vector_id, compare_operation, compatibility_info)) AS h,"
              + " count(*) AS n FROM "
              + scan
              + " GROUP BY "
              + side
              + "_id");
      execute(
          db,
          "CREATE OR REPLACE TEMP TABLE peer_"
              + side
              + "_class AS SELECT h, n, min(sid) AS rep, count(*) AS members,"
              + " CAST(row_number() OVER () AS INTEGER) AS cls FROM peer_"
              + side
              + "_sig GROUP BY h, n");
    }
    t = step(steps, "signatures", t);

    for (String side : List.of("vm", "host")) {
      String scan = side.equals("vm") ? vmScan : hostScan;
      String value = side.equals("vm") ? vmValue : hostValue;
      execute(
          db,
          "CREATE OR REPLACE TEMP TABLE peer_"
              + side
              + "_rep AS SELECT DISTINCT c.cls, CAST(r.vector_id AS BIGINT) AS vid,"
              + " CAST(r.compare_operation AS BIGINT) AS op, "
              + value
              + " AS v FROM "
              + scan
              + " r JOIN peer_"
              + side
              + "_class c ON r."
              + side
              + "_id = c.rep");
    }
    execute(
        db,
        "CREATE OR REPLACE TEMP TABLE peer_vm_need AS SELECT r.*, n.need FROM peer_vm_rep r JOIN"
            + " (SELECT cls, count(*) AS need FROM peer_vm_rep GROUP BY cls) n USING (cls)");
    t = step(steps, "representatives", t);

    StringBuilder passing = new StringBuilder();
    for (int op = 0; op < TESTS.size(); op++) {
      passing
          .append(op == 0 ? "" : " UNION ALL ")
          .append("SELECT vm.cls AS vc, host.cls AS hc, vm.need FROM peer_vm_need vm")
          .append(" JOIN peer_host_rep host ON vm.vid = host.vid")
          .append(" AND vm.op = ")
          .append(op)
          .append(" AND host.op = ")
          .append(op)
          .append(" AND ")
          .append(TESTS.get(op));
    }
    execute(
        db,
        "CREATE OR REPLACE TEMP TABLE peer_class_pairs AS SELECT vc, hc FROM ("
            + passing
            + ") GROUP BY vc, hc HAVING count(*) = any_value(need)");
    t = step(steps, "compare", t);

    String file = sqlString(target.resolve("part-00000.parquet").toString());
    try {
      Files.createDirectories(target);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException("Cannot create " + target + ": " + e.getMessage(), e);
    }
    String members =
        "(SELECT s.sid, c.cls FROM peer_%1$s_sig s JOIN peer_%1$s_class c USING (h, n))";
    if (output == Output.COMPATIBLE_PAIRS) {
      execute(
          db,
          "COPY (SELECT v.sid AS vm_id, h.sid AS host_id FROM peer_class_pairs p JOIN "
              + String.format(Locale.ROOT, members, "vm")
              + " v ON v.cls = p.vc JOIN "
              + String.format(Locale.ROOT, members, "host")
              + " h ON h.cls = p.hc) TO "
              + file
              + " (FORMAT parquet)");
    } else {
      execute(
          db,
          "COPY (SELECT v.sid AS vm_id, CAST(coalesce(c.hosts, 0) AS BIGINT) AS compatible_hosts"
              + " FROM "
              + String.format(Locale.ROOT, members, "vm")
              + " v LEFT JOIN (SELECT p.vc, sum(h.members) AS hosts FROM peer_class_pairs p JOIN"
              + " peer_host_class h ON h.cls = p.hc GROUP BY p.vc) c ON c.vc = v.cls) TO "
              + file
              + " (FORMAT parquet)");
    }
    step(steps, "write", t);

    long[] counts =
        longs(
            db,
            "SELECT (SELECT count(*) FROM peer_vm_sig), (SELECT count(*) FROM peer_host_sig),"
                + " (SELECT count(*) FROM peer_vm_class), (SELECT count(*) FROM peer_host_class),"
                + " (SELECT count(*) FROM peer_class_pairs), (SELECT coalesce(sum(v.members *"
                + " h.members), 0) FROM peer_class_pairs p JOIN peer_vm_class v ON v.cls = p.vc"
                + " JOIN peer_host_class h ON h.cls = p.hc)");
    for (String table :
        List.of(
            "vm_sig",
            "host_sig",
            "vm_class",
            "host_class",
            "vm_rep",
            "host_rep",
            "vm_need",
            "class_pairs")) {
      execute(db, "DROP TABLE IF EXISTS peer_" + table);
    }
    return new Result(
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4],
        counts[5],
        Collections.unmodifiableMap(steps));
  }

  /**
   * The peer as its own process: {@code --snapshot DIR --out DIR [--pairs] [--threads N]}. Prints
   * one summary line; exits 0 on success, 2 on a wrong command line, 1 on any other failure, with a
   * one-line reason on standard error.
   */
  public static void main(String[] args) {
    System.exit(runMain(args, System.out, System.err));
  }

  /** {@link #main} without the exit: returns the exit code. */
  static int runMain(String[] args, PrintStream out, PrintStream err) {
    Path snapshot = null;
    Path outDir = null;
    boolean pairs = false;
    int threads = 0;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--snapshot" -> snapshot = Path.of(value(args, ++i, "--snapshot"));
          case "--out" -> outDir = Path.of(value(args, ++i, "--out"));
          case "--pairs" -> pairs = true;
          case "--threads" -> threads = positive(value(args, ++i, "--threads"), "--threads");
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (snapshot == null || outDir == null) {
        throw new IllegalArgumentException("--snapshot and --out are required");
      }
    } catch (IllegalArgumentException e) {
      err.println("duckdb-peer: " + e.getMessage() + "; " + USAGE);
      return 2;
    }
    Output output = pairs ? Output.COMPATIBLE_PAIRS : Output.VM_COMPATIBLE_HOSTS;
    try (Connection db = connect(threads)) {
      Result r = run(db, snapshot, outDir, output);
      out.println(
          "duckdb-peer: "
              + snapshot
              + " -> "
              + outDir.resolve(output.tableName())
              + ": "
              + r.summary());
      return 0;
    } catch (SQLException | RuntimeException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      err.println("duckdb-peer: error: " + message.lines().findFirst().orElse(""));
      return 1;
    }
  }

  /** {@code read_parquet([...])} over the table's files. */
  private static String scan(Path snapshot, String table) {
    return BenchFiles.tableFiles(snapshot, table).stream()
        .map(p -> sqlString(p.toString()))
        .collect(Collectors.joining(", ", "read_parquet([", "])"));
  }

  /**
   * The SQL that turns the table's {@code compatibility_info} into its exact UBIGINT value, by the
   * physical type DuckDB reads (UBIGINT for UINT_64, BIGINT for plain INT64, DECIMAL(20,0)).
   */
  private static String unsignedValue(Connection db, Path snapshot, String table, String scan)
      throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + scan)) {
      while (r.next()) {
        types.put(r.getString(1), r.getString(2));
      }
    }
    String id = table.startsWith("vm") ? "vm_id" : "host_id";
    for (String column : List.of(id, "vector_id", "compare_operation", "compatibility_info")) {
      if (!types.containsKey(column)) {
        throw new IllegalArgumentException(
            "Cannot read "
                + table
                + " in "
                + snapshot
                + ": no column "
                + column
                + " (has "
                + types.keySet()
                + ")");
      }
    }
    String type = types.get("compatibility_info");
    return switch (type) {
      case "UBIGINT" -> "r.compatibility_info";
      case "BIGINT" ->
          "CAST(CASE WHEN r.compatibility_info < 0 THEN CAST(r.compatibility_info AS HUGEINT) + "
              + TWO_TO_64
              + " ELSE r.compatibility_info END AS UBIGINT)";
      default ->
          type.matches("DECIMAL\\(\\d+,0\\)")
              ? "CAST(r.compatibility_info AS UBIGINT)"
              : unusable(table, snapshot, type);
    };
  }

  private static String unusable(String table, Path snapshot, String type) {
    throw new IllegalArgumentException(
        "Cannot read "
            + table
            + " in "
            + snapshot
            + ": column compatibility_info is "
            + type
            + ", expected INT64, UINT_64 or DECIMAL(20,0)");
  }

  private static long step(Map<String, Long> steps, String name, long start) {
    long now = System.nanoTime();
    steps.put(name, now - start);
    return now;
  }

  /** A new statement per query: a failed query closes its statement (DuckDB's JDBC driver). */
  private static void execute(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  private static long[] longs(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      long[] out = new long[r.getMetaData().getColumnCount()];
      for (int i = 0; i < out.length; i++) {
        out[i] = r.getLong(i + 1);
      }
      return out;
    }
  }

  private static String sqlString(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int positive(String s, String option) {
    try {
      int n = Integer.parseInt(s);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " must be a positive whole number, not " + s);
  }
}
