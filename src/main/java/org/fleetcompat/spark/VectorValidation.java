package org.fleetcompat.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.fleetcompat.io.RejectReason;
import org.fleetcompat.io.RowAccounting;
import org.fleetcompat.io.SnapshotTable;

/**
 * Validation and quarantine of a vector table (SPEC section 4), all in Spark SQL so it scales with
 * the fleet:
 *
 * <ul>
 *   <li>exact duplicate rows are collapsed and counted;
 *   <li>a system with any faulty row, or two rows for one {@code vector_id} that disagree, is
 *       quarantined whole: a system is never evaluated with a subset of its vectors, which would
 *       make it look compatible with more hosts than it is;
 *   <li>every input row is accepted, rejected or collapsed exactly once.
 * </ul>
 *
 * <p>Accepted output: {@code system_id STRING, vectors ARRAY<STRUCT<vector_id BIGINT,
 * compare_operation BIGINT, value BIGINT>>} sorted by {@code vector_id}.
 */
public final class VectorValidation {
  private VectorValidation() {}

  /** Validates rows shaped by {@link VectorTableLoader}; runs the counting actions. */
  public static ValidatedTable validate(Dataset<Row> rows, SnapshotTable table) {
    rows = rows.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> distinct =
        rows.filter("fault IS NULL")
            .groupBy("system_id", "vector_id", "compare_operation", "value")
            .agg(count(lit(1)).as("copies"));
    Dataset<Row> conflicts =
        distinct
            .groupBy("system_id", "vector_id")
            .agg(count(lit(1)).as("variants"))
            .filter("variants > 1")
            .select(col("system_id"), col("vector_id"), lit(true).as("conflicting"));
    Dataset<Row> faultCauses =
        rows.filter("fault IS NOT NULL AND system_id IS NOT NULL")
            .groupBy("system_id")
            .agg(min(struct(col("fault"), col("message"))).as("cause"));
    Dataset<Row> conflictCauses =
        conflicts
            .groupBy("system_id")
            .agg(min("vector_id").as("vector_id"))
            .select(
                col("system_id"),
                struct(
                        lit(RejectReason.CONFLICTING_DUPLICATE.name()).as("fault"),
                        expr("concat('vector_id 0x', lower(hex(vector_id)),"
                                + " ' appears with different compare_operation or"
                                + " compatibility_info values')")
                            .as("message"))
                    .as("cause"));
    Dataset<Row> badSystems =
        faultCauses
            .unionByName(conflictCauses)
            .groupBy("system_id")
            .agg(min("cause").as("cause"))
            .persist(StorageLevel.MEMORY_AND_DISK());

    Dataset<Row> quarantined =
        rows.join(badSystems, "system_id")
            .join(conflicts, new String[] {"system_id", "vector_id"}, "left")
            .select(
                lit(table.tableName()).as("table"),
                col("system_id"),
                expr("CASE WHEN fault IS NOT NULL THEN fault WHEN conflicting THEN '"
                        + RejectReason.CONFLICTING_DUPLICATE
                        + "' ELSE '"
                        + RejectReason.SYSTEM_QUARANTINED
                        + "' END")
                    .as("reason"),
                expr("CASE WHEN fault IS NOT NULL THEN message"
                        + " WHEN conflicting THEN concat('vector_id 0x', lower(hex(vector_id)),"
                        + " ' of ', system_id, ' appears with different compare_operation or"
                        + " compatibility_info values; the whole system is quarantined')"
                        + " ELSE concat('quarantined with its system ', system_id, ' (',"
                        + " cause.fault, ': ', cause.message, ')') END")
                    .as("message"),
                col("row"),
                col("file"));
    Dataset<Row> orphans =
        rows.filter("system_id IS NULL")
            .select(
                lit(table.tableName()).as("table"),
                col("system_id"),
                col("fault").as("reason"),
                col("message"),
                col("row"),
                col("file"));
    Dataset<Row> rejected = quarantined.unionByName(orphans);

    Dataset<Row> acceptedRows =
        distinct
            .join(
                badSystems,
                distinct.col("system_id").equalTo(badSystems.col("system_id")),
                "left_anti")
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> systems =
        acceptedRows
            .groupBy("system_id")
            .agg(
                sort_array(
                        collect_list(
                            struct(col("vector_id"), col("compare_operation"), col("value"))))
                    .as("vectors"));

    long read = rows.count();
    long rejectedCount = rejected.count();
    Row kept = acceptedRows.agg(count(lit(1)), sum("copies")).first();
    long acceptedCount = kept.getLong(0);
    long copies = kept.isNullAt(1) ? 0 : kept.getLong(1);
    RowAccounting accounting =
        new RowAccounting(read, acceptedCount, rejectedCount, copies - acceptedCount);
    return new ValidatedTable(systems, rejected, accounting);
  }
}
