package org.fleetcompat.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The counts of a {@link Drift}: how many VMs, hosts, pools and blockers changed and how, the
 * headline figures of both nights, and the largest causes in words. Written by {@code diff} as
 * {@code drift_summary.json} and printed as its summary. Immutable.
 *
 * @param counts every count by its snake_case key ({@code vms_appeared}, {@code pools_split}, ...),
 *     in a fixed order
 * @param topCauses the descriptions of the costliest causes, at most {@value #TOP_CAUSES}
 */
public record DriftSummary(Map<String, Long> counts, List<String> topCauses) {
  /** How many causes the summary names. */
  public static final int TOP_CAUSES = 8;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Copies the collections. */
  public DriftSummary {
    counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    topCauses = List.copyOf(topCauses);
  }

  /** Counts the drift. */
  static DriftSummary of(Drift d) {
    Map<String, Long> c = new LinkedHashMap<>();
    for (VmDrift.Change k : VmDrift.Change.values()) {
      c.put("vms_" + k.name().toLowerCase(Locale.ROOT), 0L);
    }
    long lostVms = 0;
    long gainedVms = 0;
    long pairsLost = 0;
    long pairsGained = 0;
    long stranded = 0;
    long unstranded = 0;
    long moved = 0;
    long reconfigured = 0;
    for (VmDrift v : d.vms()) {
      c.merge("vms_" + v.change().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
      lostVms += v.hostsLost() > 0 ? 1 : 0;
      gainedVms += v.hostsGained() > 0 ? 1 : 0;
      pairsLost += v.hostsLost();
      pairsGained += v.hostsGained();
      stranded += v.becameStranded() ? 1 : 0;
      unstranded += v.noLongerStranded() ? 1 : 0;
      moved += v.moved() ? 1 : 0;
      reconfigured += v.reconfigured() ? 1 : 0;
    }
    c.put("vms_moved_any", moved);
    c.put("vms_reconfigured_any", reconfigured);
    c.put("vms_that_lost_hosts", lostVms);
    c.put("vms_that_gained_hosts", gainedVms);
    c.put("pairs_lost", pairsLost);
    c.put("pairs_gained", pairsGained);
    c.put("vms_became_stranded", stranded);
    c.put("vms_no_longer_stranded", unstranded);
    for (HostDrift.Change k : HostDrift.Change.values()) {
      c.put("hosts_" + k.name().toLowerCase(Locale.ROOT), 0L);
    }
    long undrainable = 0;
    for (HostDrift h : d.hosts()) {
      c.merge("hosts_" + h.change().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
      undrainable +=
          Boolean.TRUE.equals(h.oldEvacuable()) && Boolean.FALSE.equals(h.newEvacuable()) ? 1 : 0;
    }
    c.put("hosts_became_undrainable", undrainable);
    Set<Integer> split = new HashSet<>();
    Set<Integer> merged = new HashSet<>();
    long appeared = 0;
    long vanished = 0;
    long unchanged = 0;
    long resized = 0;
    for (PoolDrift p : d.pools()) {
      switch (p.change()) {
        case SPLIT -> split.add(p.oldPoolId());
        case MERGED -> merged.add(p.newPoolId());
        case REGROUPED -> {
          split.add(p.oldPoolId());
          merged.add(p.newPoolId());
        }
        case APPEARED -> appeared++;
        case VANISHED -> vanished++;
        case UNCHANGED -> unchanged++;
        case RESIZED -> resized++;
      }
    }
    c.put("pools_split", (long) split.size());
    c.put("pools_merged", (long) merged.size());
    c.put("pools_appeared", appeared);
    c.put("pools_vanished", vanished);
    c.put("pools_resized", resized);
    c.put("pools_unchanged", unchanged);
    for (BlockerDrift.Change k : BlockerDrift.Change.values()) {
      c.put("blockers_" + k.name().toLowerCase(Locale.ROOT), 0L);
    }
    d.blockers()
        .forEach(
            b -> c.merge("blockers_" + b.change().name().toLowerCase(Locale.ROOT), 1L, Long::sum));
    c.put("causes", (long) d.causes().size());
    List<String> top = new ArrayList<>();
    for (DriftCause cause : d.causes()) {
      if (top.size() < TOP_CAUSES) {
        top.add(cause.description());
      }
    }
    return new DriftSummary(c, top);
  }

  /** A count by its key; 0 when there is no such key. */
  public long count(String key) {
    return counts.getOrDefault(key, 0L);
  }

  /**
   * The summary as JSON: both results, both nights' headline figures, the counts and the top
   * causes.
   */
  public String toJson(Drift d) {
    ObjectNode root = JSON.createObjectNode();
    root.put("old_result", d.oldDir());
    root.put("new_result", d.newDir());
    root.put("old_snapshot", d.oldSnapshot());
    root.put("new_snapshot", d.newSnapshot());
    ObjectNode figures = root.putObject("figures");
    figure(figures, "vms", d.oldFigures().vms(), d.newFigures().vms());
    figure(figures, "hosts", d.oldFigures().hosts(), d.newFigures().hosts());
    figure(figures, "pools", d.oldFigures().pools(), d.newFigures().pools());
    figure(
        figures,
        "compatible_pairs",
        d.oldFigures().compatiblePairs(),
        d.newFigures().compatiblePairs());
    figure(figures, "stranded_vms", d.oldFigures().stranded(), d.newFigures().stranded());
    figure(
        figures,
        "drainable_hosts",
        d.oldFigures().drainableHosts(),
        d.newFigures().drainableHosts());
    figure(figures, "rejected_rows", d.oldFigures().rejectedRows(), d.newFigures().rejectedRows());
    ObjectNode counts = root.putObject("counts");
    this.counts.forEach(counts::put);
    topCauses.forEach(root.putArray("top_causes")::add);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the drift summary as JSON", e);
    }
  }

  /** A few lines for the terminal: what changed, in the planner's words. */
  public List<String> lines(Drift d) {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "  VMs      %+,d (%,d appeared, %,d vanished, %,d quarantined); %,d reconfigured,"
                + " %,d moved",
            d.newFigures().vms() - d.oldFigures().vms(),
            count("vms_appeared"),
            count("vms_vanished"),
            count("vms_quarantined"),
            count("vms_reconfigured_any"),
            count("vms_moved_any")));
    out.add(
        String.format(
            Locale.ROOT,
            "  hosts    %+,d (%,d added, %,d retired, %,d quarantined); %,d changed vectors",
            d.newFigures().hosts() - d.oldFigures().hosts(),
            count("hosts_added"),
            count("hosts_retired"),
            count("hosts_quarantined"),
            count("hosts_vectors_changed")));
    out.add(
        String.format(
            Locale.ROOT,
            "  fit      %,d VMs lost %,d pairs, %,d gained %,d; stranded %,d -> %,d (%,d newly)",
            count("vms_that_lost_hosts"),
            count("pairs_lost"),
            count("vms_that_gained_hosts"),
            count("pairs_gained"),
            d.oldFigures().stranded(),
            d.newFigures().stranded(),
            count("vms_became_stranded")));
    out.add(
        String.format(
            Locale.ROOT,
            "  pools    %,d -> %,d: %,d split, %,d merged, %,d appeared, %,d vanished",
            d.oldFigures().pools(),
            d.newFigures().pools(),
            count("pools_split"),
            count("pools_merged"),
            count("pools_appeared"),
            count("pools_vanished")));
    out.add(
        String.format(
            Locale.ROOT,
            "  blockers %,d new, %,d vanished, %,d grew, %,d shrank",
            count("blockers_new"),
            count("blockers_vanished"),
            count("blockers_grew"),
            count("blockers_shrank")));
    for (int i = 0; i < topCauses.size() && i < 5; i++) {
      out.add((i == 0 ? "  causes   " : "           ") + topCauses.get(i));
    }
    return out;
  }

  private static void figure(ObjectNode figures, String key, long old, long neu) {
    ObjectNode f = figures.putObject(key);
    f.put("old", old);
    f.put("new", neu);
  }
}
