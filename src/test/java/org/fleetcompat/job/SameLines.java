package org.fleetcompat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.function.Function;

/**
 * Compares two lists of lines and fails at the first difference, naming the line (1-based, as in a
 * file with its header) and both versions: a table of thousands of rows fails readably.
 */
final class SameLines {
  private SameLines() {}

  /**
   * Fails at the first line that differs.
   *
   * @param what what is compared, first in the message
   * @param header the file's header line, checked and dropped from {@code expected}; null for none
   * @param explain extra words on a differing line, given the expected line (or the actual one when
   *     the expected lines have ended)
   */
  static void assertSame(
      String what,
      String header,
      List<String> expected,
      List<String> actual,
      Function<String, String> explain) {
    int offset = 1;
    if (header != null) {
      assertThat(expected).as(what + ": header").isNotEmpty().first().isEqualTo(header);
      expected = expected.subList(1, expected.size());
      offset = 2;
    }
    int common = Math.min(expected.size(), actual.size());
    for (int i = 0; i < common; i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        fail(
            "%s: first difference at line %d: expected <%s> but got <%s>%s",
            what, i + offset, expected.get(i), actual.get(i), explain.apply(expected.get(i)));
      }
    }
    if (expected.size() != actual.size()) {
      boolean missing = expected.size() > common;
      List<String> longer = missing ? expected : actual;
      fail(
          "%s: %d %s, the first at line %d: <%s>%s",
          what,
          longer.size() - common,
          missing ? "lines missing" : "unexpected lines",
          common + offset,
          longer.get(common),
          explain.apply(longer.get(common)));
    }
  }
}
