package org.fleetcompat.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fleetcompat.core.Utf8Order;

/**
 * What a plan needs to know about the fleet: every evaluated host (its class, cluster and capacity)
 * sorted by id, the evaluated VMs running on each with their classes and demands, the VMs placed on
 * a host that were not evaluated, and which VM class fits which host class. Immutable once built;
 * thread safe.
 *
 * <p>A host's free capacity is its capacity less its VMs' demands; a counted dimension whose
 * capacity the hosts table does not give is 0 (such a host takes only VMs of demand 0 there).
 */
public final class PlanFleet {
  /** Which VM class fits which host class (for example {@code FitMatrix::fits}). */
  @FunctionalInterface
  public interface Compatibility {
    /** Whether every VM of {@code vmClass} fits every host of {@code hostClass}. */
    boolean fits(int vmClass, int hostClass);
  }

  /** A capacity or demand the input does not give. */
  public static final long UNKNOWN = -1;

  /**
   * An evaluated VM on a host.
   *
   * @param id the VM id
   * @param vmClass its class
   * @param processors its virtual processors (0 when not counted)
   * @param memoryMb its memory in MB (0 when not counted)
   */
  public record Vm(String id, int vmClass, long processors, long memoryMb) {
    long[] demand() {
      return new long[] {processors, memoryMb};
    }
  }

  private final Compatibility compatibility;
  private final Capacity capacity;
  private final String[] ids;
  private final int[] classOf;
  private final String[] clusterOf;
  private final long[][] capacityOf;
  private final List<List<Vm>> residents;
  private final List<List<String>> unevaluated;
  private final long[][] free;

  private PlanFleet(Builder b) {
    this.compatibility = b.compatibility;
    this.capacity = b.capacity;
    b.hosts.sort(Comparator.comparing(h -> (String) h[0], Utf8Order.COMPARATOR));
    int n = b.hosts.size();
    ids = new String[n];
    classOf = new int[n];
    clusterOf = new String[n];
    capacityOf = new long[n][];
    residents = new ArrayList<>();
    unevaluated = new ArrayList<>();
    free = new long[n][];
    Map<String, Integer> index = new HashMap<>();
    for (int h = 0; h < n; h++) {
      Object[] host = b.hosts.get(h);
      ids[h] = (String) host[0];
      classOf[h] = (Integer) host[1];
      clusterOf[h] = (String) host[2];
      long cpu = capacity.countsProcessors() ? Math.max(0, (Long) host[3]) : 0;
      long memory = capacity.countsMemory() ? Math.max(0, (Long) host[4]) : 0;
      capacityOf[h] = new long[] {cpu, memory};
      free[h] = capacityOf[h].clone();
      residents.add(new ArrayList<>());
      unevaluated.add(new ArrayList<>());
      if (index.put(ids[h], h) != null) {
        throw new IllegalArgumentException("host " + ids[h] + " is given twice");
      }
    }
    for (Object[] vm : b.vms) {
      Integer h = index.get((String) vm[1]);
      if (h == null) {
        continue;
      }
      Vm v = (Vm) vm[0];
      Vm counted =
          new Vm(
              v.id(),
              v.vmClass(),
              capacity.countsProcessors() ? v.processors() : 0,
              capacity.countsMemory() ? v.memoryMb() : 0);
      residents.get(h).add(counted);
      free[h][0] -= counted.processors();
      free[h][1] -= counted.memoryMb();
    }
    for (String[] u : b.unevaluated) {
      Integer h = index.get(u[1]);
      if (h != null) {
        unevaluated.get(h).add(u[0]);
      }
    }
    for (int h = 0; h < n; h++) {
      residents.get(h).sort(Comparator.comparing(Vm::id, Utf8Order.COMPARATOR));
      unevaluated.get(h).sort(Utf8Order.COMPARATOR);
    }
  }

  /** A builder over {@code compatibility}, counting the dimensions of {@code capacity}. */
  public static Builder builder(Compatibility compatibility, Capacity capacity) {
    return new Builder(compatibility, capacity);
  }

  /** Collects hosts and VMs in any order. Not thread safe. */
  public static final class Builder {
    private final Compatibility compatibility;
    private final Capacity capacity;
    private final List<Object[]> hosts = new ArrayList<>();
    private final List<Object[]> vms = new ArrayList<>();
    private final List<String[]> unevaluated = new ArrayList<>();

    private Builder(Compatibility compatibility, Capacity capacity) {
      this.compatibility = compatibility;
      this.capacity = capacity;
    }

    /**
     * Adds a host.
     *
     * @param cluster its cluster, nullable
     * @param processors its logical processors, or {@link #UNKNOWN}
     * @param memoryMb its memory for VMs in MB, or {@link #UNKNOWN}
     */
    public Builder host(String id, int hostClass, String cluster, long processors, long memoryMb) {
      hosts.add(new Object[] {id, hostClass, cluster, processors, memoryMb});
      return this;
    }

    /** Adds an evaluated VM running on {@code hostId} (ignored when that host is not added). */
    public Builder vm(String id, int vmClass, String hostId, long processors, long memoryMb) {
      vms.add(new Object[] {new Vm(id, vmClass, processors, memoryMb), hostId});
      return this;
    }

    /** Adds a VM the vms table places on {@code hostId} that was not evaluated. */
    public Builder unevaluated(String vmId, String hostId) {
      unevaluated.add(new String[] {vmId, hostId});
      return this;
    }

    /** The fleet. */
    public PlanFleet build() {
      return new PlanFleet(this);
    }
  }

  /** The dimensions counted. */
  public Capacity capacity() {
    return capacity;
  }

  /** How many hosts. */
  public int hostCount() {
    return ids.length;
  }

  /** Host {@code h}'s id (hosts sorted by id, UTF-8 order). */
  public String hostId(int h) {
    return ids[h];
  }

  /** Host {@code h}'s class. */
  public int hostClass(int h) {
    return classOf[h];
  }

  /** Host {@code h}'s cluster, or null. */
  public String clusterOf(int h) {
    return clusterOf[h];
  }

  /** Host {@code h}'s counted capacity: {processors, memory MB}; a copy. */
  public long[] capacityOf(int h) {
    return capacityOf[h].clone();
  }

  /** Host {@code h}'s free capacity with its current VMs: {processors, memory MB}; a copy. */
  public long[] freeOf(int h) {
    return free[h].clone();
  }

  /** The evaluated VMs on host {@code h}, sorted by id; read only. */
  public List<Vm> residents(int h) {
    return java.util.Collections.unmodifiableList(residents.get(h));
  }

  /** The VMs placed on host {@code h} that were not evaluated, sorted; read only. */
  public List<String> unevaluated(int h) {
    return java.util.Collections.unmodifiableList(unevaluated.get(h));
  }

  /** Whether VMs of {@code vmClass} fit host {@code h}. */
  public boolean fits(int vmClass, int h) {
    return compatibility.fits(vmClass, classOf[h]);
  }

  /** The position of host {@code id}, or -1. O(log hosts). */
  public int indexOf(String id) {
    int i = Arrays.binarySearch(ids, id, Utf8Order.COMPARATOR);
    return i < 0 ? -1 : i;
  }
}
