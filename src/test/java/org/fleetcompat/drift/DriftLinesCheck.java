package org.fleetcompat.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

/** Checks a {@link Drift} against the expected-drift files, for tests of other packages. */
public final class DriftLinesCheck {
  private DriftLinesCheck() {}

  /** Asserts that {@code d} gives exactly the files of {@code expectedDir}, file by file. */
  public static void assertExpected(Drift d, Path expectedDir) throws IOException {
    DriftLines got = DriftLines.of(d);
    DriftLines expected = DriftLines.read(expectedDir);
    for (String file : expected.files().keySet()) {
      assertThat(got.files().get(file)).as(file).isEqualTo(expected.files().get(file));
    }
  }
}
