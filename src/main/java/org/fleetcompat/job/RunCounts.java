package org.fleetcompat.job;

import static org.apache.spark.sql.functions.expr;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fleetcompat.core.FitMatrix;
import org.fleetcompat.core.Pools;

/** The headline counts of a run's manifest ({@code fleet} and {@code feasibility}). */
final class RunCounts {
  private RunCounts() {}

  /**
   * VMs, hosts, classes and compatible pairs, from the class matrix on the driver: no Spark job.
   */
  static Map<String, Long> fleet(FitMatrix fits) {
    long vms = 0;
    for (int c = 0; c < fits.vmClassCount(); c++) {
      vms += fits.vmClassSize(c);
    }
    long hosts = 0;
    for (int h = 0; h < fits.hostClassCount(); h++) {
      hosts += fits.hostClassSize(h);
    }
    Map<String, Long> fleet = new LinkedHashMap<>();
    fleet.put("vms", vms);
    fleet.put("hosts", hosts);
    fleet.put("vm_classes", (long) fits.vmClassCount());
    fleet.put("host_classes", (long) fits.hostClassCount());
    fleet.put("compatible_pairs", fits.compatiblePairs());
    fleet.put("vms_with_a_compatible_host", fits.vmsWithACompatibleHost());
    return fleet;
  }

  /**
   * Pools, stranded VMs and drainable hosts: one aggregate over each of {@code vm_summary} and
   * {@code host_evacuation}.
   */
  static Map<String, Long> feasibility(
      Pools pools, Dataset<Row> vmSummary, Dataset<Row> hostEvacuation) {
    Row vms =
        vmSummary
            .agg(
                expr("count_if(stranded)"),
                expr("count_if(current_host_ok = false)"),
                expr("count_if(current_host_ok IS NULL)"))
            .first();
    Row hosts =
        hostEvacuation
            .agg(
                expr("count_if(evacuable)"),
                expr("count_if(vm_count > 0)"),
                expr("count_if(evacuable AND vm_count > 0)"),
                expr("count_if(evacuable IS NULL)"))
            .first();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("pools", (long) pools.poolCount());
    counts.put("stranded_vms", vms.getLong(0));
    counts.put("vms_on_an_incompatible_host", vms.getLong(1));
    counts.put("vms_with_no_evaluated_current_host", vms.getLong(2));
    counts.put("evacuable_hosts", hosts.getLong(0));
    counts.put("hosts_running_vms", hosts.getLong(1));
    counts.put("evacuable_hosts_running_vms", hosts.getLong(2));
    counts.put("hosts_with_unevaluated_vms", hosts.getLong(3));
    return counts;
  }
}
