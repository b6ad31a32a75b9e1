package org.fleetcompat.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Local files of the benchmark: finding a snapshot table's Parquet files (SPEC section 3: one
 * {@code NAME.parquet} file or a directory {@code NAME/} of part files) and deleting scratch trees.
 * Plain {@code java.nio}, so the DuckDB peer's own process needs nothing else on its class path.
 * Stateless and thread safe.
 */
public final class BenchFiles {
  private BenchFiles() {}

  /**
   * The Parquet files of table {@code table} of a local snapshot: every {@code *.parquet} file
   * under {@code <snapshot>/<table>/} (recursively, sorted, skipping names that start with {@code
   * _} or {@code .} as Spark and Hadoop do), else {@code <snapshot>/<table>.parquet}.
   *
   * @throws IllegalArgumentException if the table is absent or its directory holds no Parquet file
   * @throws UncheckedIOException if the directory cannot be listed
   */
  public static List<Path> tableFiles(Path snapshot, String table) {
    Path named = snapshot.resolve(table);
    Path file = snapshot.resolve(table + ".parquet");
    if (!Files.isDirectory(named) && Files.isRegularFile(file)) {
      return List.of(file);
    }
    // NAME.parquet/ as a directory is what df.write.parquet("NAME.parquet") makes.
    Path dir = !Files.isDirectory(named) && Files.isDirectory(file) ? file : named;
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "Cannot find "
              + table
              + " in snapshot "
              + snapshot
              + ": expected "
              + table
              + ".parquet or a directory "
              + table
              + "/ of Parquet files");
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !dir.relativize(p).toString().matches("(.*/)?[_.].*"))
              .filter(p -> p.getFileName().toString().endsWith(".parquet"))
              .sorted()
              .toList();
      if (files.isEmpty()) {
        throw new IllegalArgumentException(
            "Cannot read "
                + table
                + " in snapshot "
                + snapshot
                + ": "
                + dir
                + " has no .parquet file");
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Deletes {@code dir} and everything under it; nothing if it does not exist.
   *
   * @throws UncheckedIOException if something cannot be deleted
   */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }
}
