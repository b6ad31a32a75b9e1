package org.fleetcompat.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random rows of any declared table, values as {@link ColumnType} says: nulls where the
 * column is nullable, empty lists, ids in several scripts (whose UTF-8 byte order differs from
 * {@link String#compareTo}'s), and the UINT64 values 0, 1, 2^63-1, 2^63 and 2^64-1 as the first
 * five UINT64 values generated, random ones after. A failure should print the seed.
 */
final class RandomResultRows {
  /** 0, 1, 2^63-1, 2^63, 2^64-1 as raw 64-bit patterns. */
  static final long[] UINT64_EDGES = {0L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, -1L};

  /** Ids that sort differently by UTF-16 and by UTF-8 bytes, or need several bytes each. */
  private static final String[] ODD_IDS = {
    "", "vm-é", "主机-7", "\uD83D\uDDA5-12", "\uE000-private", "ÿ", "Ωmega", "z", "A"
  };

  private final Random random;
  private int uint64Values;

  RandomResultRows(long seed) {
    this.random = new Random(seed);
  }

  /** {@code n} rows of {@code columns}. */
  List<Object[]> rows(List<ResultColumn> columns, int n) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(row(columns));
    }
    return rows;
  }

  private Object[] row(List<ResultColumn> fields) {
    Object[] row = new Object[fields.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = value(fields.get(i).type(), fields.get(i).nullable());
    }
    return row;
  }

  private Object value(ColumnType type, boolean nullable) {
    if (nullable && random.nextInt(5) == 0) {
      return null;
    }
    if (type instanceof ColumnType.ListOf list) {
      int size = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(4);
      List<Object> elements = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        elements.add(value(list.element(), false));
      }
      return elements;
    }
    if (type instanceof ColumnType.Struct struct) {
      return row(struct.fields());
    }
    return switch ((ColumnType.Scalar) type) {
      case STRING -> string();
      case INT ->
          switch (random.nextInt(6)) {
            case 0 -> Integer.MIN_VALUE;
            case 1 -> Integer.MAX_VALUE;
            case 2 -> -1;
            default -> random.nextInt(1000);
          };
      case LONG ->
          switch (random.nextInt(6)) {
            case 0 -> Long.MIN_VALUE;
            case 1 -> Long.MAX_VALUE;
            default -> (long) random.nextInt(100_000) - 50_000;
          };
      case BOOLEAN -> random.nextBoolean();
      case UINT64 ->
          uint64Values < UINT64_EDGES.length
              ? UINT64_EDGES[uint64Values++]
              : random.nextBoolean()
                  ? UINT64_EDGES[random.nextInt(UINT64_EDGES.length)]
                  : random.nextLong();
    };
  }

  private String string() {
    int pick = random.nextInt(4);
    if (pick == 0) {
      return ODD_IDS[random.nextInt(ODD_IDS.length)];
    }
    String suffix = pick == 1 ? ODD_IDS[random.nextInt(ODD_IDS.length)] : "";
    return "id-" + random.nextInt(60) + suffix;
  }
}
