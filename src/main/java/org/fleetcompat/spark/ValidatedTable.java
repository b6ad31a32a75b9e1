package org.fleetcompat.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fleetcompat.io.RowAccounting;

/**
 * A table after validation: what is kept, what is quarantined, and the balance between them.
 *
 * @param accepted the kept systems ({@code system_id} plus the table's columns)
 * @param rejected quarantined rows: {@code table, system_id, reason, message, row, file}
 * @param statuses per named system, whether it was kept: {@code system_id STRING, accepted BOOLEAN}
 * @param accounting where every input row went; computed eagerly, so it costs Spark actions
 * @param verdicts the persisted verdicts the other datasets are read from
 */
public record ValidatedTable(
    Dataset<Row> accepted,
    Dataset<Row> rejected,
    Dataset<Row> statuses,
    RowAccounting accounting,
    Dataset<Row> verdicts) {

  /** Frees the cached verdicts once the job no longer reads this table. */
  public void release() {
    verdicts.unpersist();
  }
}
