package org.fleetcompat.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sort_array;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Systems with identical vector sets, grouped into classes (SPEC section 6). Class numbers are
 * 0-based and ordered by each class's smallest system id, so an unchanged input gets the same
 * numbers on every run. Numbering is a distributed sort plus {@code zipWithIndex}, never a
 * single-partition window: this is the VM side, which stays distributed ({@link HostSide#of}
 * numbers the host side the same way on the driver).
 *
 * @param classes {@code vectors, member_ids ARRAY<STRING> (sorted), class INT}
 */
public record SystemClasses(Dataset<Row> classes) {

  /** Groups the accepted systems ({@code system_id, vectors}) of one side into classes. */
  public static SystemClasses of(Dataset<Row> systems) {
    Dataset<Row> grouped = group(systems).orderBy(col("member_ids").getItem(0));
    StructType schema = grouped.schema().add("class", DataTypes.IntegerType, false);
    JavaRDD<Row> numbered =
        grouped
            .javaRDD()
            .zipWithIndex()
            .map(t -> RowFactory.create(t._1().get(0), t._1().get(1), Math.toIntExact(t._2())));
    Dataset<Row> classes =
        systems
            .sparkSession()
            .createDataFrame(numbered, schema)
            .persist(StorageLevel.MEMORY_AND_DISK());
    return new SystemClasses(classes);
  }

  /**
   * The classes, not yet numbered: {@code vectors, member_ids ARRAY<STRING>} (sorted), one row per
   * distinct vector set of {@code systems} ({@code system_id, vectors}); lazy.
   */
  static Dataset<Row> group(Dataset<Row> systems) {
    return systems.groupBy("vectors").agg(sort_array(collect_list("system_id")).as("member_ids"));
  }

  /** Frees the cached classes once the job no longer reads them. */
  public void release() {
    classes.unpersist();
  }

  /** One row per system: {@code system_id STRING, class INT}. */
  public Dataset<Row> membership() {
    return classes.select(explode(col("member_ids")).as("system_id"), col("class"));
  }
}
