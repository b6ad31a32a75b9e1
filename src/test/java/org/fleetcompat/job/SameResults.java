package org.fleetcompat.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Two result directories are the same result: the same part files, byte for byte, and the same
 * manifest but for what says where and when it ran ({@code runner}, {@code master}, {@code
 * spark_version}, {@code started_at}, {@code timings_millis}). What "both runners give identical
 * tables" means, checked as strictly as it can be. The report ({@code report.html}) shows where and
 * how fast the run ran, so it is only required in both.
 */
final class SameResults {
  private static final List<String> WHERE_AND_WHEN =
      List.of("runner", "master", "spark_version", "started_at", "timings_millis");
  private static final ObjectMapper JSON = new ObjectMapper();

  private SameResults() {}

  static void assertSame(String what, String first, String second) {
    Path a = Path.of(first);
    Path b = Path.of(second);
    List<String> filesA = files(a);
    assertThat(files(b)).as(what + ": the files of the two results").isEqualTo(filesA);
    for (String f : filesA) {
      if (f.equals(RunJob.REPORT_FILE)) {
        continue;
      }
      if (f.equals("manifest.json")) {
        assertThat(manifest(b)).as(what + ": manifest.json").isEqualTo(manifest(a));
      } else {
        assertThat(bytes(b.resolve(f)))
            .as(what + ": the bytes of " + f)
            .isEqualTo(bytes(a.resolve(f)));
      }
    }
  }

  private static List<String> files(Path dir) {
    try (Stream<Path> walk = Files.walk(dir.toRealPath())) {
      Path root = dir.toRealPath();
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode manifest(Path dir) {
    try {
      ObjectNode m = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
      WHERE_AND_WHEN.forEach(m::remove);
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
