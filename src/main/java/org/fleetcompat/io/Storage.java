package org.fleetcompat.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Where snapshots are read from and results written to: a local disk through {@code java.nio}, or
 * any Hadoop file system (HDFS, object stores) through Hadoop's client. Paths are URI strings as
 * users give them ({@code /data/snap}, {@code file:/data/snap}, {@code hdfs://nn/snap}).
 *
 * <p>{@link #forPath} picks the local implementation for paths without a scheme and for {@code
 * file:}: it starts no Hadoop machinery at all, which is most of what a small run on one machine
 * used to wait for. Implementations are serializable, so a Spark task can open the files it was
 * handed, and thread safe.
 */
public interface Storage extends Serializable {

  /**
   * The storage for {@code path}: {@link LocalStorage} for a plain path or a {@code file:} URI,
   * else {@link HadoopStorage} with {@code hadoop} (a {@code org.apache.hadoop.conf.Configuration}
   * supplier, so that local runs never build one).
   */
  static Storage forPath(String path, HadoopStorage.ConfSupplier hadoop) {
    return LocalStorage.handles(path) ? LocalStorage.INSTANCE : new HadoopStorage(hadoop.get());
  }

  /** Whether this storage is the machine's own disk (where a symbolic link can be swapped). */
  boolean isLocal();

  /** {@code path} made absolute and normalized: the form manifests and messages name. */
  String qualify(String path);

  /** {@code child} resolved under directory {@code dir}. */
  String resolve(String dir, String child);

  /** Whether anything exists at {@code path}. */
  boolean exists(String path) throws IOException;

  /** Whether {@code path} is a directory. */
  boolean isDirectory(String path) throws IOException;

  /**
   * The files under directory {@code dir}, recursively, sorted, as qualified paths; names starting
   * with {@code _} or {@code .} below {@code dir} (and everything under such directories) are
   * skipped, as Spark skips {@code _SUCCESS} and {@code .crc} files.
   */
  List<String> listVisibleFiles(String dir) throws IOException;

  /**
   * The names of the entries directly under directory {@code dir} (files, directories, and on a
   * local disk symbolic links, whatever they point to), hidden ones included, sorted; empty if
   * {@code dir} does not exist. One listing call: cheap also on object stores.
   */
  List<String> listNames(String dir) throws IOException;

  /** The size of the file at {@code path} in bytes. */
  long size(String path) throws IOException;

  /** Creates directory {@code dir} and its parents. */
  void mkdirs(String dir) throws IOException;

  /** Deletes {@code path}, recursively; nothing if it does not exist. */
  void delete(String path) throws IOException;

  /**
   * Renames {@code from} to {@code to}, which must not exist.
   *
   * @throws IOException if the rename fails
   */
  void rename(String from, String to) throws IOException;

  /** Opens a file for reading. */
  InputStream open(String path) throws IOException;

  /** Creates (or replaces) a file for writing. */
  OutputStream create(String path) throws IOException;

  /** The file at {@code path} for Parquet's readers. */
  InputFile inputFile(String path) throws IOException;

  /** A new file at {@code path} for Parquet's writers. */
  OutputFile outputFile(String path) throws IOException;

  /** The options Parquet's readers open this storage's files with. */
  ParquetReadOptions readOptions();
}
