package org.fleetcompat.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.fleetcompat.reference.FeasibilityReference.VmAttributes;
import org.fleetcompat.reference.NestedLoopReference.RefVector;

/**
 * Seeded random {@code vms} and {@code hosts} rows for a fleet, so that per-VM and per-host
 * feasibility has something to find: most VMs run on a host that accepts them (so a VM with a
 * single compatible host is stranded and blocks its host's evacuation), some on a host that does
 * not, some on a host id that is not in the fleet, some on none; states are running, off, saved or
 * null; most hosts have a row, in one of three clusters or none. The same seed and fleet give the
 * same rows.
 *
 * @param vms the {@code vms} rows, by VM id: one for most VMs of the fleet, none for the others
 * @param clusterOfHost the {@code hosts} rows, by host id: one for most hosts (the value may be
 *     null), none for the others
 */
public record RandomAttributes(Map<String, VmAttributes> vms, Map<String, String> clusterOfHost) {
  /** A current host id that no fleet has. */
  public static final String GONE_HOST = "h-gone";

  private static final Long[] STATES = {2L, 3L, 32769L, null};

  /** Rows for these systems (every one with vectors, so no row is rejected as NO_VECTORS). */
  public static RandomAttributes generate(
      long seed, Map<String, List<RefVector>> vms, Map<String, List<RefVector>> hosts) {
    Random rnd = new Random(seed);
    List<String> hostIds = new ArrayList<>(new TreeMap<>(hosts).keySet());
    Map<String, VmAttributes> vmRows = new TreeMap<>();
    for (Map.Entry<String, List<RefVector>> vm : new TreeMap<>(vms).entrySet()) {
      if (rnd.nextDouble() < 0.1) {
        continue;
      }
      List<String> fits = new ArrayList<>();
      for (String h : hostIds) {
        if (NestedLoopReference.isCompatible(vm.getValue(), hosts.get(h))) {
          fits.add(h);
        }
      }
      double pick = rnd.nextDouble();
      String current;
      if (pick < 0.6 && !fits.isEmpty()) {
        current = fits.get(rnd.nextInt(fits.size()));
      } else if (pick < 0.85 && !hostIds.isEmpty()) {
        current = hostIds.get(rnd.nextInt(hostIds.size()));
      } else {
        current = pick < 0.92 ? GONE_HOST : null;
      }
      vmRows.put(vm.getKey(), new VmAttributes(STATES[rnd.nextInt(STATES.length)], current));
    }
    Map<String, String> clusters = new TreeMap<>();
    for (String h : hostIds) {
      if (rnd.nextDouble() < 0.85) {
        int c = rnd.nextInt(4);
        clusters.put(h, c == 3 ? null : "cl-" + c);
      }
    }
    return new RandomAttributes(vmRows, clusters);
  }
}
