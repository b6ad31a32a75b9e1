package org.fleetcompat.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fleetcompat.core.Utf8Order;

/**
 * {@link IdSort} against a boxed stable sort by {@link Utf8Order} on seeded random ids: empty,
 * single, all distinct, many equal, already sorted runs (as a bucket's splits hand them over), and
 * characters above U+FFFF next to U+E000..U+FFFF, where UTF-8 order is not Java's.
 */
class IdSortTest {

  @Property(tries = 300)
  void sortsPositionsStablyByUtf8Order(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 400) int n,
      @ForAll @IntRange(min = 1, max = 8) int runs) {
    Random random = new Random(seed);
    String[] ids = new String[n];
    String[] alphabet = {"a", "b", "\uE000", "\uFFFF", "\uD83D\uDE00", "é", "0"};
    for (int i = 0; i < n; i++) {
      StringBuilder s = new StringBuilder();
      int len = random.nextInt(4);
      for (int k = 0; k < len; k++) {
        s.append(alphabet[random.nextInt(alphabet.length)]);
      }
      ids[i] = s.toString();
    }
    // Presorted runs, as splits deliver them.
    int per = Math.max(1, n / runs);
    for (int start = 0; start < n; start += per) {
      Arrays.sort(ids, start, Math.min(n, start + per), Utf8Order.COMPARATOR);
    }
    int[] positions = new int[n];
    Integer[] expected = new Integer[n];
    for (int i = 0; i < n; i++) {
      positions[i] = i;
      expected[i] = i;
    }
    Arrays.sort(expected, Comparator.comparing((Integer i) -> ids[i], Utf8Order.COMPARATOR));
    IdSort.sort(ids, positions);
    assertThat(Arrays.stream(positions).boxed().toArray(Integer[]::new)).containsExactly(expected);
  }
}
