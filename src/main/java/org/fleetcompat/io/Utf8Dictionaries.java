package org.fleetcompat.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The dictionaries {@link ColumnarFileWriter} binds to STRING columns: distinct UTF-8 values in
 * ascending unsigned-byte order, the order of Parquet's string statistics, so that the smallest and
 * largest index of a page are its minimum and maximum. Stateless.
 */
final class Utf8Dictionaries {
  private Utf8Dictionaries() {}

  /** The distinct values as UTF-8, sorted by their unsigned bytes. */
  static byte[][] of(Collection<String> values) {
    TreeSet<byte[]> sorted = new TreeSet<>(Arrays::compareUnsigned);
    for (String v : values) {
      sorted.add(Objects.requireNonNull(v, "dictionary value").getBytes(StandardCharsets.UTF_8));
    }
    return sorted.toArray(byte[][]::new);
  }

  /**
   * Checks a dictionary for column {@code column} of {@code table}.
   *
   * @throws IllegalArgumentException naming the first index at fault if a value is null, not UTF-8,
   *     or not greater than the one before it
   */
  static void check(String table, String column, byte[][] values) {
    Objects.requireNonNull(values, "values");
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        throw ResultFileErrors.badDictionary(table, column, "holds null at index " + i);
      }
      if (i > 0 && Arrays.compareUnsigned(values[i - 1], values[i]) >= 0) {
        throw ResultFileErrors.badDictionary(
            table,
            column,
            "is not in ascending order or holds a value twice at index "
                + i
                + " ("
                + new String(values[i], StandardCharsets.UTF_8)
                + ")");
      }
      try {
        utf8.decode(ByteBuffer.wrap(values[i]));
      } catch (CharacterCodingException e) {
        throw ResultFileErrors.badDictionary(
            table, column, "holds bytes that are not UTF-8 at index " + i);
      }
    }
  }
}
