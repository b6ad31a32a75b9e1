package org.fleetcompat.reference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DecimalType;
import org.fleetcompat.reference.NestedLoopReference.Pair;

/**
 * The naive plan, as a second, independent reference: read both vector tables with Spark's own
 * Parquet reader, join every VM vector to the host vector of the same id, compare in SQL with exact
 * DECIMAL(21,0) arithmetic for the unsigned order and BIGINT bit patterns for the masks, and keep
 * the pairs where every VM vector matched and passed. Costs VMs x hosts x vectors rows, so only for
 * small test fleets. Assumes clean input (no quarantined rows); exact duplicates are folded with
 * DISTINCT.
 */
public final class SparkSqlReference {
  private SparkSqlReference() {}

  /** The compatible (vm, host) pairs of the snapshot at {@code snapshot}. */
  public static Set<Pair> compatiblePairs(SparkSession spark, Path snapshot) {
    register(spark, snapshot, "vm_vectors", "vm_id", "ref_vm");
    register(spark, snapshot, "host_vectors", "host_id", "ref_host");
    String sql =
        """
        WITH vm AS (SELECT DISTINCT * FROM ref_vm),
             host AS (SELECT DISTINCT * FROM ref_host),
             need AS (SELECT id AS vm_id, count(*) AS n FROM vm GROUP BY id),
             judged AS (
               SELECT vm.id AS vm_id, host.id AS host_id,
                 vm.op = host.op AND CASE vm.op
                   WHEN 0 THEN vm.u = host.u
                   WHEN 1 THEN (vm.b & host.b) = host.b
                   WHEN 2 THEN (vm.b & host.b) = vm.b
                   WHEN 3 THEN (vm.b & host.b) = 0
                   WHEN 4 THEN vm.u > host.u
                   WHEN 5 THEN vm.u >= host.u
                   WHEN 6 THEN vm.u < host.u
                   WHEN 7 THEN vm.u <= host.u
                   WHEN 8 THEN host.u <> 0 AND pmod(vm.u, host.u) = 0
                   WHEN 9 THEN vm.u <> 0 AND pmod(host.u, vm.u) = 0
                 END AS pass
               FROM vm JOIN host ON vm.vid = host.vid)
        SELECT j.vm_id, j.host_id FROM judged j JOIN need ON j.vm_id = need.vm_id
        GROUP BY j.vm_id, j.host_id, need.n
        HAVING sum(CASE WHEN pass THEN 1 ELSE 0 END) = need.n
        """;
    Set<Pair> out = new TreeSet<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      out.add(new Pair(r.getString(0), r.getString(1)));
    }
    return out;
  }

  private static void register(
      SparkSession spark, Path snapshot, String table, String idColumn, String view) {
    Path dir = snapshot.resolve(table);
    Path path = Files.isDirectory(dir) ? dir : snapshot.resolve(table + ".parquet");
    var df = spark.read().parquet(path.toString());
    boolean decimal = df.schema().apply("compatibility_info").dataType() instanceof DecimalType;
    // u: the exact unsigned value; b: the 64-bit pattern.
    String u =
        decimal
            ? "CAST(compatibility_info AS DECIMAL(21,0))"
            : "CASE WHEN compatibility_info < 0 THEN CAST(compatibility_info AS DECIMAL(21,0))"
                + " + 18446744073709551616 ELSE CAST(compatibility_info AS DECIMAL(21,0)) END";
    String b =
        decimal
            ? "CAST(CASE WHEN compatibility_info >= 9223372036854775808"
                + " THEN compatibility_info - 18446744073709551616 ELSE compatibility_info END"
                + " AS BIGINT)"
            : "compatibility_info";
    df.selectExpr(
            idColumn + " AS id",
            "CAST(vector_id AS BIGINT) AS vid",
            "CAST(compare_operation AS INT) AS op",
            u + " AS u",
            b + " AS b")
        .createOrReplaceTempView(view);
  }
}
