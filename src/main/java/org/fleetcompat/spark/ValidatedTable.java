package org.fleetcompat.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fleetcompat.io.RowAccounting;

/**
 * A table after validation: what is kept, what is quarantined, and the balance between them.
 *
 * @param accepted the kept rows (shape depends on the table)
 * @param rejected quarantined rows: {@code table, system_id, reason, message, row, file}
 * @param accounting where every input row went; computed eagerly, so it costs Spark actions
 */
public record ValidatedTable(
    Dataset<Row> accepted, Dataset<Row> rejected, RowAccounting accounting) {}
