package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * README.md's table of result tables is the one {@link ResultTableDocs} makes from the
 * declarations: a table or column added, renamed or dropped in {@link ResultTable} fails here until
 * the README says so. On failure, paste the expected block between the two marker lines.
 */
class ReadmeTablesTest {
  private static final Path README =
      Path.of(System.getProperty("basedir", ".")).resolve("README.md");

  @Test
  void theReadmeListsExactlyTheDeclaredTables() throws IOException {
    String readme = Files.readString(README);
    int begin = readme.indexOf(ResultTableDocs.BEGIN);
    int end = readme.indexOf(ResultTableDocs.END);
    assertThat(begin).as("README.md has the line %s", ResultTableDocs.BEGIN).isNotNegative();
    assertThat(end).as("README.md has the line %s", ResultTableDocs.END).isGreaterThan(begin);
    String block = readme.substring(begin + ResultTableDocs.BEGIN.length(), end).strip();
    assertThat(block + "\n")
        .as("README.md's result tables (regenerate from io.ResultTableDocs.markdown())")
        .isEqualTo(ResultTableDocs.markdown());
  }
}
