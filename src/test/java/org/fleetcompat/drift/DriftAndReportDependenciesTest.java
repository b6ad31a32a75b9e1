package org.fleetcompat.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The allowed edges of the drift and report packages: drift uses io and core only, report uses
 * drift, io and core; neither touches Spark, Scala, job or cli (so {@code run} and the nightly job
 * can call them, and a notebook can use them without a Spark session). Scans import lines and fully
 * qualified names.
 */
class DriftAndReportDependenciesTest {
  private static final Path MAIN =
      Path.of(System.getProperty("basedir", ".")).resolve("src/main/java/org/fleetcompat");

  private static final Map<String, List<String>> ALLOWED =
      Map.of(
          "drift",
          List.of("core", "io", "drift"),
          "report",
          List.of("core", "io", "drift", "report"));

  private static final Pattern FLEETCOMPAT = Pattern.compile("org\\.fleetcompat\\.(\\w+)");
  private static final Pattern BANNED = Pattern.compile("\\b(org\\.apache\\.spark|scala)\\.");

  @Test
  void driftAndReportUseOnlyTheirAllowedPackages() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : ALLOWED.entrySet()) {
      try (Stream<Path> files = Files.list(MAIN.resolve(e.getKey()))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          int n = 0;
          for (String line : Files.readAllLines(f)) {
            n++;
            String code = line.strip();
            if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
              continue;
            }
            Matcher m = FLEETCOMPAT.matcher(code);
            while (m.find()) {
              if (!e.getValue().contains(m.group(1))) {
                violations.add(f.getFileName() + ":" + n + " uses org.fleetcompat." + m.group(1));
              }
            }
            if (BANNED.matcher(code).find()) {
              violations.add(f.getFileName() + ":" + n + " uses Spark or Scala");
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void bothHaveAPackageInfo() {
    assertThat(MAIN.resolve("drift/package-info.java")).exists();
    assertThat(MAIN.resolve("report/package-info.java")).exists();
  }
}
