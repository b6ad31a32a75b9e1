package org.fleetcompat.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;

/**
 * Systems with identical vector sets, grouped into classes (SPEC section 6). Class numbers are
 * 0-based and ordered by each class's smallest system id, so an unchanged input gets the same
 * numbers on every run.
 *
 * @param classes {@code class INT, vectors, representative STRING, members BIGINT}
 * @param membership {@code system_id STRING, class INT}
 */
public record SystemClasses(Dataset<Row> classes, Dataset<Row> membership) {

  /** Groups the accepted systems ({@code system_id, vectors}) of one side into classes. */
  public static SystemClasses of(Dataset<Row> systems) {
    Dataset<Row> classes =
        systems
            .groupBy("vectors")
            .agg(min("system_id").as("representative"), count(lit(1)).as("members"))
            .withColumn(
                "class", row_number().over(Window.orderBy("representative")).minus(1).cast("int"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> membership =
        systems
            .join(classes.select("vectors", "class"), "vectors")
            .select(col("system_id"), col("class"));
    return new SystemClasses(classes, membership);
  }
}
