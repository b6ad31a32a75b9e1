package org.fleetcompat.job;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.io.WrittenRows;

/**
 * Writes result tables as Parquet under one directory. Thread safe: tables may be written at once.
 */
final class ResultWriter {
  private final String dir;

  ResultWriter(String dir) {
    this.dir = dir;
  }

  /**
   * Writes {@code table} as {@code dir/name} and returns its row count, read back from the written
   * files' footers on the driver (no Spark job, and it proves the files are readable).
   */
  long write(String name, Dataset<Row> table) {
    String path = dir + "/" + name;
    try {
      table.write().parquet(path);
    } catch (FleetcompatException e) {
      throw e;
    } catch (Exception e) {
      // Exception: Spark's checked SparkException reaches here undeclared.
      throw new FleetcompatException(
          ReturnCode.FAILED,
          "Cannot write result table " + name + " to " + path + ": " + e.getMessage(),
          e);
    }
    return WrittenRows.count(path, table.sparkSession().sparkContext().hadoopConfiguration());
  }
}
