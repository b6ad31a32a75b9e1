package org.fleetcompat.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/** {@link Storage} on the machine's own disk, through {@code java.nio}. Stateless. */
public final class LocalStorage implements Storage {
  private static final long serialVersionUID = 1L;

  /** The one instance. */
  public static final LocalStorage INSTANCE = new LocalStorage();

  private LocalStorage() {}

  /** Whether {@code path} names the local disk: no scheme, or {@code file:}. */
  static boolean handles(String path) {
    int colon = path.indexOf(':');
    int slash = path.indexOf('/');
    boolean hasScheme = colon > 1 && (slash < 0 || colon < slash);
    return !hasScheme || path.startsWith("file:");
  }

  /** {@code path} as a local path. */
  public static Path toPath(String path) {
    return path.startsWith("file:") ? Path.of(URI.create(path)) : Path.of(path);
  }

  @Override
  public boolean isLocal() {
    return true;
  }

  @Override
  public String qualify(String path) {
    return toPath(path).toAbsolutePath().normalize().toString();
  }

  @Override
  public String resolve(String dir, String child) {
    return toPath(dir).resolve(child).toString();
  }

  @Override
  public boolean exists(String path) {
    return Files.exists(toPath(path), LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public boolean isDirectory(String path) {
    return Files.isDirectory(toPath(path));
  }

  @Override
  public List<String> listVisibleFiles(String dir) throws IOException {
    Path root = toPath(dir).toAbsolutePath().normalize();
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> isVisible(root, p))
          .map(Path::toString)
          .forEach(files::add);
    }
    files.sort(Comparator.naturalOrder());
    return files;
  }

  @Override
  public List<String> listNames(String dir) throws IOException {
    Path d = toPath(dir);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(d)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static boolean isVisible(Path root, Path file) {
    for (Path name : root.relativize(file)) {
      String n = name.toString();
      if (n.startsWith("_") || n.startsWith(".")) {
        return false;
      }
    }
    return true;
  }

  @Override
  public long size(String path) throws IOException {
    return Files.size(toPath(path));
  }

  @Override
  public void mkdirs(String dir) throws IOException {
    Files.createDirectories(toPath(dir));
  }

  @Override
  public void delete(String path) throws IOException {
    Path p = toPath(path);
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (Files.isSymbolicLink(p) || !Files.isDirectory(p)) {
      Files.delete(p);
      return;
    }
    try (Stream<Path> tree = Files.walk(p)) {
      for (Path q : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }

  @Override
  public void rename(String from, String to) throws IOException {
    Path target = toPath(to);
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("cannot rename " + from + " to " + to + ": the target exists");
    }
    try {
      Files.move(toPath(from), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(toPath(from), target);
    }
  }

  @Override
  public InputStream open(String path) throws IOException {
    return Files.newInputStream(toPath(path));
  }

  @Override
  public OutputStream create(String path) throws IOException {
    Path p = toPath(path);
    if (p.getParent() != null) {
      Files.createDirectories(p.getParent());
    }
    return Files.newOutputStream(p);
  }

  @Override
  public InputFile inputFile(String path) {
    return new LocalInputFile(toPath(path));
  }

  @Override
  public OutputFile outputFile(String path) throws IOException {
    Path p = toPath(path);
    if (p.getParent() != null) {
      Files.createDirectories(p.getParent());
    }
    return new LocalOutputFile(p);
  }

  /** Options that build no Hadoop configuration. */
  @Override
  public ParquetReadOptions readOptions() {
    return ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
  }

  /** One instance per JVM, also after deserialization. */
  private Object readResolve() {
    return INSTANCE;
  }
}
