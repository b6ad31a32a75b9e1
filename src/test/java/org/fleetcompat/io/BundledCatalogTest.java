package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.fleetcompat.core.VectorCatalog;
import org.junit.jupiter.api.Test;

/**
 * The jars carry {@code conf/vector-catalog.json} (the build copies it to {@value
 * VectorCatalogReader#BUNDLED_RESOURCE}): what a {@code spark-submit} of the job jar names vectors
 * with when no catalog file is given.
 */
class BundledCatalogTest {
  private static final Path ROOT = Path.of(System.getProperty("basedir", "."));

  @Test
  void theBundledCatalogIsConfsCatalog() {
    VectorCatalog conf = VectorCatalogReader.read(ROOT.resolve("conf/vector-catalog.json"));
    VectorCatalog bundled = VectorCatalogReader.bundled().orElseThrow();
    assertThat(bundled.entries()).isNotEmpty().isEqualTo(conf.entries());
  }
}
