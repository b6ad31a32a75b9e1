package org.fleetcompat.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;

/**
 * How many rows a written table holds, summed from its data files' footers: no Spark job, and it
 * proves every file is a readable Parquet file. Hidden files ({@code _SUCCESS}, {@code .crc}) are
 * skipped, as Spark does.
 */
public final class WrittenRows {
  /** How many footers are read at once. */
  static final int READERS = 16;

  private WrittenRows() {}

  /**
   * The rows of every Parquet data file directly under {@code dir}. Footers are read by up to
   * {@link #READERS} threads at once: on an object store each read is a round trip, and a pairs
   * table can have thousands of part files.
   *
   * @throws FleetcompatException (32768) naming the directory or file that cannot be read
   */
  public static long count(String dir, Configuration conf) {
    List<Path> files = new ArrayList<>();
    try {
      Path root = new Path(dir);
      RemoteIterator<LocatedFileStatus> it = root.getFileSystem(conf).listFiles(root, false);
      while (it.hasNext()) {
        Path file = it.next().getPath();
        if (!file.getName().startsWith("_") && !file.getName().startsWith(".")) {
          files.add(file);
        }
      }
    } catch (IOException e) {
      throw unreadable(dir, e);
    }
    if (files.size() <= 1) {
      return files.stream().mapToLong(f -> rowsOf(f, conf)).sum();
    }
    ExecutorService readers = Executors.newFixedThreadPool(Math.min(READERS, files.size()));
    try {
      List<Future<Long>> rows = new ArrayList<>();
      for (Path f : files) {
        rows.add(readers.submit(() -> rowsOf(f, conf)));
      }
      long total = 0;
      for (Future<Long> r : rows) {
        total += r.get();
      }
      return total;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreadable(dir, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof FleetcompatException f) {
        throw f;
      }
      throw unreadable(dir, e);
    } finally {
      readers.shutdownNow();
    }
  }

  private static long rowsOf(Path file, Configuration conf) {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
      return reader.getRecordCount();
    } catch (IOException | RuntimeException e) {
      throw unreadable(file.toString(), e);
    }
  }

  private static FleetcompatException unreadable(String path, Exception e) {
    return new FleetcompatException(
        ReturnCode.FAILED,
        "Cannot read back the written table at "
            + path
            + ": "
            + e.getMessage()
            + "; the output file system may be full or failing: check it and run again",
        e);
  }
}
