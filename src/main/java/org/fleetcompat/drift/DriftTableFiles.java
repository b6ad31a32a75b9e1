package org.fleetcompat.drift;

import java.util.List;
import org.fleetcompat.io.Storage;
import org.fleetcompat.io.TableFileWriter;

/**
 * Writes one drift table as a directory with one Parquet part file ({@code part-00000.parquet}),
 * through io's {@link TableFileWriter}, so every reader (Spark, DuckDB, pandas) takes the declared
 * schema, also of an empty table.
 */
final class DriftTableFiles {
  private DriftTableFiles() {}

  static long write(Storage storage, String tableDir, DriftTable table, List<Object[]> rows) {
    return TableFileWriter.write(
        storage,
        storage.resolve(tableDir, "part-00000.parquet"),
        table.tableName(),
        table.columns(),
        rows);
  }
}
