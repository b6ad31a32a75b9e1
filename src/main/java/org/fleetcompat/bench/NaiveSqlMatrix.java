package org.fleetcompat.bench;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotTable;

/**
 * The naive plan the engine is measured against (SPEC section 7): join every VM vector to every
 * host vector on {@code vector_id}, compare in SQL, and keep the (VM, host) pairs where every VM
 * vector matched and passed. It costs VMs x hosts x vectors rows. Clean input only: it skips
 * validation and quarantine.
 */
public final class NaiveSqlMatrix {
  private static final String UNSIGNED_ORDER = "shiftleft(1L, 63)";

  private NaiveSqlMatrix() {}

  /** The compatible {@code (vm_id, host_id)} pairs of a snapshot; lazy. */
  public static Dataset<Row> compatiblePairs(SparkSession spark, SnapshotInputs inputs) {
    rows(spark, inputs, SnapshotTable.VM_VECTORS).createOrReplaceTempView("naive_vm_rows");
    rows(spark, inputs, SnapshotTable.HOST_VECTORS).createOrReplaceTempView("naive_host_rows");
    String flip = " ^ " + UNSIGNED_ORDER;
    String vu = unsigned("vm.value");
    String hu = unsigned("host.value");
    return spark.sql(
        "WITH vm AS (SELECT DISTINCT system_id, vector_id, compare_operation AS op, value"
            + "   FROM naive_vm_rows),"
            + " host AS (SELECT DISTINCT system_id, vector_id, compare_operation AS op, value"
            + "   FROM naive_host_rows),"
            + " need AS (SELECT system_id, count(*) AS n FROM vm GROUP BY system_id),"
            + " judged AS (SELECT vm.system_id AS vm_id, host.system_id AS host_id,"
            + "   vm.op = host.op AND CASE vm.op"
            + "     WHEN 0 THEN vm.value = host.value"
            + "     WHEN 1 THEN (vm.value & host.value) = host.value"
            + "     WHEN 2 THEN (vm.value & host.value) = vm.value"
            + "     WHEN 3 THEN (vm.value & host.value) = 0"
            + "     WHEN 4 THEN (vm.value"
            + flip
            + ") > (host.value"
            + flip
            + ")"
            + "     WHEN 5 THEN (vm.value"
            + flip
            + ") >= (host.value"
            + flip
            + ")"
            + "     WHEN 6 THEN (vm.value"
            + flip
            + ") < (host.value"
            + flip
            + ")"
            + "     WHEN 7 THEN (vm.value"
            + flip
            + ") <= (host.value"
            + flip
            + ")"
            + "     WHEN 8 THEN host.value <> 0 AND pmod("
            + vu
            + ", "
            + hu
            + ") = 0"
            + "     WHEN 9 THEN vm.value <> 0 AND pmod("
            + hu
            + ", "
            + vu
            + ") = 0"
            + "   END AS pass"
            + "   FROM vm JOIN host ON vm.vector_id = host.vector_id)"
            + " SELECT j.vm_id, j.host_id FROM judged j JOIN need ON j.vm_id = need.system_id"
            + " GROUP BY j.vm_id, j.host_id, need.n"
            + " HAVING sum(CASE WHEN pass THEN 1 ELSE 0 END) = need.n");
  }

  /**
   * A vector table as {@code system_id, vector_id, compare_operation, value} with the value as its
   * 64-bit pattern, as Spark reads it: UINT_64 and DECIMAL(20,0) columns come back as decimals.
   */
  private static Dataset<Row> rows(SparkSession spark, SnapshotInputs inputs, SnapshotTable t) {
    Dataset<Row> raw = spark.read().parquet(inputs.required(t).files().toArray(String[]::new));
    String v = "`" + SnapshotTable.COMPATIBILITY_INFO + "`";
    String bits =
        raw.schema().apply(SnapshotTable.COMPATIBILITY_INFO).dataType()
                instanceof org.apache.spark.sql.types.DecimalType
            ? "CASE WHEN "
                + v
                + " >= 9223372036854775808 THEN CAST("
                + v
                + " - 18446744073709551616 AS BIGINT) ELSE CAST("
                + v
                + " AS BIGINT) END"
            : "CAST(" + v + " AS BIGINT)";
    return raw.selectExpr(
        "CAST(`" + t.idColumn() + "` AS STRING) AS system_id",
        "CAST(vector_id AS BIGINT) AS vector_id",
        "CAST(compare_operation AS BIGINT) AS compare_operation",
        bits + " AS value");
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
