package org.fleetcompat.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one embedded Spark session the tests of a JVM share: {@code local[2]}, UI off, UTC, two
 * shuffle partitions, warehouse and scratch space under {@code target/}.
 */
public final class SparkTestSession {
  private SparkTestSession() {}

  /** The shared session, created on first use; never stopped by tests (the JVM ends it). */
  public static synchronized SparkSession get() {
    return SparkSessions.create(
        "local[2]",
        Map.of(
            "spark.sql.shuffle.partitions", "2",
            "spark.sql.warehouse.dir", "target/spark-warehouse",
            "spark.local.dir", "target/spark-local"));
  }
}
