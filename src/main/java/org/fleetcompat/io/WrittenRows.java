package org.fleetcompat.io;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
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
  private WrittenRows() {}

  /** The rows of every Parquet data file directly under {@code dir}. */
  public static long count(String dir, Configuration conf) {
    Path root = new Path(dir);
    long rows = 0;
    try {
      FileSystem fs = root.getFileSystem(conf);
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, false);
      while (files.hasNext()) {
        Path file = files.next().getPath();
        if (!file.getName().startsWith("_") && !file.getName().startsWith(".")) {
          rows += rowsOf(file, conf);
        }
      }
    } catch (IOException e) {
      throw unreadable(dir, e);
    }
    return rows;
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
        "Cannot read back the written table at " + path + ": " + e.getMessage(),
        e);
  }
}
