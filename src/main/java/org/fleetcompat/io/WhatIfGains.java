package org.fleetcompat.io;

import java.io.Serializable;

/**
 * What the cold-migration what-if gains ({@code run --assume-stopped}), summed over buckets: the
 * manifest's {@code what_if}. Immutable.
 *
 * @param runningVmsWithVectorsDropped running VMs evaluated without running-only vectors
 * @param vmsGainingHosts VMs that fit more hosts than as reported
 * @param vmsNoLongerStranded VMs stranded as reported and not in the what-if
 * @param compatiblePairsGained compatible VM-host pairs gained
 * @param hostsNewlyEvacuable hosts evacuable in the what-if and not as reported
 */
public record WhatIfGains(
    long runningVmsWithVectorsDropped,
    long vmsGainingHosts,
    long vmsNoLongerStranded,
    long compatiblePairsGained,
    long hostsNewlyEvacuable)
    implements Serializable {

  /** All zero. */
  public static final WhatIfGains ZERO = new WhatIfGains(0, 0, 0, 0, 0);

  /** The field-wise sum. */
  public WhatIfGains plus(WhatIfGains o) {
    return new WhatIfGains(
        runningVmsWithVectorsDropped + o.runningVmsWithVectorsDropped,
        vmsGainingHosts + o.vmsGainingHosts,
        vmsNoLongerStranded + o.vmsNoLongerStranded,
        compatiblePairsGained + o.compatiblePairsGained,
        hostsNewlyEvacuable + o.hostsNewlyEvacuable);
  }
}
