package org.fleetcompat.advise;

import java.util.ArrayList;
import java.util.List;
import org.fleetcompat.core.Baseline;
import org.fleetcompat.core.BaselineVector;
import org.fleetcompat.core.CompareOperation;

/**
 * How one {@code vector_id} of a set's baseline changes when hosts leave the set: VMs configured at
 * the new baseline may use more. For SubSet and Disjoint the bits the new baseline allows and the
 * old one does not ({@link #gainedBits()}); for SuperSet the bits the old one required and the new
 * one does not; for the other operations a changed value, and for any operation a vector that gains
 * a value (or loses its entry because no remaining host has it), counts as one feature.
 *
 * @param vectorId the unsigned 32-bit id
 * @param before the baseline vector before; null when the set had no host with the id
 * @param after the baseline vector after; null when no remaining host has the id
 * @param gainedBits the mask of bits gained (mask operations with a value on both sides only)
 */
public record BaselineChange(
    int vectorId, BaselineVector before, BaselineVector after, long gainedBits) {

  /** How many features this change counts: gained bits for masks, else one. */
  public int featureCount() {
    return isBitwise() ? Long.bitCount(gainedBits) : 1;
  }

  /** Whether the change is counted in bits: the same mask operation with a value on both sides. */
  public boolean isBitwise() {
    return before != null
        && after != null
        && before.hasValue()
        && after.hasValue()
        && isMask(before.operation())
        && before.operation() == after.operation();
  }

  private static boolean isMask(CompareOperation op) {
    return op == CompareOperation.SUB_SET
        || op == CompareOperation.SUPER_SET
        || op == CompareOperation.DISJOINT;
  }

  /** The changes from {@code before} to {@code after}, in id order; unchanged vectors left out. */
  static List<BaselineChange> between(Baseline before, Baseline after) {
    List<BaselineChange> out = new ArrayList<>();
    List<BaselineVector> a = before.vectors();
    List<BaselineVector> b = after.vectors();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      int c =
          i == a.size()
              ? 1
              : j == b.size()
                  ? -1
                  : Integer.compareUnsigned(a.get(i).vectorId(), b.get(j).vectorId());
      if (c < 0) {
        out.add(new BaselineChange(a.get(i).vectorId(), a.get(i), null, 0L));
        i++;
      } else if (c > 0) {
        out.add(new BaselineChange(b.get(j).vectorId(), null, b.get(j), 0L));
        j++;
      } else {
        BaselineVector x = a.get(i++);
        BaselineVector y = b.get(j++);
        if (!x.equals(y)) {
          BaselineChange change = new BaselineChange(x.vectorId(), x, y, 0L);
          if (change.isBitwise()) {
            long gained =
                x.operation() == CompareOperation.SUPER_SET
                    ? x.value() & ~y.value()
                    : y.value() & ~x.value();
            change = new BaselineChange(x.vectorId(), x, y, gained);
          }
          out.add(change);
        }
      }
    }
    return out;
  }

  /** The features gained in all over {@code changes}. */
  static long featuresGained(List<BaselineChange> changes) {
    long n = 0;
    for (BaselineChange c : changes) {
      n += c.featureCount();
    }
    return n;
  }
}
