package org.fleetcompat.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rows in a form AssertJ compares deeply: every {@code Object[]} (a row, a struct) as a list. Rows
 * from readers that do not keep the order of the files are compared sorted by their text.
 */
final class Canonical {
  private Canonical() {}

  /** The rows, each as a list, in order. */
  static List<List<Object>> rows(List<Object[]> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(fields(r));
    }
    return out;
  }

  /** The rows, each as a list, sorted by their text: for readers without an order. */
  static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>(rows);
    out.sort(Comparator.comparing(Object::toString));
    return out;
  }

  private static List<Object> fields(Object[] values) {
    List<Object> out = new ArrayList<>();
    for (Object v : values) {
      out.add(value(v));
    }
    return out;
  }

  private static Object value(Object v) {
    if (v instanceof Object[] a) {
      return fields(a);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object e : l) {
        out.add(value(e));
      }
      return out;
    }
    return v;
  }
}
