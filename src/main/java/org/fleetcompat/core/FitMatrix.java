package org.fleetcompat.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The whole compatibility matrix at class level, held as one {@link BitSet} of host classes per VM
 * class, with the class sizes: what pools, per-VM feasibility and the headline counts are read
 * from. Memory: VM classes x host classes bits (a 20,000 x 5,000 all-distinct fleet: 12.5 MB).
 *
 * <p>Immutable once built (the sets it returns must not be modified) and thread safe; serializable,
 * so Spark can broadcast it.
 */
public final class FitMatrix implements Serializable {
  private static final long serialVersionUID = 1L;

  private final BitSet[] fits;
  private final long[] vmClassSizes;
  private final long[] hostClassSizes;
  private final long[] compatibleHosts;

  /**
   * A matrix of {@code fits.get(c)} = the host classes VM class {@code c} fits.
   *
   * @param fits per VM class (by number), its compatible host classes; taken over, not copied
   * @param vmClassSizes how many VMs each VM class has
   * @param hostClassSizes how many hosts each host class has
   */
  public FitMatrix(List<BitSet> fits, long[] vmClassSizes, long[] hostClassSizes) {
    if (fits.size() != vmClassSizes.length) {
      throw new IllegalArgumentException(
          fits.size() + " VM class rows but " + vmClassSizes.length + " VM class sizes");
    }
    this.fits = fits.toArray(BitSet[]::new);
    this.vmClassSizes = vmClassSizes.clone();
    this.hostClassSizes = hostClassSizes.clone();
    this.compatibleHosts = new long[this.fits.length];
    for (int c = 0; c < this.fits.length; c++) {
      if (this.fits[c].length() > hostClassSizes.length) {
        throw new IllegalArgumentException(
            "VM class " + c + " fits host class " + (this.fits[c].length() - 1) + " of none");
      }
      compatibleHosts[c] = hostsIn(this.fits[c]);
    }
  }

  /** How many VM classes. */
  public int vmClassCount() {
    return fits.length;
  }

  /** How many host classes. */
  public int hostClassCount() {
    return hostClassSizes.length;
  }

  /** How many VMs class {@code vmClass} has. */
  public long vmClassSize(int vmClass) {
    return vmClassSizes[vmClass];
  }

  /** How many hosts class {@code hostClass} has. */
  public long hostClassSize(int hostClass) {
    return hostClassSizes[hostClass];
  }

  /** The host classes VM class {@code vmClass} fits; read only. */
  public BitSet fits(int vmClass) {
    return fits[vmClass];
  }

  /** Whether VM class {@code vmClass} fits host class {@code hostClass}. */
  public boolean fits(int vmClass, int hostClass) {
    return fits[vmClass].get(hostClass);
  }

  /** How many hosts a VM of class {@code vmClass} fits. */
  public long compatibleHosts(int vmClass) {
    return compatibleHosts[vmClass];
  }

  /** How many hosts of the given host classes there are. O(set bits). */
  public long hostsIn(BitSet hostClasses) {
    long n = 0;
    for (int h = hostClasses.nextSetBit(0); h >= 0; h = hostClasses.nextSetBit(h + 1)) {
      n += hostClassSizes[h];
    }
    return n;
  }

  /** How many VMs of the given VM classes there are. O(set bits). */
  public long vmsIn(BitSet vmClasses) {
    long n = 0;
    for (int c = vmClasses.nextSetBit(0); c >= 0; c = vmClasses.nextSetBit(c + 1)) {
      n += vmClassSizes[c];
    }
    return n;
  }

  /** VMs x hosts: every compatible VM-host pair of the fleet. */
  public long compatiblePairs() {
    long n = 0;
    for (int c = 0; c < fits.length; c++) {
      n += vmClassSizes[c] * compatibleHosts[c];
    }
    return n;
  }

  /** How many VMs fit at least one host. */
  public long vmsWithACompatibleHost() {
    long n = 0;
    for (int c = 0; c < fits.length; c++) {
      n += compatibleHosts[c] > 0 ? vmClassSizes[c] : 0;
    }
    return n;
  }

  /** The matrix's columns: per host class, the VM classes it accepts. O(set bits). */
  public List<BitSet> acceptedVmClassesByHostClass() {
    List<BitSet> columns = new ArrayList<>(hostClassSizes.length);
    for (int h = 0; h < hostClassSizes.length; h++) {
      columns.add(new BitSet(fits.length));
    }
    for (int c = 0; c < fits.length; c++) {
      for (int h = fits[c].nextSetBit(0); h >= 0; h = fits[c].nextSetBit(h + 1)) {
        columns.get(h).set(c);
      }
    }
    return columns;
  }
}
