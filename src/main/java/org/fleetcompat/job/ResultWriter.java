package org.fleetcompat.job;

import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.io.WrittenRows;

/**
 * Writes result tables as Parquet under one directory. Thread safe: tables may be written at once.
 */
final class ResultWriter {
  /**
   * Per-system tables up to this many rows are written as one sorted file: cheaper than a
   * distributed sort, and one task writes them in a second or two.
   */
  static final long ONE_FILE_ROWS = 2_000_000L;

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
          "Cannot write result table "
              + name
              + " to "
              + path
              + ": "
              + e.getMessage()
              + "; check that --out is writable and has space, then run again",
          e);
    }
    return WrittenRows.count(path, table.sparkSession().sparkContext().hadoopConfiguration());
  }

  /**
   * {@code table} sorted by {@code keys} for writing: up to {@link #ONE_FILE_ROWS} rows (as the
   * caller counts them) as one sorted file (one task, no sampling job), above that by Spark's
   * distributed sort into ordered part files. Reads in order either way.
   */
  static Dataset<Row> sortForWriting(Dataset<Row> table, long rows, String... keys) {
    String first = keys[0];
    String[] rest = Arrays.copyOfRange(keys, 1, keys.length);
    return rows <= ONE_FILE_ROWS
        ? table.coalesce(1).sortWithinPartitions(first, rest)
        : table.orderBy(first, rest);
  }
}
