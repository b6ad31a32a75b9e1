package org.fleetcompat.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FileSystem;

/**
 * Checks a local input file against its Hadoop checksum sidecar ({@code .NAME.crc}, written beside
 * every file by Spark and Hadoop's local file system), so that both runners refuse a damaged copy
 * alike and before any work: Spark's reader checks sidecars on every read, the in-process reader
 * reads the bytes directly and would not. Costs one read of each file that has a sidecar; files
 * without one, and files on other file systems (whose own checksums their clients verify), are not
 * read.
 *
 * <p>Stateless and thread safe.
 */
final class ChecksumSidecars {
  private ChecksumSidecars() {}

  /**
   * Reads {@code file} through Hadoop's checksumming local file system when it has a sidecar.
   *
   * @throws org.fleetcompat.core.FleetcompatException status 32773 naming the file and its sidecar
   *     when they disagree
   */
  static void verify(Storage storage, String file, SnapshotTable table) {
    if (!storage.isLocal()) {
      return;
    }
    Path path = LocalStorage.toPath(file);
    Path sidecar = path.resolveSibling("." + path.getFileName() + ".crc");
    if (!Files.isRegularFile(sidecar)) {
      return;
    }
    try {
      FileSystem fs = FileSystem.getLocal(new Configuration());
      try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(path.toUri()))) {
        in.transferTo(OutputStream.nullOutputStream());
      }
    } catch (ChecksumException e) {
      throw InputErrors.badChecksum(file, table, sidecar.toString(), e);
    } catch (IOException e) {
      throw InputErrors.unreadable(file, table, e);
    }
  }
}
