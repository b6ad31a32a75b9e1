package org.fleetcompat.core;

import java.util.Comparator;

/**
 * The order of strings by their UTF-8 bytes, unsigned: Spark's and Parquet's string order, and the
 * order fleetcompat sorts ids, numbers classes and writes rows in. It is the order of Unicode code
 * points, which Java's {@link String#compareTo} (UTF-16 units) departs from only for characters
 * above U+FFFF against those in U+E000..U+FFFF. No bytes are made. Stateless.
 */
public final class Utf8Order {
  /** The order as a comparator; nulls are not allowed. */
  public static final Comparator<String> COMPARATOR = Utf8Order::compare;

  private Utf8Order() {}

  /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
  public static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        boolean xs = Character.isSurrogate(x);
        boolean ys = Character.isSurrogate(y);
        if (xs == ys) {
          return x - y;
        }
        // A surrogate starts a code point above U+FFFF: it sorts after every other char.
        return xs ? 1 : -1;
      }
    }
    return a.length() - b.length();
  }
}
