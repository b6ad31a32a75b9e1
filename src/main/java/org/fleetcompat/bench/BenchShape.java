package org.fleetcompat.bench;

import java.util.Locale;

/**
 * The shape of a synthetic benchmark fleet.
 *
 * @param vms how many VMs
 * @param hosts how many hosts
 * @param vectors vectors per system
 * @param vmClasses distinct VM vector sets (equal to {@code vms} for an all-distinct fleet)
 * @param hostClasses distinct host vector sets (equal to {@code hosts} for all-distinct)
 */
public record BenchShape(int vms, int hosts, int vectors, int vmClasses, int hostClasses) {

  /** Checks the counts: classes at least 1 and at most the systems they group. */
  public BenchShape {
    if (vms < 1 || hosts < 1 || vectors < 6) {
      throw new IllegalArgumentException(
          "A bench fleet needs at least 1 VM, 1 host and 6 vectors, got " + this);
    }
    if (vmClasses < 1 || vmClasses > vms || hostClasses < 1 || hostClasses > hosts) {
      throw new IllegalArgumentException(
          "Classes must be between 1 and the number of systems, got " + this);
    }
  }

  /** Every VM and every host distinct. */
  public static BenchShape allDistinct(int vms, int hosts, int vectors) {
    return new BenchShape(vms, hosts, vectors, vms, hosts);
  }

  /** VMs x hosts: the pairs the matrix decides. */
  public long pairs() {
    return (long) vms * hosts;
  }

  /** A short name for directories and reports, e.g. {@code 20000x2000x24-c500x20}. */
  public String label() {
    return String.format(
        Locale.ROOT, "%dx%dx%d-c%dx%d", vms, hosts, vectors, vmClasses, hostClasses);
  }
}
