package org.fleetcompat.bench;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a synthetic fleet of a {@link BenchShape} as a snapshot, with Spark (so a million VMs take
 * seconds and no driver memory). Realistic in the ways the engine relies on: few feature
 * "generations", nested feature masks (SubSet), a minimum configuration version
 * (GreaterThanOrEqual) and a large width value at and above 2^63 (LessThanOrEqual) that makes every
 * class distinct. About a third of VM-host pairs are compatible.
 *
 * <p>System {@code i} belongs to class {@code i % classes}; a class's vectors depend only on the
 * class, so the fleet has exactly the shape's class counts. Values are written as signed INT64 bit
 * patterns, the way Spark writes longs.
 */
public final class BenchFleetWriter {
  private static final int GENERATIONS = 8;

  private BenchFleetWriter() {}

  /** Writes {@code host_vectors/} and {@code vm_vectors/} under {@code snapshotDir}. */
  public static void write(SparkSession spark, BenchShape shape, String snapshotDir) {
    side(spark, shape.vms(), shape.vmClasses(), shape.vectors(), "vm", true)
        .write()
        .mode("overwrite")
        .parquet(snapshotDir + "/vm_vectors");
    side(spark, shape.hosts(), shape.hostClasses(), shape.vectors(), "h", false)
        .write()
        .mode("overwrite")
        .parquet(snapshotDir + "/host_vectors");
  }

  private static Dataset<Row> side(
      SparkSession spark, int systems, int classes, int vectors, String prefix, boolean vm) {
    String id = vm ? "vm_id" : "host_id";
    // gen: the feature generation of the class; a VM needs gen <= the host's gen (nested masks)
    // and its configuration version must reach the host's minimum, which lags two generations.
    String gen = "pmod(xxhash64(c, " + (vm ? 1 : 2) + "), " + GENERATIONS + ")";
    String mask = "shiftleft(shiftleft(1L, 8 + 6 * gen) - 1, pmod(k, 4))";
    String subSet =
        vm
            ? "("
                + mask
                + " & ~shiftleft(1L, CAST(pmod(c, 8) AS INT)))"
                + " | CASE WHEN pmod(k, 4) = 3 THEN shiftleft(1L, 63) ELSE 0L END"
            : mask + " | CASE WHEN pmod(k, 4) = 3 THEN shiftleft(1L, 63) ELSE 0L END";
    String version = vm ? "2048 + 256 * gen" : "2048 + 256 * greatest(gen - 2, 0)";
    String width = vm ? "shiftleft(1L, 63) + c" : "shiftleft(1L, 63) + 4294967296 + c";
    int files = Math.max(1, (int) Math.min(64, (long) systems * vectors / 2_000_000L));
    return spark
        .range(systems)
        .withColumnRenamed("id", "i")
        .crossJoin(spark.range(vectors).withColumnRenamed("id", "k"))
        .selectExpr("i", "k", "pmod(i, " + classes + ") AS c")
        .selectExpr("i", "k", "c", gen + " AS gen")
        .selectExpr(
            "concat('" + prefix + "-', lpad(CAST(i AS STRING), 8, '0')) AS " + id,
            "CASE WHEN pmod(k, 7) = 6 THEN 2147483648 + k ELSE 268435712 + k END AS vector_id",
            "CAST(CASE pmod(k, 6) WHEN 4 THEN 5 WHEN 5 THEN 7 ELSE 2 END AS INT)"
                + " AS compare_operation",
            "CASE pmod(k, 6) WHEN 4 THEN "
                + version
                + " WHEN 5 THEN "
                + width
                + " ELSE "
                + subSet
                + " END AS compatibility_info")
        .repartition(files);
  }
}
