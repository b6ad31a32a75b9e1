package org.fleetcompat.core;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the vector catalog knows of a range of {@code vector_id}s: a name, its meaning, and the VM
 * states it applies to. A single id is a range of one. Serializable, as its {@link VectorCatalog}.
 *
 * @param firstId the first id of the range (unsigned 32-bit)
 * @param lastId the last id of the range, inclusive (unsigned 32-bit, not below {@code firstId})
 * @param name a short name for reports, for example {@code processor_vendor}
 * @param meaning one sentence a planner can read
 * @param appliesTo the VM states whose vectors carry this id; never empty
 */
public record CatalogEntry(
    int firstId, int lastId, String name, String meaning, Set<VmState> appliesTo)
    implements Serializable {

  /** Copies {@code appliesTo} and checks the range. */
  public CatalogEntry {
    if (Integer.compareUnsigned(firstId, lastId) > 0) {
      throw new IllegalArgumentException(
          "Catalog range " + Hex.vectorId(firstId) + "-" + Hex.vectorId(lastId) + " is empty");
    }
    if (appliesTo.isEmpty()) {
      throw new IllegalArgumentException("Catalog entry " + name + " applies to no VM state");
    }
    appliesTo = Set.copyOf(EnumSet.copyOf(appliesTo));
  }

  /** Whether the entry covers {@code vectorId}. */
  public boolean covers(int vectorId) {
    return Integer.compareUnsigned(firstId, vectorId) <= 0
        && Integer.compareUnsigned(vectorId, lastId) <= 0;
  }

  /** Whether a VM in {@code state} reports vectors of this entry. */
  public boolean appliesTo(VmState state) {
    return appliesTo.contains(state);
  }
}
