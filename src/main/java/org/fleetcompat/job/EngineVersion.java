package org.fleetcompat.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** fleetcompat's own version, as built by Maven, for manifests and {@code --version}. */
public final class EngineVersion {
  private EngineVersion() {}

  /** The version string, for example {@code 0.1.0-SNAPSHOT}. */
  public static String current() {
    try (InputStream in =
        EngineVersion.class.getResourceAsStream("/org/fleetcompat/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
