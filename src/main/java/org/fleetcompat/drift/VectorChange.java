package org.fleetcompat.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.Hex;
import org.fleetcompat.core.VectorSet;

/**
 * One vector that differs between what a system reported on the old night and on the new one: a
 * feature mask that lost or gained bits, a scalar that went up or down, a vector that appeared,
 * vanished or changed its operation. Immutable.
 *
 * @param vectorId the vector_id (unsigned 32-bit)
 * @param name its catalog name, or an empty string
 * @param oldOperation the old operation; null when the vector is new
 * @param oldValue the old value; meaningless when {@code oldOperation} is null
 * @param newOperation the new operation; null when the vector vanished
 * @param newValue the new value; meaningless when {@code newOperation} is null
 */
public record VectorChange(
    int vectorId,
    String name,
    CompareOperation oldOperation,
    long oldValue,
    CompareOperation newOperation,
    long newValue) {

  /** How a vector changed. */
  public enum Kind {
    /** The vector is new. */
    ADDED,
    /** The vector is gone. */
    REMOVED,
    /** Same id, another compare operation. */
    OPERATION_CHANGED,
    /** A feature mask (SubSet, SuperSet, Disjoint) lost bits and gained none. */
    BITS_LOST,
    /** A feature mask gained bits and lost none. */
    BITS_GAINED,
    /** A feature mask both lost and gained bits. */
    BITS_CHANGED,
    /** A scalar value went up (unsigned). */
    RAISED,
    /** A scalar value went down (unsigned). */
    LOWERED
  }

  /**
   * The vectors of {@code after} that differ from {@code before}, in vector_id order; {@code names}
   * gives the catalog name of an id (empty when unknown).
   */
  public static List<VectorChange> between(
      VectorSet before, VectorSet after, IntFunction<String> names) {
    List<VectorChange> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < before.size() || j < after.size()) {
      int c =
          i == before.size()
              ? 1
              : j == after.size()
                  ? -1
                  : Integer.compareUnsigned(before.vectorId(i), after.vectorId(j));
      if (c < 0) {
        int id = before.vectorId(i);
        out.add(
            new VectorChange(id, names.apply(id), before.operation(i), before.value(i), null, 0L));
        i++;
      } else if (c > 0) {
        int id = after.vectorId(j);
        out.add(
            new VectorChange(id, names.apply(id), null, 0L, after.operation(j), after.value(j)));
        j++;
      } else {
        if (before.operation(i) != after.operation(j) || before.value(i) != after.value(j)) {
          int id = before.vectorId(i);
          out.add(
              new VectorChange(
                  id,
                  names.apply(id),
                  before.operation(i),
                  before.value(i),
                  after.operation(j),
                  after.value(j)));
        }
        i++;
        j++;
      }
    }
    return out;
  }

  /** How it changed. */
  public Kind kind() {
    if (oldOperation == null) {
      return Kind.ADDED;
    }
    if (newOperation == null) {
      return Kind.REMOVED;
    }
    if (oldOperation != newOperation) {
      return Kind.OPERATION_CHANGED;
    }
    if (isMask(newOperation)) {
      long lost = bitsLost();
      long gained = bitsGained();
      return lost != 0 && gained != 0
          ? Kind.BITS_CHANGED
          : lost != 0 ? Kind.BITS_LOST : Kind.BITS_GAINED;
    }
    return Long.compareUnsigned(newValue, oldValue) > 0 ? Kind.RAISED : Kind.LOWERED;
  }

  /** Whether the change is of a feature mask's bits, where bits lost and gained mean something. */
  public boolean isBitChange() {
    Kind k = kind();
    return k == Kind.BITS_LOST || k == Kind.BITS_GAINED || k == Kind.BITS_CHANGED;
  }

  /** Bits set in the old value and clear in the new one; 0 unless {@link #isBitChange()}. */
  public long bitsLost() {
    return isMaskPair() ? oldValue & ~newValue : 0L;
  }

  /** Bits clear in the old value and set in the new one; 0 unless {@link #isBitChange()}. */
  public long bitsGained() {
    return isMaskPair() ? newValue & ~oldValue : 0L;
  }

  /** The catalog name, or the id in hex when the catalog does not know it. */
  public String label() {
    return name.isEmpty() ? "vector " + Hex.vectorId(vectorId) : name;
  }

  /**
   * What changed, in words without the systems: {@code cpuid_features 0x10000701 lost 0x800},
   * {@code configuration_version 0x10 raised 0x900 -> 0xa00}.
   */
  public String describe() {
    String head = label() + (name.isEmpty() ? "" : " " + Hex.vectorId(vectorId));
    return switch (kind()) {
      case ADDED ->
          head + " added (" + newOperation.displayName() + " " + Hex.value(newValue) + ")";
      case REMOVED -> head + " removed (was " + Hex.value(oldValue) + ")";
      case OPERATION_CHANGED ->
          String.format(
              Locale.ROOT,
              "%s operation %s -> %s",
              head,
              oldOperation.displayName(),
              newOperation.displayName());
      case BITS_LOST -> head + " lost " + Hex.value(bitsLost());
      case BITS_GAINED -> head + " gained " + Hex.value(bitsGained());
      case BITS_CHANGED ->
          head + " lost " + Hex.value(bitsLost()) + " and gained " + Hex.value(bitsGained());
      case RAISED, LOWERED ->
          head
              + " "
              + kind().name().toLowerCase(Locale.ROOT)
              + " "
              + Hex.value(oldValue)
              + " -> "
              + Hex.value(newValue);
    };
  }

  private boolean isMaskPair() {
    return oldOperation != null && oldOperation == newOperation && isMask(newOperation);
  }

  /** Whether values of this operation are feature masks. */
  static boolean isMask(CompareOperation op) {
    return op == CompareOperation.SUB_SET
        || op == CompareOperation.SUPER_SET
        || op == CompareOperation.DISJOINT;
  }
}
