package org.fleetcompat.io;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * One numeric column of one row group decoded into arrays, a column at a time: each value as a
 * {@code long}, with a state per row (a value, null, or a number that does not fit the column's
 * meaning, kept as text). A small loop per physical type, so the JIT compiles each once and for
 * good: one loop over all four columns of a row, with every kind behind one call site, was compiled
 * and thrown away again and again (seconds of C2 time per run on a million-VM snapshot).
 *
 * <p>Two meanings: an integer ({@code vector_id}, {@code compare_operation}: the number itself,
 * which is "too large" when it does not fit a signed long) and a value ({@code compatibility_info}:
 * the unsigned 64-bit pattern, "out of range" when a decimal is negative or above 2^64-1). Not
 * thread safe.
 */
final class DecodedColumn {
  /** The row holds a value. */
  static final byte VALUE = 0;

  /** The row is null. */
  static final byte NULL = 1;

  /** The row holds a number outside what the column may hold; its text is in {@link #text}. */
  static final byte OUTSIDE = 2;

  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  final long[] values;
  final byte[] states;
  private final Map<Integer, String> outside = new HashMap<>();
  private final boolean unsignedText;

  private DecodedColumn(int rows, boolean unsignedText) {
    this.values = new long[rows];
    this.states = new byte[rows];
    this.unsignedText = unsignedText;
  }

  /** The text of row {@code r} as the file holds it, or null for a null. */
  String text(int r) {
    return switch (states[r]) {
      case NULL -> null;
      case OUTSIDE -> outside.get(r);
      default -> unsignedText ? Long.toUnsignedString(values[r]) : Long.toString(values[r]);
    };
  }

  /** An integer column's {@code rows} values. */
  static DecodedColumn integers(ColumnReader reader, ColumnDescriptor d, int rows) {
    return decode(reader, d, rows, false);
  }

  /** {@code compatibility_info}'s {@code rows} values as 64-bit patterns. */
  static DecodedColumn valueBits(ColumnReader reader, ColumnDescriptor d, int rows) {
    return decode(reader, d, rows, true);
  }

  private static DecodedColumn decode(
      ColumnReader reader, ColumnDescriptor d, int rows, boolean bits) {
    PrimitiveType type = d.getPrimitiveType();
    boolean decimal = type.getLogicalTypeAnnotation() instanceof DecimalLogicalTypeAnnotation;
    boolean unsigned =
        type.getLogicalTypeAnnotation() instanceof IntLogicalTypeAnnotation i && !i.isSigned();
    int max = d.getMaxDefinitionLevel();
    switch (type.getPrimitiveTypeName()) {
      case INT32 -> {
        DecodedColumn c = new DecodedColumn(rows, false);
        for (int r = 0; r < rows; r++) {
          if (reader.getCurrentDefinitionLevel() < max) {
            c.states[r] = NULL;
          } else {
            int v = reader.getInteger();
            c.values[r] = unsigned && !decimal ? Integer.toUnsignedLong(v) : v;
          }
          reader.consume();
        }
        return c;
      }
      case INT64 -> {
        boolean unsignedLong = unsigned && !decimal;
        // A value column holds the pattern itself; an integer column's UINT_64 above 2^63 is
        // too large.
        DecodedColumn c = new DecodedColumn(rows, unsignedLong || (bits && decimal));
        for (int r = 0; r < rows; r++) {
          if (reader.getCurrentDefinitionLevel() < max) {
            c.states[r] = NULL;
          } else {
            long v = reader.getLong();
            c.values[r] = v;
            if (!bits && unsignedLong && v < 0) {
              c.states[r] = OUTSIDE;
              c.outside.put(r, Long.toUnsignedString(v));
            } else if (bits && decimal && v < 0) {
              c.states[r] = OUTSIDE;
              c.outside.put(r, Long.toString(v));
            }
          }
          reader.consume();
        }
        return c;
      }
      default -> {
        // FIXED_LEN_BYTE_ARRAY or BINARY: a whole decimal, big-endian two's complement.
        DecodedColumn c = new DecodedColumn(rows, bits);
        for (int r = 0; r < rows; r++) {
          if (reader.getCurrentDefinitionLevel() < max) {
            c.states[r] = NULL;
          } else {
            BigInteger v = new BigInteger(reader.getBinary().getBytes());
            boolean fits =
                bits ? v.signum() >= 0 && v.compareTo(TWO_TO_64) < 0 : v.bitLength() <= 63;
            if (fits) {
              c.values[r] = v.longValue();
            } else {
              c.states[r] = OUTSIDE;
              c.outside.put(r, v.toString());
            }
          }
          reader.consume();
        }
        return c;
      }
    }
  }
}
