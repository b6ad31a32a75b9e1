package org.fleetcompat.sample;

import java.util.List;

/**
 * A cluster of the generated fleet.
 *
 * @param name e.g. {@code cl-skylake-a}
 * @param cpus the CPU types its hosts have, of one microarchitecture
 * @param hostIndexes positions of its hosts in the fleet's host list, filled while the hosts are
 *     built
 */
record SampleCluster(String name, List<HostCpu> cpus, List<Integer> hostIndexes) {

  /** One line for the summary: name, host count, CPU types. */
  String describe() {
    return name
        + ": "
        + hostIndexes.size()
        + " hosts, "
        + String.join(", ", cpus.stream().map(HostCpu::name).toList());
  }
}
