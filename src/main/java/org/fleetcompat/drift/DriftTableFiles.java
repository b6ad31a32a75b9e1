package org.fleetcompat.drift;

import java.util.List;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.io.Storage;

/** Writes one drift table as a directory with one Parquet part file, through io's writer. */
final class DriftTableFiles {
  private DriftTableFiles() {}

  static void write(Storage storage, String tableDir, DriftTable table, List<Object[]> rows) {
    throw new FleetcompatException(
        ReturnCode.FAILED,
        "Cannot write "
            + table.tableName()
            + " to "
            + tableDir
            + ": writing tables needs io.TableFileWriter, which is not on this branch yet."
            + " Merge main once it has landed.");
  }
}
