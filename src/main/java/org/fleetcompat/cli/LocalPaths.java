package org.fleetcompat.cli;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Paths given on the command line: a path without a scheme is a local path relative to the working
 * directory, made absolute here once, so that every message names the directory actually read and a
 * Spark cluster's executors (whose working directory is another) read the same one. URIs ({@code
 * hdfs://...}, {@code file:/...}, {@code s3a://...}) are left as they are.
 */
final class LocalPaths {
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

  private LocalPaths() {}

  /** {@code path} absolute and normalized when it is local; as is when it is a URI or null. */
  static String absolute(String path) {
    if (path == null || SCHEME.matcher(path).matches()) {
      return path;
    }
    return Path.of(path).toAbsolutePath().normalize().toString();
  }

  /**
   * A default below the fleetcompat installation (system property {@code fleetcompat.home}, set by
   * {@code jobs/fleetcompat}), so that the command works from any directory; relative to the
   * working directory without it.
   */
  static Path underHome(String relative) {
    String home = System.getProperty("fleetcompat.home");
    return home == null ? Path.of(relative) : Path.of(home).resolve(relative);
  }
}
