package org.fleetcompat.advise;

import java.util.List;
import org.fleetcompat.core.Baseline;

/**
 * One candidate of {@code advise-baseline}: a subset of the host set, its baseline, the VMs that
 * fit every host of it and what its baseline gives up against the best host of the subset per
 * vector.
 *
 * @param step 0 for the whole set, then one more per host class dropped
 * @param keptHostIds the hosts of the subset, sorted
 * @param droppedHostIds the hosts of the set left out, sorted
 * @param mobileVms VMs of the fleet that fit every kept host (can move freely within the subset)
 * @param baseline the baseline of the kept hosts
 * @param losses per vector, what the baseline gives up against the best kept host (only vectors
 *     that lose something)
 * @param pareto whether no other candidate keeps at least as many hosts, at least as many mobile
 *     VMs and loses at most as many features, and is better in one of them
 */
public record BaselineCandidate(
    int step,
    List<String> keptHostIds,
    List<String> droppedHostIds,
    long mobileVms,
    Baseline baseline,
    List<FeatureLoss> losses,
    boolean pareto) {

  /** Copies the lists. */
  public BaselineCandidate {
    keptHostIds = List.copyOf(keptHostIds);
    droppedHostIds = List.copyOf(droppedHostIds);
    losses = List.copyOf(losses);
  }

  /** Features lost in all: bits of mask vectors plus one per other vector lost. */
  public long featuresLost() {
    long n = 0;
    for (FeatureLoss l : losses) {
      n += l.featureCount();
    }
    return n;
  }

  /** The same candidate with its Pareto flag set. */
  BaselineCandidate withPareto(boolean onFrontier) {
    return new BaselineCandidate(
        step, keptHostIds, droppedHostIds, mobileVms, baseline, losses, onFrontier);
  }
}
