package org.fleetcompat.cli;

import java.net.URI;
import java.nio.file.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A local directory under another scheme, {@value #SCHEME}{@code :///tmp/x}: Hadoop's raw local
 * file system seen as a remote one, so that a test's paths go through {@code HadoopStorage} and
 * every code path for HDFS and object stores (no symbolic links, publish by rename, {@code latest}
 * as a marker file) runs without a server. Registered for the tests through {@code
 * META-INF/services/org.apache.hadoop.fs.FileSystem}.
 */
public final class ObjectStoreTestFileSystem extends RawLocalFileSystem {
  /** The scheme. */
  public static final String SCHEME = "objstore";

  /** The URI of local directory {@code dir} on this file system. */
  public static String uriOf(Path dir) {
    return SCHEME + "://" + dir.toAbsolutePath();
  }

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }
}
