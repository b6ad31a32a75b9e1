package org.fleetcompat.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vector catalog (SPEC section 1): names and meanings of known {@code vector_id}s, which VM
 * states each applies to, and the feature names of mask vectors' bits where known. Ids the catalog
 * does not know apply to every state, so an incomplete catalog can only make a what-if more
 * cautious. Immutable and thread safe; lookups are a scan of the entries (a catalog holds tens of
 * them). Serializable: the what-if ships it to Spark tasks.
 *
 * <pre>{@code
 * VectorCatalog catalog = VectorCatalogReader.read(path); // io
 * VectorSet cold = catalog.asStopped(runningVm);          // what the VM needs once shut down
 * }</pre>
 */
public final class VectorCatalog implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final VectorCatalog EMPTY = new VectorCatalog(List.of());

  private final List<CatalogEntry> entries;
  private final HashMap<Integer, HashMap<Integer, String>> bitNames;

  /**
   * A catalog of these entries, naming no bits.
   *
   * @throws IllegalArgumentException if two entries overlap: an id must have one meaning
   */
  public VectorCatalog(List<CatalogEntry> entries) {
    this(entries, Map.of());
  }

  /**
   * A catalog of these entries and bit names: per {@code vector_id}, the feature name of each bit
   * position (0..63) of a mask vector that has one (copied).
   *
   * @throws IllegalArgumentException if two entries overlap, or a bit position is outside 0..63
   */
  public VectorCatalog(List<CatalogEntry> entries, Map<Integer, Map<Integer, String>> bitNames) {
    this.bitNames = new HashMap<>();
    bitNames.forEach(
        (id, names) -> {
          for (int bit : names.keySet()) {
            if (bit < 0 || bit > 63) {
              throw new IllegalArgumentException(
                  "Bit " + bit + " of " + Hex.vectorId(id) + " is outside 0..63");
            }
          }
          this.bitNames.put(id, new HashMap<>(names));
        });
    List<CatalogEntry> copy = new ArrayList<>(entries);
    copy.sort((a, b) -> Integer.compareUnsigned(a.firstId(), b.firstId()));
    for (int i = 1; i < copy.size(); i++) {
      if (Integer.compareUnsigned(copy.get(i).firstId(), copy.get(i - 1).lastId()) <= 0) {
        throw new IllegalArgumentException(
            "Catalog entries "
                + copy.get(i - 1).name()
                + " and "
                + copy.get(i).name()
                + " overlap at "
                + Hex.vectorId(copy.get(i).firstId()));
      }
    }
    this.entries = List.copyOf(copy);
  }

  /** The catalog that knows no id. */
  public static VectorCatalog empty() {
    return EMPTY;
  }

  /** The entries, in id order. */
  public List<CatalogEntry> entries() {
    return entries;
  }

  /** The entry covering {@code vectorId}, if any. */
  public Optional<CatalogEntry> entry(int vectorId) {
    for (CatalogEntry e : entries) {
      if (e.covers(vectorId)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The catalog name of {@code vectorId}, or an empty string when it is unknown. */
  public String name(int vectorId) {
    return entry(vectorId).map(CatalogEntry::name).orElse("");
  }

  /** The feature name of bit {@code bit} of mask vector {@code vectorId}, or an empty string. */
  public String bitName(int vectorId, int bit) {
    Map<Integer, String> names = bitNames.get(vectorId);
    return names == null ? "" : names.getOrDefault(bit, "");
  }

  /** Whether a VM in {@code state} reports {@code vectorId}; unknown ids apply to every state. */
  public boolean appliesTo(int vectorId, VmState state) {
    return entry(vectorId).map(e -> e.appliesTo(state)).orElse(true);
  }

  /**
   * The vectors a VM would still need once shut down: {@code vm} without the vectors that do not
   * apply to {@link VmState#OFF} (the cold-migration what-if). Returns {@code vm} itself when
   * nothing is dropped.
   */
  public VectorSet asStopped(VectorSet vm) {
    VectorSet.Builder kept = VectorSet.builder();
    boolean dropped = false;
    for (int i = 0; i < vm.size(); i++) {
      if (appliesTo(vm.vectorId(i), VmState.OFF)) {
        kept.add(vm.vectorId(i), vm.operation(i), vm.value(i));
      } else {
        dropped = true;
      }
    }
    return dropped ? kept.build() : vm;
  }
}
