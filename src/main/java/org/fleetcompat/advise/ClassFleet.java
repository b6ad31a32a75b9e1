package org.fleetcompat.advise;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fleetcompat.core.Baseline;
import org.fleetcompat.core.VectorSet;

/**
 * A fleet at class level, as the advisors evaluate it: every host with its class, cluster and pool;
 * the vectors of every host class; per VM class the host classes it fits and its size; and the VMs
 * grouped by (VM class, current host), which is all that stranded counts need. One evaluation of a
 * host set costs O(VM classes x host classes / 64) for mobility and O(VM groups + host classes) for
 * stranded counts, never per VM-host pair.
 *
 * <p>Immutable and thread safe once built. Host indexes (0 to {@link #hostCount()} - 1) follow the
 * order given to the {@link Builder}.
 */
public final class ClassFleet {
  private final List<String> hostIds;
  private final int[] hostClassOf;
  private final List<String> clusterOf;
  private final int[] poolOf;
  private final VectorSet[] hostClassVectors;
  private final BitSet[] fits;
  private final long[] vmClassSize;
  private final int[] groupVmClass;
  private final int[] groupHost;
  private final long[] groupSize;
  private final Map<String, Integer> hostIndex;

  private ClassFleet(Builder b) {
    this.hostIds = List.copyOf(b.hostIds);
    this.hostClassOf = b.hostClassOf.stream().mapToInt(Integer::intValue).toArray();
    this.clusterOf = new ArrayList<>(b.clusterOf);
    this.poolOf = b.poolOf.stream().mapToInt(Integer::intValue).toArray();
    this.hostClassVectors = b.hostClassVectors.toArray(new VectorSet[0]);
    this.fits = b.fits.toArray(new BitSet[0]);
    this.vmClassSize = new long[fits.length];
    List<long[]> groups = new ArrayList<>();
    b.groupsByKey.forEach((key, count) -> groups.add(new long[] {key.get(0), key.get(1), count}));
    groups.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
    this.groupVmClass = new int[groups.size()];
    this.groupHost = new int[groups.size()];
    this.groupSize = new long[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      groupVmClass[g] = (int) groups.get(g)[0];
      groupHost[g] = (int) groups.get(g)[1];
      groupSize[g] = groups.get(g)[2];
      vmClassSize[groupVmClass[g]] += groupSize[g];
    }
    this.hostIndex = new HashMap<>();
    for (int h = 0; h < hostIds.size(); h++) {
      hostIndex.put(hostIds.get(h), h);
    }
  }

  /** A new builder. Not thread safe. */
  public static Builder builder() {
    return new Builder();
  }

  /** How many hosts. */
  public int hostCount() {
    return hostIds.size();
  }

  /** The id of host {@code h}. */
  public String hostId(int h) {
    return hostIds.get(h);
  }

  /** The index of host {@code id}, or -1 when the fleet has no such host. */
  public int indexOf(String id) {
    return hostIndex.getOrDefault(id, -1);
  }

  /** The class of host {@code h}. */
  public int hostClassOf(int h) {
    return hostClassOf[h];
  }

  /** The cluster of host {@code h}; null when none. */
  public String clusterOf(int h) {
    return clusterOf.get(h);
  }

  /** The pool of host {@code h}. */
  public int poolOf(int h) {
    return poolOf[h];
  }

  /** How many host classes (class numbers run 0 to this - 1). */
  public int hostClassCount() {
    return hostClassVectors.length;
  }

  /** The vectors of host class {@code c}. */
  public VectorSet hostClassVectors(int c) {
    return hostClassVectors[c];
  }

  /** How many VM classes. */
  public int vmClassCount() {
    return fits.length;
  }

  /** How many VMs class {@code v} has. */
  public long vmClassSize(int v) {
    return vmClassSize[v];
  }

  /** How many VMs in all. */
  public long vmCount() {
    long n = 0;
    for (long s : vmClassSize) {
      n += s;
    }
    return n;
  }

  /** Whether VMs of class {@code v} fit hosts of class {@code c}. */
  public boolean fits(int v, int c) {
    return fits[v].get(c);
  }

  /** The host classes of the hosts (by index) in {@code hosts}. */
  public BitSet classesOf(BitSet hosts) {
    BitSet classes = new BitSet();
    for (int h = hosts.nextSetBit(0); h >= 0; h = hosts.nextSetBit(h + 1)) {
      classes.set(hostClassOf[h]);
    }
    return classes;
  }

  /**
   * How many VMs fit every host class of {@code hostClasses}: the VMs that can move freely within a
   * host set of those classes. Every VM when the set is empty.
   */
  public long mobileVms(BitSet hostClasses) {
    long n = 0;
    BitSet missing = new BitSet();
    for (int v = 0; v < fits.length; v++) {
      missing.clear();
      missing.or(hostClasses);
      missing.andNot(fits[v]);
      if (missing.isEmpty()) {
        n += vmClassSize[v];
      }
    }
    return n;
  }

  /**
   * How many VMs are stranded (SPEC section 6: no compatible host other than the current one) when
   * the hosts of {@code retired} are gone from the fleet. A VM whose current host is retired, or
   * names no host of the fleet, counts every compatible host that remains, as a re-run on the
   * snapshot without those hosts would.
   */
  public long strandedVms(BitSet retired) {
    long[] remaining = new long[hostClassCount()];
    for (int h = 0; h < hostClassOf.length; h++) {
      if (!retired.get(h)) {
        remaining[hostClassOf[h]]++;
      }
    }
    long stranded = 0;
    int lastClass = -1;
    long compatible = 0;
    for (int g = 0; g < groupVmClass.length; g++) {
      int v = groupVmClass[g];
      if (v != lastClass) {
        compatible = 0;
        for (int c = fits[v].nextSetBit(0); c >= 0; c = fits[v].nextSetBit(c + 1)) {
          compatible += remaining[c];
        }
        lastClass = v;
      }
      int h = groupHost[g];
      boolean currentOk = h >= 0 && !retired.get(h) && fits[v].get(hostClassOf[h]);
      if (compatible - (currentOk ? 1 : 0) == 0) {
        stranded += groupSize[g];
      }
    }
    return stranded;
  }

  /** How many (VM class, current host) groups. */
  int groupCount() {
    return groupVmClass.length;
  }

  /** The VM class of group {@code g}. */
  int groupVmClass(int g) {
    return groupVmClass[g];
  }

  /** The current host (index) of group {@code g}; -1 when it names none of the fleet's hosts. */
  int groupHost(int g) {
    return groupHost[g];
  }

  /** How many VMs group {@code g} has. */
  long groupSize(int g) {
    return groupSize[g];
  }

  /** The baseline of the host classes in {@code hostClasses} (non-empty). */
  public Baseline baseline(BitSet hostClasses) {
    List<VectorSet> sets = new ArrayList<>();
    for (int c = hostClasses.nextSetBit(0); c >= 0; c = hostClasses.nextSetBit(c + 1)) {
      sets.add(hostClassVectors[c]);
    }
    return Baseline.of(sets);
  }

  /**
   * The hosts of {@code hostIds}, as indexes; ids the fleet lacks are returned in {@code unknown}.
   */
  BitSet hostsOf(Collection<String> ids, List<String> unknown) {
    BitSet hosts = new BitSet();
    for (String id : ids) {
      int h = indexOf(id);
      if (h < 0) {
        unknown.add(id);
      } else {
        hosts.set(h);
      }
    }
    return hosts;
  }

  /** Collects a fleet. Host classes and VM classes must be numbered densely from 0. */
  public static final class Builder {
    private final List<String> hostIds = new ArrayList<>();
    private final List<Integer> hostClassOf = new ArrayList<>();
    private final List<String> clusterOf = new ArrayList<>();
    private final List<Integer> poolOf = new ArrayList<>();
    private final List<VectorSet> hostClassVectors = new ArrayList<>();
    private final List<BitSet> fits = new ArrayList<>();
    private final Map<List<Integer>, Long> groupsByKey = new HashMap<>();
    private final List<String> pendingCurrent = new ArrayList<>();
    private final List<Integer> pendingClass = new ArrayList<>();
    private final List<Long> pendingCount = new ArrayList<>();

    private Builder() {}

    /** Adds a host of class {@code hostClass} (cluster may be null). */
    public Builder host(String id, int hostClass, String cluster, int pool) {
      hostIds.add(id);
      hostClassOf.add(hostClass);
      clusterOf.add(cluster);
      poolOf.add(pool);
      return this;
    }

    /** Sets the vectors of host class {@code c}. */
    public Builder hostClass(int c, VectorSet vectors) {
      while (hostClassVectors.size() <= c) {
        hostClassVectors.add(VectorSet.empty());
      }
      hostClassVectors.set(c, vectors);
      return this;
    }

    /** Sets the host classes VM class {@code v} fits (copied). */
    public Builder vmClass(int v, BitSet hostClasses) {
      while (fits.size() <= v) {
        fits.add(new BitSet());
      }
      fits.set(v, (BitSet) hostClasses.clone());
      return this;
    }

    /** Adds a VM of class {@code vmClass} on {@code currentHostId} (null when none). */
    public Builder vm(int vmClass, String currentHostId) {
      return vms(vmClass, currentHostId, 1);
    }

    /** Adds {@code count} VMs of class {@code vmClass} on {@code currentHostId} (null: none). */
    public Builder vms(int vmClass, String currentHostId, long count) {
      pendingClass.add(vmClass);
      pendingCurrent.add(currentHostId);
      pendingCount.add(count);
      return this;
    }

    /** The fleet. */
    public ClassFleet build() {
      Map<String, Integer> index = new HashMap<>();
      for (int h = 0; h < hostIds.size(); h++) {
        index.put(hostIds.get(h), h);
      }
      for (int c : hostClassOf) {
        while (hostClassVectors.size() <= c) {
          hostClassVectors.add(VectorSet.empty());
        }
      }
      groupsByKey.clear();
      for (int i = 0; i < pendingClass.size(); i++) {
        int v = pendingClass.get(i);
        while (fits.size() <= v) {
          fits.add(new BitSet());
        }
        String current = pendingCurrent.get(i);
        int h = current == null ? -1 : index.getOrDefault(current, -1);
        groupsByKey.merge(List.of(v, h), pendingCount.get(i), Long::sum);
      }
      return new ClassFleet(this);
    }
  }
}
