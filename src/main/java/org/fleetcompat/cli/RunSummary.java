package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.fleetcompat.io.FeasibilityCounts;
import org.fleetcompat.io.FleetCounts;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.ResultTable;
import org.fleetcompat.io.WhatIfGains;
import org.fleetcompat.job.RunResult;

/** The short human summary {@code fleetcompat run} prints at the end. Stateless. */
final class RunSummary {
  private RunSummary() {}

  static void print(RunResult result, long wallMillis, PrintWriter w) {
    Manifest m = result.manifest();
    FleetCounts f = m.fleet();
    long vms = f.vms();
    long hosts = f.hosts();
    w.printf(Locale.ROOT, "fleetcompat run: %s -> %s%n", m.snapshot(), result.outDir());
    w.printf(
        Locale.ROOT,
        "  VMs               %,d in %,d classes; %,d fit at least one host, %,d fit none%n",
        vms,
        f.vmClasses(),
        f.vmsWithACompatibleHost(),
        vms - f.vmsWithACompatibleHost());
    w.printf(Locale.ROOT, "  hosts             %,d in %,d classes%n", hosts, f.hostClasses());
    double share = vms * hosts == 0 ? 0 : 100.0 * f.compatiblePairs() / ((double) vms * hosts);
    w.printf(
        Locale.ROOT,
        "  compatible pairs  %,d of %,d VM-host pairs (%.1f%%)%n",
        f.compatiblePairs(),
        vms * hosts,
        share);
    FeasibilityCounts feas = m.feasibility();
    w.printf(
        Locale.ROOT,
        "  pools             %,d; stranded VMs %,d; VMs on an incompatible host %,d%n",
        feas.pools(),
        feas.strandedVms(),
        feas.vmsOnAnIncompatibleHost());
    w.printf(
        Locale.ROOT,
        "  evacuation        %,d of %,d hosts running VMs can be drained (every VM has another"
            + " compatible host)%n",
        feas.evacuableHostsRunningVms(),
        feas.hostsRunningVms());
    printPlans(result.outDir(), w);
    if (m.whatIf() != null) {
      WhatIfGains g = m.whatIf();
      w.printf(
          Locale.ROOT,
          "  what-if stopped   %,d running VMs lose running-only vectors: %,d gain hosts (+%,d pairs),"
              + " %,d no longer stranded, %,d more hosts can be drained%n",
          g.runningVmsWithVectorsDropped(),
          g.vmsGainingHosts(),
          g.compatiblePairsGained(),
          g.vmsNoLongerStranded(),
          g.hostsNewlyEvacuable());
    }
    long rejected = m.inputs().values().stream().mapToLong(Manifest.InputTable::rowsRejected).sum();
    long collapsed =
        m.inputs().values().stream().mapToLong(Manifest.InputTable::duplicatesCollapsed).sum();
    w.printf(
        Locale.ROOT,
        "  rejected rows     %,d (%s); exact duplicates collapsed: %,d%n",
        rejected,
        m.inputs().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue().rowsRejected())
            .collect(Collectors.joining(", ")),
        collapsed);
    String ignored =
        m.inputs().entrySet().stream()
            .filter(e -> !e.getValue().ignoredColumns().isEmpty())
            .map(e -> e.getKey() + ": " + String.join(", ", e.getValue().ignoredColumns()))
            .collect(Collectors.joining("; "));
    if (!ignored.isEmpty()) {
      w.printf(
          Locale.ROOT,
          "  ignored columns   %s (not in the snapshot contract: not read)%n",
          ignored);
    }
    boolean balanced = m.inputs().values().stream().allMatch(Manifest.InputTable::balanced);
    w.printf(
        Locale.ROOT,
        "  row accounting    %s%n",
        balanced
            ? "balanced (read = accepted + rejected + collapsed, every table)"
            : "NOT BALANCED");
    w.printf(
        Locale.ROOT,
        "  tables            %s%n",
        m.outputs().entrySet().stream()
            .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue().rows()))
            .collect(Collectors.joining(", ")));
    w.printf(
        Locale.ROOT,
        "  time              %.2f s on the %s runner (%s)%n",
        wallMillis / 1000.0,
        m.runner(),
        m.timingsMillis().entrySet().stream()
            .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1000.0))
            .collect(Collectors.joining(", ")));
    w.printf(Locale.ROOT, "  status            %d %s%n", m.statusCode(), m.status());
  }

  /**
   * The drain plans' line: hosts whose VMs all find a compatible host with room when that host
   * alone is drained, and how many pools survive their largest hosts failing.
   */
  private static void printPlans(String outDir, PrintWriter w) {
    org.fleetcompat.io.Storage storage = org.fleetcompat.drift.ResultDirectory.storageFor(outDir);
    java.util.Map<String, Boolean> hostDrains = new java.util.HashMap<>();
    long noRoom = 0;
    for (Object[] r :
        org.fleetcompat.io.TableFileReader.readAll(
            storage,
            storage.resolve(outDir, ResultTable.DRAIN_PLANS.tableName()),
            ResultTable.DRAIN_PLANS,
            false)) {
      hostDrains.merge((String) r[0], r[2] != null, Boolean::logicalAnd);
      noRoom += "NO_CAPACITY".equals(r[3]) ? 1 : 0;
    }
    int pools = 0;
    int nPlus1 = 0;
    int nPlus2 = 0;
    for (Object[] r :
        org.fleetcompat.io.TableFileReader.readAll(
            storage,
            storage.resolve(outDir, ResultTable.POOL_HEADROOM.tableName()),
            ResultTable.POOL_HEADROOM,
            false)) {
      pools++;
      nPlus1 += (Integer) r[2] >= 1 ? 1 : 0;
      nPlus2 += (Integer) r[2] >= 2 ? 1 : 0;
    }
    w.printf(
        Locale.ROOT,
        "  drain plans       %,d of %,d hosts running VMs can be drained alone with room for every"
            + " VM (%,d VMs lack room); pools surviving N+1 %,d of %,d, N+2 %,d%n",
        hostDrains.values().stream().filter(b -> b).count(),
        hostDrains.size(),
        noRoom,
        nPlus1,
        pools,
        nPlus2);
  }
}
