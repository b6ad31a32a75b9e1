package org.fleetcompat.core;

/** Formats ids and values the way explanations and reports print them. Stateless. */
public final class Hex {
  private Hex() {}

  /** An unsigned 64-bit value as {@code 0x} followed by at least one lowercase hex digit. */
  public static String value(long value) {
    return "0x" + Long.toHexString(value);
  }

  /** An unsigned 32-bit {@code vector_id} as {@code 0x} followed by lowercase hex digits. */
  public static String vectorId(int vectorId) {
    return "0x" + Integer.toHexString(vectorId);
  }
}
