package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.job.RunResult;

/** The short human summary {@code fleetcompat run} prints at the end. Stateless. */
final class RunSummary {
  private RunSummary() {}

  static void print(RunResult result, PrintWriter w) {
    Manifest m = result.manifest();
    Map<String, Long> f = m.fleet();
    long vms = f.get("vms");
    long hosts = f.get("hosts");
    long pairs = f.get("compatible_pairs");
    long placeable = f.get("vms_with_a_compatible_host");
    w.printf(Locale.ROOT, "fleetcompat run: %s -> %s%n", m.snapshot(), result.outDir());
    w.printf(
        Locale.ROOT,
        "  VMs               %,d in %,d classes; %,d fit at least one host, %,d fit none%n",
        vms,
        f.get("vm_classes"),
        placeable,
        vms - placeable);
    w.printf(Locale.ROOT, "  hosts             %,d in %,d classes%n", hosts, f.get("host_classes"));
    double share = vms * hosts == 0 ? 0 : 100.0 * pairs / ((double) vms * hosts);
    w.printf(
        Locale.ROOT,
        "  compatible pairs  %,d of %,d VM-host pairs (%.1f%%)%n",
        pairs,
        vms * hosts,
        share);
    Map<String, Long> feas = m.feasibility();
    w.printf(
        Locale.ROOT,
        "  pools             %,d; stranded VMs %,d; VMs on an incompatible host %,d%n",
        feas.get("pools"),
        feas.get("stranded_vms"),
        feas.get("vms_on_an_incompatible_host"));
    w.printf(
        Locale.ROOT,
        "  evacuation        %,d of %,d hosts running VMs can be drained (every VM has another"
            + " compatible host)%n",
        feas.get("evacuable_hosts_running_vms"),
        feas.get("hosts_running_vms"));
    if (!m.whatIf().isEmpty()) {
      Map<String, Long> g = m.whatIf();
      w.printf(
          Locale.ROOT,
          "  what-if stopped   %,d running VMs lose running-only vectors: %,d gain hosts (+%,d pairs),"
              + " %,d no longer stranded, %,d more hosts can be drained%n",
          g.get("running_vms_with_vectors_dropped"),
          g.get("vms_gaining_hosts"),
          g.get("compatible_pairs_gained"),
          g.get("vms_no_longer_stranded"),
          g.get("hosts_newly_evacuable"));
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
            .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
            .collect(Collectors.joining(", ")));
    long total = m.timingsMillis().values().stream().mapToLong(Long::longValue).sum();
    w.printf(
        Locale.ROOT,
        "  time              %.1f s (%s)%n",
        total / 1000.0,
        m.timingsMillis().entrySet().stream()
            .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / 1000.0))
            .collect(Collectors.joining(", ")));
    w.printf(Locale.ROOT, "  status            %d %s%n", m.statusCode(), m.status());
  }
}
