package org.fleetcompat.job;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Writes result tables as Parquet under one directory and records each table's row count. */
final class ResultWriter {
  private final String dir;
  private final Map<String, Long> rowCounts;

  ResultWriter(String dir, Map<String, Long> rowCounts) {
    this.dir = dir;
    this.rowCounts = rowCounts;
  }

  /** Writes {@code table} as {@code dir/name}; the count comes from the written files' footers. */
  void write(String name, Dataset<Row> table) {
    String path = dir + "/" + name;
    table.write().parquet(path);
    rowCounts.put(name, table.sparkSession().read().parquet(path).count());
  }
}
