package org.fleetcompat.drift;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.VectorSet;

/**
 * What each class of a result reports ({@code vm_class_vectors} or {@code host_class_vectors}): one
 * {@link VectorSet} per class, and the catalog names the result carried. Immutable once built.
 */
public final class ClassVectors {
  private final Map<Integer, VectorSet> sets;
  private final Map<Integer, String> names;

  private ClassVectors(Map<Integer, VectorSet> sets, Map<Integer, String> names) {
    this.sets = sets;
    this.names = names;
  }

  /**
   * Builds the sets from table rows.
   *
   * @param rows one {@code {class, vector_id, name, compare_operation, compatibility_info}} row per
   *     vector, with the types of {@code io.ColumnType}
   */
  public static ClassVectors of(List<Object[]> rows) {
    Map<Integer, VectorSet.Builder> builders = new HashMap<>();
    Map<Integer, String> names = new HashMap<>();
    for (Object[] r : rows) {
      int vectorId = (int) ((Long) r[1]).longValue();
      builders
          .computeIfAbsent((Integer) r[0], k -> VectorSet.builder())
          .add(vectorId, CompareOperation.ofCode((Integer) r[3]), (Long) r[4]);
      if (r[2] != null && !((String) r[2]).isEmpty()) {
        names.putIfAbsent(vectorId, (String) r[2]);
      }
    }
    Map<Integer, VectorSet> sets = new HashMap<>();
    builders.forEach((k, b) -> sets.put(k, b.build()));
    return new ClassVectors(sets, names);
  }

  /** The vectors of class {@code classId}; an empty set when the table has none for it. */
  public VectorSet of(int classId) {
    return sets.getOrDefault(classId, VectorSet.empty());
  }

  /** Whether the table has rows for {@code classId}. */
  public boolean has(int classId) {
    return sets.containsKey(classId);
  }

  /** The catalog name of {@code vectorId} as the result recorded it, or an empty string. */
  public String name(int vectorId) {
    return names.getOrDefault(vectorId, "");
  }

  /** Every name this table knows, by vector_id. */
  Map<Integer, String> names() {
    return names;
  }
}
