package org.fleetcompat.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fleetcompat.core.Utf8Order;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.core.VectorSetIndex;
import org.fleetcompat.io.SystemRowBuffer;

/**
 * The classes of one bucket's systems: each distinct vector set once, with how many systems have it
 * and the smallest of their ids (UTF-8 order), whatever order the systems are added in. The driver
 * merges the buckets' classes into the fleet's ({@link ClassNumbering}). Not thread safe;
 * serializable.
 */
public final class LocalClasses implements Serializable {
  private static final long serialVersionUID = 2L;

  private final VectorSetIndex sets = new VectorSetIndex();
  private final List<String> firstMembers = new ArrayList<>();
  private long[] counts = new long[16];

  /** The local class of a system with {@code vectors}, adding the class if new. */
  public int add(VectorSet vectors, String systemId) {
    return count(sets.numberOf(vectors), systemId);
  }

  /**
   * The local class of a kept system whose distinct vectors {@code buffer} holds (after its {@link
   * SystemRowBuffer#screen()} returned true), adding the class if new: no vector set is made for a
   * system of a class already seen.
   */
  public int add(SystemRowBuffer buffer, String systemId) {
    return count(buffer.numberIn(sets), systemId);
  }

  private int count(int c, String systemId) {
    if (c == firstMembers.size()) {
      firstMembers.add(systemId);
      if (c == counts.length) {
        counts = Arrays.copyOf(counts, c * 2);
      }
    } else if (Utf8Order.compare(systemId, firstMembers.get(c)) < 0) {
      firstMembers.set(c, systemId);
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

  /** The smallest id of the systems of local class {@code c}. */
  public String firstMember(int c) {
    return firstMembers.get(c);
  }
}
