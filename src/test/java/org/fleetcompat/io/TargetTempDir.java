package org.fleetcompat.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/** Temporary directories under {@code target/} (STYLE.md: Spark tests keep their files there). */
final class TargetTempDir implements TempDirFactory {
  @Override
  public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context)
      throws IOException {
    Path root = Files.createDirectories(Path.of("target", "test-tmp").toAbsolutePath());
    return Files.createTempDirectory(root, context.getRequiredTestClass().getSimpleName() + "-");
  }
}
