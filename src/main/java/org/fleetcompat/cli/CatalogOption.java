package org.fleetcompat.cli;

import java.nio.file.Path;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.io.VectorCatalogReader;
import picocli.CommandLine.Option;

/**
 * The {@code --catalog} option: the vector catalog for names in the output and for the
 * cold-migration what-if. Default: the launcher's {@code conf/vector-catalog.json} (system property
 * {@code fleetcompat.catalog}); without either (a job jar run by {@code spark-submit}), the copy of
 * {@code conf/vector-catalog.json} the jar carries; without that, no id is known.
 */
public final class CatalogOption {
  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description =
          "Vector catalog JSON (default: conf/vector-catalog.json, or the job jar's copy of it).")
  Path file;

  /** The catalog the options name. */
  VectorCatalog catalog() {
    Path f = file;
    if (f == null && System.getProperty("fleetcompat.catalog") != null) {
      f = Path.of(System.getProperty("fleetcompat.catalog"));
    }
    if (f != null) {
      return VectorCatalogReader.read(f);
    }
    return VectorCatalogReader.bundled().orElse(VectorCatalog.empty());
  }
}
