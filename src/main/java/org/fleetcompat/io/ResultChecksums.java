package org.fleetcompat.io;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SHA-256 of every file a result's manifest lists: computed once the tables are written and
 * before the manifest (so the manifest vouches for bytes, not only names), and checked by readers
 * that must know a result is complete, such as the publish-under-kill test. Reading every file once
 * costs about as much as writing it, a few percent of a run.
 *
 * <p>Stateless and thread safe.
 */
public final class ResultChecksums {
  private ResultChecksums() {}

  /** The outputs with the checksum of each file under {@code dir} filled in. */
  public static Map<String, Manifest.OutputTable> fill(
      Storage storage, String dir, Map<String, Manifest.OutputTable> outputs) throws IOException {
    Map<String, Manifest.OutputTable> out = new LinkedHashMap<>();
    for (Map.Entry<String, Manifest.OutputTable> e : outputs.entrySet()) {
      Manifest.OutputTable t = e.getValue();
      out.put(
          e.getKey(),
          new Manifest.OutputTable(
              t.rows(), fill(storage, dir, t.files()), fill(storage, dir, t.arrowFiles())));
    }
    return out;
  }

  private static List<Manifest.OutputFile> fill(
      Storage storage, String dir, List<Manifest.OutputFile> files) throws IOException {
    List<Manifest.OutputFile> out = new ArrayList<>(files.size());
    for (Manifest.OutputFile f : files) {
      out.add(f.withSha256(sha256(storage, storage.resolve(dir, f.path()))));
    }
    return out;
  }

  /**
   * The files under {@code dir} whose bytes do not match the manifest's checksum, are missing, or
   * have none listed, each as {@code path: why}; empty when the result is complete.
   */
  public static List<String> verify(Storage storage, String dir, Manifest manifest) {
    List<String> bad = new ArrayList<>();
    for (Manifest.OutputTable t : manifest.outputs().values()) {
      List<Manifest.OutputFile> all = new ArrayList<>(t.files());
      all.addAll(t.arrowFiles());
      for (Manifest.OutputFile f : all) {
        if (f.sha256() == null) {
          bad.add(f.path() + ": no checksum in the manifest");
          continue;
        }
        try {
          String actual = sha256(storage, storage.resolve(dir, f.path()));
          if (!actual.equals(f.sha256())) {
            bad.add(f.path() + ": sha256 " + actual + ", manifest says " + f.sha256());
          }
        } catch (IOException e) {
          bad.add(f.path() + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
      }
    }
    return bad;
  }

  /** The SHA-256 of a file's bytes, as 64 lower-case hex digits. */
  public static String sha256(Storage storage, String file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = storage.open(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
