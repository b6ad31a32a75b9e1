package org.fleetcompat.advise;

import java.util.List;

/**
 * One answer of {@code advise-retire}: a set of hosts to retire (or upgrade) from a host set, and
 * what removing them does.
 *
 * @param goal what the set was chosen for
 * @param maxHosts the budget this answer was found for (at most this many hosts)
 * @param retiredHostIds the hosts, sorted
 * @param strandedBefore VMs of the fleet stranded today (SPEC section 6)
 * @param strandedAfter VMs of the fleet stranded once the hosts are gone; never fewer than before,
 *     since removing a host only removes places to go
 * @param mobileBefore VMs of the fleet that fit every host of the set today
 * @param mobileAfter VMs that fit every remaining host of the set
 * @param changes how the set's baseline changes, per vector
 * @param exact whether the set was found by enumerating every candidate set within the budget (else
 *     greedily)
 * @param greedyAgrees whether the greedy search found an equally good set (true when not exact)
 */
public record RetireOption(
    RetireGoal goal,
    int maxHosts,
    List<String> retiredHostIds,
    long strandedBefore,
    long strandedAfter,
    long mobileBefore,
    long mobileAfter,
    List<BaselineChange> changes,
    boolean exact,
    boolean greedyAgrees) {

  /** Copies the lists. */
  public RetireOption {
    retiredHostIds = List.copyOf(retiredHostIds);
    changes = List.copyOf(changes);
  }

  /** Features the set's baseline gains in all. */
  public long featuresGained() {
    return BaselineChange.featuresGained(changes);
  }
}
