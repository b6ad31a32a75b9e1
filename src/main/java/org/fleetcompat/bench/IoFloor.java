package org.fleetcompat.bench;

import org.apache.spark.sql.SparkSession;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotTable;

/**
 * The I/O floor of a run: Spark reading every column of both vector tables and writing as many
 * (vm_id, host_id) rows as the engine's {@code compatible_pairs}, with ids of the same shape. No
 * engine can be faster than this on the same session.
 */
final class IoFloor {
  private IoFloor() {}

  static void run(SparkSession spark, SnapshotInputs inputs, long pairs, String outDir) {
    for (SnapshotTable t :
        new SnapshotTable[] {SnapshotTable.VM_VECTORS, SnapshotTable.HOST_VECTORS}) {
      spark
          .read()
          .parquet(inputs.required(t).files().toArray(String[]::new))
          .selectExpr("sum(hash(*))")
          .collectAsList();
    }
    spark
        .range(pairs)
        .selectExpr(
            "concat('vm-', lpad(CAST(id % 1000003 AS STRING), 8, '0')) AS vm_id",
            "concat('h-', lpad(CAST(id % 20011 AS STRING), 8, '0')) AS host_id")
        .write()
        .parquet(outDir);
  }
}
