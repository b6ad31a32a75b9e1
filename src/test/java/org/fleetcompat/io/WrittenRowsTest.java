package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.fleetcompat.core.FleetcompatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WrittenRows}: rows summed over part files from their footers, hidden files skipped. */
class WrittenRowsTest {
  @TempDir Path tmp;

  private final Configuration conf = new Configuration();

  private static List<VectorRow> rows(String system, int n) {
    List<VectorRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(VectorRow.of(system, i, 2, i));
    }
    return rows;
  }

  @Test
  void sumsTheFootersOfEveryPartFileAndSkipsHiddenFiles() throws IOException {
    Path table = writeParts(12, 5);
    Files.writeString(table.resolve("_SUCCESS"), "");
    Files.writeString(table.resolve(".part-0.parquet.crc"), "not parquet");

    assertThat(partFiles(table)).isEqualTo(3);
    assertThat(WrittenRows.count(table.toString(), conf)).isEqualTo(12);
  }

  @Test
  void aFileThatIsNotParquetIsAnErrorNamingIt() throws IOException {
    Path table = Files.createDirectories(tmp.resolve("t"));
    Files.writeString(table.resolve("part-0.parquet"), "truncated");

    assertThatThrownBy(() -> WrittenRows.count(table.toString(), conf))
        .isInstanceOf(FleetcompatException.class)
        .hasMessageContaining("part-0.parquet");
  }

  @Test
  void aBrokenFileAmongManyIsNamedToo() throws IOException {
    Path table = writeParts(40, 2);
    Files.writeString(table.resolve("part-broken.parquet"), "truncated");

    assertThat(partFiles(table)).isGreaterThan(WrittenRows.READERS);
    assertThatThrownBy(() -> WrittenRows.count(table.toString(), conf))
        .isInstanceOf(FleetcompatException.class)
        .hasMessageContaining("part-broken.parquet");
  }

  /** A table of {@code rows} rows in part files of {@code rowsPerFile}; returns its directory. */
  private Path writeParts(int rows, int rowsPerFile) {
    SnapshotTableWriter.writeVectors(
        tmp,
        SnapshotTable.VM_VECTORS,
        rows("vm-1", rows),
        WriteOptions.defaults().withRowsPerFile(rowsPerFile));
    return tmp.resolve(SnapshotTable.VM_VECTORS.tableName());
  }

  private static long partFiles(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
    }
  }
}
