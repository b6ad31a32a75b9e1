package org.fleetcompat.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fleetcompat.core.VectorSet;

/**
 * The classes of one bucket's systems: each distinct vector set once, with how many systems have it
 * and the first of them in the order systems are added (callers add them sorted by id, so that is
 * the smallest). The driver merges the buckets' classes into the fleet's ({@link ClassNumbering}).
 * Not thread safe; serializable.
 */
public final class LocalClasses implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<VectorSet> sets = new ArrayList<>();
  private final List<String> firstMembers = new ArrayList<>();
  private long[] counts = new long[16];
  private transient Map<VectorSet, Integer> index = new HashMap<>();

  /** The local class of a system with {@code vectors}, adding the class if new. */
  public int add(VectorSet vectors, String systemId) {
    if (index == null) {
      rebuildIndex();
    }
    Integer c = index.get(vectors);
    if (c == null) {
      c = sets.size();
      index.put(vectors, c);
      sets.add(vectors);
      firstMembers.add(systemId);
      if (c == counts.length) {
        counts = java.util.Arrays.copyOf(counts, c * 2);
      }
    }
    counts[c]++;
    return c;
  }

  /** How many classes. */
  public int size() {
    return sets.size();
  }

  /** The vector set of local class {@code c}. */
  public VectorSet vectors(int c) {
    return sets.get(c);
  }

  /** How many systems local class {@code c} has. */
  public long count(int c) {
    return counts[c];
  }

  /** The first system added to local class {@code c}. */
  public String firstMember(int c) {
    return firstMembers.get(c);
  }

  private void rebuildIndex() {
    index = new HashMap<>();
    for (int c = 0; c < sets.size(); c++) {
      index.put(sets.get(c), c);
    }
  }
}
