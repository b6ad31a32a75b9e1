package org.fleetcompat.io;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;

/**
 * {@link Storage} on any Hadoop file system. Serializable: the configuration travels with it (as
 * Hadoop writes it), so tasks on other machines open files with the driver's settings.
 */
public final class HadoopStorage implements Storage {
  private static final long serialVersionUID = 1L;

  /** Supplies a Hadoop configuration only when one is needed. */
  @FunctionalInterface
  public interface ConfSupplier {
    /** The configuration to reach the file system with. */
    Configuration get();
  }

  private transient Configuration conf;

  /** A storage that reaches file systems with {@code conf}. */
  public HadoopStorage(Configuration conf) {
    this.conf = conf;
  }

  /** The configuration in use. */
  public Configuration conf() {
    return conf;
  }

  private FileSystem fs(Path p) throws IOException {
    return p.getFileSystem(conf);
  }

  @Override
  public boolean isLocal() {
    return false;
  }

  @Override
  public String qualify(String path) {
    Path p = new Path(path);
    try {
      return fs(p).makeQualified(p).toString();
    } catch (IOException e) {
      return p.toString();
    }
  }

  @Override
  public String resolve(String dir, String child) {
    return new Path(new Path(dir), child).toString();
  }

  @Override
  public boolean exists(String path) throws IOException {
    Path p = new Path(path);
    return fs(p).exists(p);
  }

  @Override
  public boolean isDirectory(String path) throws IOException {
    Path p = new Path(path);
    FileSystem fs = fs(p);
    return fs.exists(p) && fs.getFileStatus(p).isDirectory();
  }

  @Override
  public List<String> listVisibleFiles(String dir) throws IOException {
    Path root = new Path(dir);
    List<String> files = new ArrayList<>();
    collect(fs(root), root, files);
    Collections.sort(files);
    return files;
  }

  /**
   * Lists with {@code listStatus}, level by level: {@code listFiles}' located statuses ask every
   * file for its permissions, which some file systems cannot give (and object stores pay a round
   * trip for). Hidden names are skipped as the walk meets them.
   */
  private static void collect(FileSystem fs, Path dir, List<String> out) throws IOException {
    for (FileStatus f : fs.listStatus(dir)) {
      String name = f.getPath().getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      if (f.isDirectory()) {
        collect(fs, f.getPath(), out);
      } else {
        out.add(f.getPath().toString());
      }
    }
  }

  @Override
  public List<String> listNames(String dir) throws IOException {
    Path d = new Path(dir);
    FileStatus[] entries;
    try {
      entries = fs(d).listStatus(d);
    } catch (FileNotFoundException e) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (FileStatus f : entries) {
      names.add(f.getPath().getName());
    }
    Collections.sort(names);
    return names;
  }

  @Override
  public long size(String path) throws IOException {
    Path p = new Path(path);
    FileStatus st = fs(p).getFileStatus(p);
    return st.getLen();
  }

  @Override
  public void mkdirs(String dir) throws IOException {
    Path p = new Path(dir);
    fs(p).mkdirs(p);
  }

  @Override
  public void delete(String path) throws IOException {
    Path p = new Path(path);
    fs(p).delete(p, true);
  }

  @Override
  public void rename(String from, String to) throws IOException {
    Path source = new Path(from);
    Path target = new Path(to);
    FileSystem fs = fs(source);
    if (fs.exists(target)) {
      throw new IOException("cannot rename " + from + " to " + to + ": the target exists");
    }
    if (!fs.rename(source, target)) {
      throw new IOException("rename of " + from + " to " + to + " failed");
    }
  }

  @Override
  public InputStream open(String path) throws IOException {
    Path p = new Path(path);
    return fs(p).open(p);
  }

  @Override
  public OutputStream create(String path) throws IOException {
    Path p = new Path(path);
    return fs(p).create(p, true);
  }

  @Override
  public InputFile inputFile(String path) throws IOException {
    return HadoopInputFile.fromPath(new Path(path), conf);
  }

  @Override
  public OutputFile outputFile(String path) throws IOException {
    return HadoopOutputFile.fromPath(new Path(path), conf);
  }

  @Override
  public ParquetReadOptions readOptions() {
    return HadoopReadOptions.builder(conf).build();
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    conf.write(new DataOutputStream(out));
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    conf = new Configuration(false);
    conf.readFields(new DataInputStream(in));
  }
}
