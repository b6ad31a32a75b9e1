package org.fleetcompat.job;

import static org.fleetcompat.job.FeasibilityCsv.line;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.fleetcompat.io.ResultTable;

/**
 * Reads the pool and feasibility tables of a published result directory into {@link
 * FeasibilityCsv}'s lines, to be compared with the reference's. Columns are read by name.
 *
 * <p>Tables the engine writes from the driver as one ordered file ({@code pools}, {@code
 * pool_edges}, {@code blockers}, {@code blockers_by_pool}) are kept in the order they are read, so
 * their documented order is checked too; the per-system tables are sorted by id here, because Spark
 * does not promise to read the part files of a sorted write in order. The pools' host fingerprints
 * come from {@code host_classes}.
 */
final class EngineFeasibilityTables {
  private EngineFeasibilityTables() {}

  /** Every file of {@link FeasibilityCsv#HEADERS}, as lines without a header. */
  static Map<String, List<String>> read(SparkSession spark, String outDir) {
    Map<String, List<String>> files = new LinkedHashMap<>();
    Map<Object, List<String>> hostsOfPool = new TreeMap<>();
    List<String> hostClasses = new ArrayList<>();
    for (Row r : byFirstColumn(table(spark, outDir, ResultTable.HOST_CLASSES.tableName()))) {
      hostsOfPool
          .computeIfAbsent(r.getAs("pool_id"), p -> new ArrayList<>())
          .add(r.getAs("host_id"));
      hostClasses.add(
          line(r.getAs("host_id"), r.getAs("host_class"), r.getAs("pool_id"), r.getAs("cluster")));
    }
    files.put(FeasibilityCsv.HOST_CLASSES, hostClasses);

    List<String> pools = new ArrayList<>();
    List<String> baselines = new ArrayList<>();
    for (Row r : table(spark, outDir, ResultTable.POOLS.tableName())) {
      Object pool = r.getAs("pool_id");
      pools.add(
          line(
              pool,
              r.getAs("host_count"),
              r.getAs("host_class_count"),
              list(r, "host_classes"),
              list(r, "clusters"),
              r.getAs("vm_count_accepted"),
              r.getAs("vm_class_count_accepted"),
              ExpectedOutputsWriter.fingerprint(hostsOfPool.getOrDefault(pool, List.of()))));
      for (Object o : list(r, "baseline")) {
        Row b = (Row) o;
        Object value = b.getAs("compatibility_info");
        baselines.add(
            line(
                pool,
                b.getAs("vector_id"),
                b.getAs("compare_operation"),
                value == null ? null : ((BigDecimal) value).toBigIntegerExact(),
                b.getAs("value_hex"),
                b.getAs("status")));
      }
    }
    files.put(FeasibilityCsv.POOLS, pools);
    files.put(FeasibilityCsv.POOL_BASELINES, baselines);
    files.put(
        FeasibilityCsv.POOL_EDGES,
        lines(
            table(spark, outDir, ResultTable.POOL_EDGES.tableName()),
            "super_pool_id",
            "sub_pool_id",
            "covering"));
    files.put(
        FeasibilityCsv.VM_SUMMARY,
        lines(
            byFirstColumn(table(spark, outDir, ResultTable.VM_SUMMARY.tableName())),
            "vm_id",
            "vm_class",
            "enabled_state",
            "current_host_id",
            "compatible_hosts",
            "compatible_pools",
            "other_compatible_hosts",
            "current_host_ok",
            "stranded"));
    files.put(
        FeasibilityCsv.HOST_EVACUATION,
        lines(
            byFirstColumn(table(spark, outDir, ResultTable.HOST_EVACUATION.tableName())),
            "host_id",
            "host_class",
            "pool_id",
            "cluster",
            "vm_count",
            "blocking_vm_count",
            "blocking_vm_ids",
            "unevaluated_vm_count",
            "unevaluated_vm_ids",
            "evacuable"));
    String[] blocker = {
      "vector_id", "compare_operation", "operation", "reason", "blocked_pairs", "sole_blocker_pairs"
    };
    files.put(
        FeasibilityCsv.BLOCKERS,
        lines(table(spark, outDir, ResultTable.BLOCKERS.tableName()), blocker));
    String[] byPool = new String[blocker.length + 1];
    byPool[0] = "pool_id";
    System.arraycopy(blocker, 0, byPool, 1, blocker.length);
    files.put(
        FeasibilityCsv.BLOCKERS_BY_POOL,
        lines(table(spark, outDir, ResultTable.BLOCKERS_BY_POOL.tableName()), byPool));
    return files;
  }

  private static List<Row> table(SparkSession spark, String outDir, String name) {
    return spark.read().parquet(outDir + "/" + name).collectAsList();
  }

  /** The rows sorted by their first column, a string id. */
  private static List<Row> byFirstColumn(List<Row> rows) {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing((Row r) -> r.getString(0)));
    return sorted;
  }

  /** One line per row of these columns, arrays as lists. */
  private static List<String> lines(List<Row> rows, String... columns) {
    List<String> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Object[] fields = new Object[columns.length];
      for (int i = 0; i < columns.length; i++) {
        boolean array = r.schema().apply(columns[i]).dataType() instanceof ArrayType;
        fields[i] = array ? list(r, columns[i]) : r.get(r.fieldIndex(columns[i]));
      }
      out.add(line(fields));
    }
    return out;
  }

  private static List<Object> list(Row r, String column) {
    return r.getList(r.fieldIndex(column));
  }
}
