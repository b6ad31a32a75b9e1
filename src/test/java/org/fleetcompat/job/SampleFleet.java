package org.fleetcompat.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.io.VectorCatalogReader;

/**
 * The {@code data-samples/cpu-fleet} snapshot and the shipped vector catalog as the cross-check
 * tests use them, and the one way they read a result table back: small tables, collected.
 */
final class SampleFleet {
  static final Path ROOT = Path.of(System.getProperty("basedir", "."));
  static final String SNAPSHOT = ROOT.resolve("data-samples/cpu-fleet").toString();
  static final Path CATALOG_FILE = ROOT.resolve("conf/vector-catalog.json");

  /** The VMs the sample quarantines (expected/rejected.csv). */
  static final List<String> QUARANTINED_VMS = List.of("vm-02027", "vm-02717");

  /** The VM the sample's vms table places on a host but that has no vector rows. */
  static final String VM_WITHOUT_VECTORS = "vm-03001";

  /** Every VM a vms row places on a host that the run cannot count there. */
  static final List<String> UNEVALUATED_VMS = List.of("vm-02027", "vm-02717", VM_WITHOUT_VECTORS);

  private SampleFleet() {}

  /** The shipped catalog, read as {@code --catalog conf/vector-catalog.json} reads it. */
  static VectorCatalog catalog() {
    return VectorCatalogReader.read(CATALOG_FILE);
  }

  /** The named columns of a result table, every row. */
  static List<Row> rows(SparkSession spark, String out, String table, String... columns) {
    return spark.read().parquet(out + "/" + table).selectExpr(columns).collectAsList();
  }

  /** The rows of a result table by their first column (an id), in id order. */
  static Map<String, Row> byId(SparkSession spark, String out, String table, String... columns) {
    Map<String, Row> rows = new TreeMap<>();
    for (Row r : rows(spark, out, table, columns)) {
      rows.put(r.getString(0), r);
    }
    return rows;
  }

  /** The ids of a result table (its first column), in id order. */
  static List<String> ids(SparkSession spark, String out, String table, String idColumn) {
    return new ArrayList<>(byId(spark, out, table, idColumn).keySet());
  }
}
