package org.fleetcompat.advise;

import java.util.ArrayList;
import java.util.List;
import org.fleetcompat.core.Baseline;
import org.fleetcompat.core.BaselineVector;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.VectorSet;

/**
 * What a VM configured at a set's baseline gives up on one {@code vector_id}, compared with the
 * best host of the set for that vector: the host whose own value (its one-host baseline) would
 * allow the most. For mask operations the loss is bits ({@link #lostBits()}): SubSet and Disjoint
 * bits the best host allows and the baseline does not, SuperSet bits the baseline requires and the
 * best host does not. For the other operations it is the value ({@link #lostBits()} is 0 and the
 * loss counts as one feature). A vector without a baseline value is lost whole.
 *
 * @param vectorId the unsigned 32-bit id
 * @param operation the operation; null when the hosts disagree on it
 * @param bestHostValue the best host's one-host baseline value (raw unsigned 64-bit); 0 when none
 * @param baseline the set's baseline vector
 * @param lostBits the mask of bits lost (mask operations only)
 * @param bestHostClass the host class that is best for this vector
 */
public record FeatureLoss(
    int vectorId,
    CompareOperation operation,
    long bestHostValue,
    BaselineVector baseline,
    long lostBits,
    int bestHostClass) {

  /** Whether the operation compares bit masks (SubSet, SuperSet, Disjoint). */
  public boolean isMask() {
    return operation == CompareOperation.SUB_SET
        || operation == CompareOperation.SUPER_SET
        || operation == CompareOperation.DISJOINT;
  }

  /** How many features this loss counts: bits for a mask with a value, else one. */
  public int featureCount() {
    return isMask() && baseline.hasValue() ? Long.bitCount(lostBits) : 1;
  }

  /**
   * The losses of {@code baseline} (the baseline of the host classes {@code classes}) against each
   * vector's best host; vectors where nothing is lost are left out. O(classes x vectors).
   */
  static List<FeatureLoss> of(Baseline baseline, List<Integer> classes, ClassFleet fleet) {
    List<FeatureLoss> out = new ArrayList<>();
    List<Baseline> own = new ArrayList<>();
    for (int c : classes) {
      own.add(Baseline.of(List.of(fleet.hostClassVectors(c))));
    }
    for (BaselineVector b : baseline.vectors()) {
      FeatureLoss worst = null;
      for (int k = 0; k < classes.size(); k++) {
        FeatureLoss loss =
            against(b, classes.get(k), fleet.hostClassVectors(classes.get(k)), own.get(k));
        if (loss != null && (worst == null || loss.featureCount() > worst.featureCount())) {
          worst = loss;
        }
      }
      if (worst != null) {
        out.add(worst);
      }
    }
    return out;
  }

  /** The loss of {@code b} against host class {@code c}, or null when nothing is lost. */
  private static FeatureLoss against(BaselineVector b, int c, VectorSet host, Baseline alone) {
    int i = host.indexOf(b.vectorId());
    if (i < 0) {
      return null; // this host lacks the vector: it allows nothing more than the baseline
    }
    // A one-host baseline has one entry per vector of the host, in the host's (id) order.
    BaselineVector own = alone.vectors().get(i);
    if (!own.hasValue()) {
      return null;
    }
    if (!b.hasValue()) {
      return new FeatureLoss(b.vectorId(), b.operation(), own.value(), b, 0L, c);
    }
    long lost =
        switch (b.operation()) {
          case SUB_SET, DISJOINT -> own.value() & ~b.value();
          case SUPER_SET -> b.value() & ~own.value();
          default -> 0L;
        };
    boolean isLost =
        switch (b.operation()) {
          case SUB_SET, DISJOINT, SUPER_SET -> lost != 0;
          default -> own.value() != b.value();
        };
    return isLost ? new FeatureLoss(b.vectorId(), b.operation(), own.value(), b, lost, c) : null;
  }

  /** The bit positions of {@link #lostBits()}, ascending. */
  public List<Integer> lostBitPositions() {
    List<Integer> bits = new ArrayList<>();
    for (int bit = 0; bit < 64; bit++) {
      if ((lostBits >>> bit & 1) != 0) {
        bits.add(bit);
      }
    }
    return bits;
  }
}
