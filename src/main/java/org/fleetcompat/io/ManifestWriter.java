package org.fleetcompat.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Writes and reads {@code manifest.json} with snake_case keys, on any {@link Storage}. */
public final class ManifestWriter {
  /** The manifest's file name inside a result directory. */
  public static final String FILE_NAME = "manifest.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ManifestWriter() {}

  /** Writes the manifest into {@code dir}, replacing any previous one. */
  public static void write(Manifest manifest, Storage storage, String dir) throws IOException {
    try (OutputStream out = storage.create(storage.resolve(dir, FILE_NAME))) {
      JSON.writeValue(out, manifest);
    }
  }

  /** Reads the manifest of a result directory. */
  public static Manifest read(Storage storage, String dir) throws IOException {
    try (InputStream in = storage.open(storage.resolve(dir, FILE_NAME))) {
      return JSON.readValue(in, Manifest.class);
    }
  }

  /** The manifest as JSON text, as written. */
  public static String toJson(Manifest manifest) throws IOException {
    return JSON.writeValueAsString(manifest);
  }
}
