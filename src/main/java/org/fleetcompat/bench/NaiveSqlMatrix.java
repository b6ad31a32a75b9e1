package org.fleetcompat.bench;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * The naive plan the engine is measured against (SPEC section 7): join every VM vector to every
 * host vector on {@code vector_id}, compare in Spark SQL (unsigned), and keep the (VM, host) pairs
 * where every VM vector matched and passed. It costs VMs x hosts x vectors rows. Clean input only:
 * no validation or quarantine. Reads the snapshot's files with Spark's own Parquet reader, none of
 * the engine's loaders.
 */
final class NaiveSqlMatrix {
  private static final String FLIP = " ^ shiftleft(1L, 63)";

  private NaiveSqlMatrix() {}

  /**
   * Computes the compatible pairs of a local snapshot and writes them to {@code outDir} as Parquet
   * ({@code vm_id, host_id}); without pairs, writes {@code (vm_id, compatible_hosts)} for the VMs
   * with at least one compatible host instead.
   */
  static void write(SparkSession spark, Path snapshot, Path outDir, boolean pairs) {
    view(spark, snapshot, "vm_vectors", "vm_id", "naive_vm");
    view(spark, snapshot, "host_vectors", "host_id", "naive_host");
    Dataset<Row> result = spark.sql(query());
    if (!pairs) {
      result = result.groupBy("vm_id").count().withColumnRenamed("count", "compatible_hosts");
    }
    result.write().parquet(outDir.toString());
  }

  /**
   * A view {@code (system_id, vector_id, op, value)} of one vector table, {@code value} the 64-bit
   * pattern as a signed long whatever the physical type: Spark reads UINT_64 and DECIMAL(20,0) as
   * {@code decimal(20,0)}, which is mapped back exactly (no ANSI overflow: values at and above 2^63
   * are shifted down by 2^64 before the cast).
   */
  private static void view(
      SparkSession spark, Path snapshot, String table, String idColumn, String name) {
    List<Path> files = BenchFiles.tableFiles(snapshot, table);
    Dataset<Row> raw =
        spark.read().parquet(files.stream().map(Path::toString).toArray(String[]::new));
    DataType type = raw.schema().apply("compatibility_info").dataType();
    String bits;
    if (type instanceof DecimalType) {
      bits =
          "CASE WHEN compatibility_info >= 9223372036854775808 THEN CAST(compatibility_info -"
              + " 18446744073709551616 AS BIGINT) ELSE CAST(compatibility_info AS BIGINT) END";
    } else if (type.equals(DataTypes.LongType)) {
      bits = "compatibility_info";
    } else {
      throw new IllegalArgumentException(
          "Cannot read "
              + table
              + " in "
              + snapshot
              + " for the naive plan: compatibility_info is "
              + type.simpleString()
              + ", expected INT64, UINT_64 or DECIMAL(20,0)");
    }
    raw.selectExpr(
            idColumn + " AS system_id",
            "CAST(vector_id AS BIGINT) AS vector_id",
            "CAST(compare_operation AS BIGINT) AS op",
            bits + " AS value")
        .createOrReplaceTempView(name);
  }

  private static String query() {
    String vu = unsigned("vm.value");
    String hu = unsigned("host.value");
    return "WITH vm AS (SELECT DISTINCT * FROM naive_vm),"
        + " host AS (SELECT DISTINCT * FROM naive_host),"
        + " need AS (SELECT system_id, count(*) AS n FROM vm GROUP BY system_id),"
        + " judged AS (SELECT vm.system_id AS vm_id, host.system_id AS host_id,"
        + "   vm.op = host.op AND CASE vm.op"
        + "     WHEN 0 THEN vm.value = host.value"
        + "     WHEN 1 THEN (vm.value & host.value) = host.value"
        + "     WHEN 2 THEN (vm.value & host.value) = vm.value"
        + "     WHEN 3 THEN (vm.value & host.value) = 0"
        + ("     WHEN 4 THEN (vm.value" + FLIP + ") > (host.value" + FLIP + ")")
        + ("     WHEN 5 THEN (vm.value" + FLIP + ") >= (host.value" + FLIP + ")")
        + ("     WHEN 6 THEN (vm.value" + FLIP + ") < (host.value" + FLIP + ")")
        + ("     WHEN 7 THEN (vm.value" + FLIP + ") <= (host.value" + FLIP + ")")
        + ("     WHEN 8 THEN host.value <> 0 AND pmod(" + vu + ", " + hu + ") = 0")
        + ("     WHEN 9 THEN vm.value <> 0 AND pmod(" + hu + ", " + vu + ") = 0")
        + "   END AS pass"
        + "   FROM vm JOIN host ON vm.vector_id = host.vector_id)"
        + " SELECT j.vm_id, j.host_id FROM judged j JOIN need ON j.vm_id = need.system_id"
        + " GROUP BY j.vm_id, j.host_id, need.n"
        + " HAVING sum(CASE WHEN pass THEN 1 ELSE 0 END) = need.n";
  }

  private static String unsigned(String bits) {
    return "(CASE WHEN "
        + bits
        + " < 0 THEN CAST("
        + bits
        + " AS DECIMAL(20,0)) + 18446744073709551616 ELSE CAST("
        + bits
        + " AS DECIMAL(20,0)) END)";
  }
}
