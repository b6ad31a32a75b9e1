package org.fleetcompat.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Writes and reads {@code manifest.json} with snake_case keys, on any Hadoop file system. */
public final class ManifestWriter {
  /** The manifest's file name inside a result directory. */
  public static final String FILE_NAME = "manifest.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestWriter() {}

  /** Writes the manifest into {@code dir}, replacing any previous one. */
  public static void write(Manifest manifest, String dir, Configuration conf) throws IOException {
    Path path = new Path(dir, FILE_NAME);
    FileSystem fs = path.getFileSystem(conf);
    try (OutputStream out = fs.create(path, true)) {
      JSON.writeValue(out, manifest);
    }
  }

  /** Reads the manifest of a result directory. */
  public static Manifest read(String dir, Configuration conf) throws IOException {
    Path path = new Path(dir, FILE_NAME);
    try (java.io.InputStream in = path.getFileSystem(conf).open(path)) {
      return JSON.readValue(in, Manifest.class);
    }
  }
}
