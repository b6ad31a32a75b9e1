package org.fleetcompat.io;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The hash a system id is routed by: the polynomial hash of its UTF-8 bytes, {@code h = 31 * h + (b
 * & 0xff)} from 0, which for ASCII ids is {@link String#hashCode()}. Readers compute it from the
 * bytes in a page, with no string made, and route a row to its bucket before they look its id up
 * among that bucket's ids only: a small table per bucket stays in cache where one table of a
 * million ids would not. Stateless.
 */
public final class IdHash {
  private IdHash() {}

  /** The hash of {@code id}'s UTF-8 bytes. */
  public static int of(String id) {
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    int h = 0;
    for (byte x : b) {
      h = 31 * h + (x & 0xff);
    }
    return h;
  }

  /**
   * The hash of the bytes from {@code bytes}' position to its limit (which are left as they are).
   */
  static int of(ByteBuffer bytes) {
    int h = 0;
    for (int i = bytes.position(); i < bytes.limit(); i++) {
      h = 31 * h + (bytes.get(i) & 0xff);
    }
    return h;
  }
}
