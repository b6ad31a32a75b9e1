package org.fleetcompat.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fleetcompat.core.Utf8Order;

/**
 * What the VMs say about the hosts they run on, gathered by the VM buckets and merged on the driver
 * for {@code host_evacuation}: per host, how many evaluated VMs run on it, which of them have no
 * other compatible host (they block its drain; also as reported, for the what-if), and which VMs
 * the {@code vms} rows place on it without their being evaluated there. Not thread safe;
 * serializable.
 */
public final class HostLoads implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One host's load. Lists are sorted by {@link #sorted()}. */
  public static final class Load implements Serializable {
    private static final long serialVersionUID = 1L;
    long vmCount;
    final List<String> blocking = new ArrayList<>();
    final List<String> blockingAsReported = new ArrayList<>();
    final List<String> unevaluated = new ArrayList<>();
    final List<Resident> residents = new ArrayList<>();

    /** The evaluated VMs on the host with their classes and demands, sorted by VM id. */
    public List<Resident> residents() {
      return residents;
    }

    /** Evaluated VMs on the host. */
    public long vmCount() {
      return vmCount;
    }

    /** VMs on the host with no other compatible host, sorted. */
    public List<String> blocking() {
      return blocking;
    }

    /** The same with the vectors as reported (the what-if's comparison), sorted. */
    public List<String> blockingAsReported() {
      return blockingAsReported;
    }

    /** VMs placed on the host and not evaluated there, sorted. */
    public List<String> unevaluated() {
      return unevaluated;
    }
  }

  /**
   * An evaluated VM on a host, as the drain planner needs it.
   *
   * @param vmId the VM
   * @param vmClass its (evaluated) class
   * @param processors its {@code virtual_processors}, 0 when the vms table has none
   * @param memoryMb its {@code memory_mb}, 0 when the vms table has none
   */
  public record Resident(String vmId, int vmClass, long processors, long memoryMb)
      implements Serializable {}

  private final Map<String, Load> byHost = new HashMap<>();

  /** The load of {@code hostId}, created empty if new. */
  Load of(String hostId) {
    return byHost.computeIfAbsent(hostId, h -> new Load());
  }

  /** Every host some VM names, in no order. */
  public java.util.Set<String> hostIds() {
    return byHost.keySet();
  }

  /** The load of {@code hostId}, or null when no VM names it. */
  public Load get(String hostId) {
    return byHost.get(hostId);
  }

  /** Adds another bucket's loads into these. */
  public void merge(HostLoads other) {
    other.byHost.forEach(
        (host, l) -> {
          Load mine = of(host);
          mine.vmCount += l.vmCount;
          mine.blocking.addAll(l.blocking);
          mine.blockingAsReported.addAll(l.blockingAsReported);
          mine.unevaluated.addAll(l.unevaluated);
          mine.residents.addAll(l.residents);
        });
  }

  /** These loads with every list sorted (UTF-8 order); call once after merging. */
  public HostLoads sorted() {
    for (Load l : byHost.values()) {
      l.blocking.sort(Utf8Order.COMPARATOR);
      l.blockingAsReported.sort(Utf8Order.COMPARATOR);
      l.unevaluated.sort(Utf8Order.COMPARATOR);
      l.residents.sort((a, b) -> Utf8Order.compare(a.vmId(), b.vmId()));
    }
    return this;
  }
}
