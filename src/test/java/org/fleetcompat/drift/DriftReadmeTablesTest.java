package org.fleetcompat.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * README.md's table of drift tables is the one {@link DriftTableDocs} makes from the declarations:
 * a drift table or column added, renamed or dropped fails here until the README says so. On
 * failure, paste the expected block between the two marker lines.
 */
class DriftReadmeTablesTest {
  private static final Path README =
      Path.of(System.getProperty("basedir", ".")).resolve("README.md");

  @Test
  void theReadmeListsExactlyTheDeclaredDriftTables() throws IOException {
    String readme = Files.readString(README);
    int begin = readme.indexOf(DriftTableDocs.BEGIN);
    int end = readme.indexOf(DriftTableDocs.END);
    assertThat(begin).as("README.md has the line %s", DriftTableDocs.BEGIN).isNotNegative();
    assertThat(end).as("README.md has the line %s", DriftTableDocs.END).isGreaterThan(begin);
    String block = readme.substring(begin + DriftTableDocs.BEGIN.length(), end).strip();
    assertThat(block + "\n")
        .as("README.md's drift tables (regenerate from drift.DriftTableDocs.markdown())")
        .isEqualTo(DriftTableDocs.markdown());
  }
}
