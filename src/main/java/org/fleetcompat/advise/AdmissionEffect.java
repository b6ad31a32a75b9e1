package org.fleetcompat.advise;

import java.util.List;

/**
 * What admitting hosts (and retiring others) does to a fleet, as {@code what-if} reports it.
 *
 * @param hostsBefore hosts today
 * @param hostsAfter hosts once the change is applied
 * @param poolsBefore pools today
 * @param poolsAfter pools afterwards
 * @param newPools pools afterwards that accept a set of VMs no pool accepts today
 * @param vanishedPools pools today whose set of accepted VMs no pool accepts afterwards
 * @param vmsGainingHosts VMs with more compatible hosts afterwards
 * @param vmsLosingHosts VMs with fewer compatible hosts afterwards
 * @param strandedBefore VMs stranded today (SPEC section 6)
 * @param strandedAfter VMs stranded afterwards
 * @param newlyStranded VMs stranded afterwards and not today
 * @param noLongerStranded VMs stranded today and not afterwards
 */
public record AdmissionEffect(
    long hostsBefore,
    long hostsAfter,
    int poolsBefore,
    int poolsAfter,
    List<NewPool> newPools,
    int vanishedPools,
    long vmsGainingHosts,
    long vmsLosingHosts,
    long strandedBefore,
    long strandedAfter,
    long newlyStranded,
    long noLongerStranded) {

  /** Copies the list. */
  public AdmissionEffect {
    newPools = List.copyOf(newPools);
  }

  /**
   * A pool that appears.
   *
   * @param hostCount its hosts afterwards
   * @param hostIds its hosts, sorted (new hosts included)
   * @param vmCountAccepted VMs that fit its hosts
   */
  public record NewPool(long hostCount, List<String> hostIds, long vmCountAccepted) {
    /** Copies the list. */
    public NewPool {
      hostIds = List.copyOf(hostIds);
    }
  }
}
