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

  /**
   * Checks the counts: at least one VM and host, six vectors (one of each kind the fleet model
   * writes), classes at least 1 and at most the systems they group.
   *
   * @throws IllegalArgumentException naming the counts that do not fit
   */
  public BenchShape {
    if (vms < 1 || hosts < 1 || vectors < 6) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "A bench fleet needs at least 1 VM, 1 host and 6 vectors, not %d, %d and %d",
              vms,
              hosts,
              vectors));
    }
    if (vmClasses < 1 || vmClasses > vms || hostClasses < 1 || hostClasses > hosts) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Classes must be between 1 and the number of systems: %d VM classes for %d VMs, %d"
                  + " host classes for %d hosts",
              vmClasses,
              vms,
              hostClasses,
              hosts));
    }
  }

  /** Every VM and every host distinct: as many classes as systems. */
  public static BenchShape allDistinct(int vms, int hosts, int vectors) {
    return new BenchShape(vms, hosts, vectors, vms, hosts);
  }

  /** VMs x hosts: the pairs the matrix decides. */
  public long pairs() {
    return (long) vms * hosts;
  }

  /** Whether every system is its own class. */
  public boolean isAllDistinct() {
    return vmClasses == vms && hostClasses == hosts;
  }

  /** A fleet with the same vectors and class structure, {@code factor} times smaller (warm-ups). */
  public BenchShape shrunk(int factor) {
    int v = Math.max(100, vms / factor);
    int h = Math.max(20, hosts / factor);
    if (isAllDistinct()) {
      return allDistinct(Math.min(vms, v), Math.min(hosts, h), vectors);
    }
    return new BenchShape(
        Math.min(vms, v),
        Math.min(hosts, h),
        vectors,
        Math.min(vmClasses, Math.min(vms, v)),
        Math.min(hostClasses, Math.min(hosts, h)));
  }

  /** A short name for directories and reports, e.g. {@code 20000x2000x24-c500x20}. */
  public String label() {
    return String.format(
        Locale.ROOT, "%dx%dx%d-c%dx%d", vms, hosts, vectors, vmClasses, hostClasses);
  }
}
