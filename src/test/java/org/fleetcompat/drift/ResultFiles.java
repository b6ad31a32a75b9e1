package org.fleetcompat.drift;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fleetcompat.io.LocalStorage;
import org.fleetcompat.io.ResultTable;
import org.fleetcompat.io.TableFileWriter;

/** Writes a {@link ResultFixture} as a result directory of Parquet files, with io's writer. */
public final class ResultFiles {
  private ResultFiles() {}

  /** Writes every table of {@code f} and its manifest into {@code dir}; returns {@code dir}. */
  public static Path write(ResultFixture f, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<ResultTable, List<Object[]>> e : f.tables().entrySet()) {
      ResultTable t = e.getKey();
      TableFileWriter.write(
          LocalStorage.INSTANCE,
          dir.resolve(t.tableName()).resolve("part-00000.parquet").toString(),
          t.tableName(),
          t.columns(false),
          e.getValue());
    }
    Files.writeString(
        dir.resolve("manifest.json"), f.manifestJson(dir.toString()), StandardCharsets.UTF_8);
    return dir;
  }
}
