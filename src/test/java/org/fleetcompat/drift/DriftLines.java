package org.fleetcompat.drift;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fleetcompat.core.Hex;

/**
 * A drift as the text files of {@code expected-drift/}: one CSV per kind of change (sorted, with a
 * header) and the counts. The same form for the reference ({@link DriftReference}) and for {@link
 * DriftCalculator}'s {@link Drift} ({@link #of(Drift)}), so a golden test compares them line by
 * line.
 *
 * @param files file name to its text
 */
record DriftLines(Map<String, String> files) {
  static final String VMS_HEADER =
      "vm_id,change,old_compatible_hosts,new_compatible_hosts,hosts_lost,hosts_gained,old_stranded,new_stranded";
  static final String HOSTS_HEADER = "host_id,change,vector_changes,old_evacuable,new_evacuable";
  static final String CAUSES_HEADER =
      "kind,cluster,vector_id,name,vector_change,bits_lost,bits_gained,systems,vms_lost,pairs_lost,vms_gained,pairs_gained";
  static final String POOLS_HEADER =
      "change,old_first_host_id,new_first_host_id,old_host_count,new_host_count,shared_hosts";

  /** The counts every drift reports, in this order. */
  static final List<String> COUNTS =
      List.of(
          "vms_appeared",
          "vms_vanished",
          "vms_quarantined",
          "vms_released",
          "vms_reconfigured",
          "vms_hosts_changed",
          "vms_moved",
          "vms_moved_any",
          "vms_reconfigured_any",
          "vms_that_lost_hosts",
          "vms_that_gained_hosts",
          "pairs_lost",
          "pairs_gained",
          "vms_became_stranded",
          "vms_no_longer_stranded",
          "hosts_added",
          "hosts_retired",
          "hosts_quarantined",
          "hosts_released",
          "hosts_vectors_changed",
          "hosts_cluster_changed",
          "hosts_drain_changed",
          "hosts_became_undrainable",
          "pools_split",
          "pools_merged",
          "pools_appeared",
          "pools_vanished",
          "pools_resized",
          "pools_unchanged");

  static DriftLines of(
      List<String> vms,
      List<String> hosts,
      List<String> causes,
      List<String> pools,
      Map<String, Long> counts) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("vms.csv", csv(VMS_HEADER, vms, Comparator.naturalOrder()));
    f.put("hosts.csv", csv(HOSTS_HEADER, hosts, Comparator.naturalOrder()));
    f.put("causes.csv", csv(CAUSES_HEADER, causes, DriftLines::byCost));
    f.put("pools.csv", csv(POOLS_HEADER, pools, Comparator.naturalOrder()));
    StringBuilder c = new StringBuilder("{\n");
    for (int i = 0; i < COUNTS.size(); i++) {
      c.append("  \"")
          .append(COUNTS.get(i))
          .append("\": ")
          .append(counts.getOrDefault(COUNTS.get(i), 0L))
          .append(i + 1 < COUNTS.size() ? ",\n" : "\n");
    }
    f.put("counts.json", c.append("}\n").toString());
    return new DriftLines(f);
  }

  /** The drift {@link DriftCalculator} computed, in the same form. */
  static DriftLines of(Drift d) {
    List<String> vms = new ArrayList<>();
    for (VmDrift v : d.vms()) {
      vms.add(
          String.join(
              ",",
              v.vmId(),
              v.change().name(),
              v.oldCompatibleHosts() == null ? "" : v.oldCompatibleHosts().toString(),
              v.newCompatibleHosts() == null ? "" : v.newCompatibleHosts().toString(),
              Long.toString(v.hostsLost()),
              Long.toString(v.hostsGained()),
              v.oldStranded() == null ? "" : v.oldStranded().toString(),
              v.newStranded() == null ? "" : v.newStranded().toString()));
    }
    List<String> hosts = new ArrayList<>();
    for (HostDrift h : d.hosts()) {
      hosts.add(
          String.join(
              ",",
              h.hostId(),
              h.change().name(),
              DriftReference.quote(h.vectorChanges()),
              String.valueOf(h.oldEvacuable()),
              String.valueOf(h.newEvacuable())));
    }
    List<String> causes = new ArrayList<>();
    for (DriftCause c : d.causes()) {
      causes.add(
          String.join(
              ",",
              c.kind().name(),
              c.cluster() == null ? "" : c.cluster(),
              c.vectorId() == null ? "" : Hex.vectorId(c.vectorId()),
              c.name(),
              c.change() == null ? "" : c.change().name(),
              c.bitsLost() == null ? "" : Hex.value(c.bitsLost()),
              c.bitsGained() == null ? "" : Hex.value(c.bitsGained()),
              Long.toString(c.systemIds().size()),
              Long.toString(c.vmsLost()),
              Long.toString(c.pairsLost()),
              Long.toString(c.vmsGained()),
              Long.toString(c.pairsGained())));
    }
    List<String> pools = new ArrayList<>();
    for (PoolDrift p : d.pools()) {
      pools.add(
          String.join(
              ",",
              p.change().name(),
              p.oldFirstHostId() == null ? "" : p.oldFirstHostId(),
              p.newFirstHostId() == null ? "" : p.newFirstHostId(),
              Long.toString(p.oldHostCount()),
              Long.toString(p.newHostCount()),
              Long.toString(p.sharedHosts())));
    }
    Map<String, Long> counts = new TreeMap<>(d.summary().counts());
    return of(vms, hosts, causes, pools, counts);
  }

  /** Writes the files into {@code dir}. */
  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> e : files.entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** Reads the files of {@code dir}. */
  static DriftLines read(Path dir) throws IOException {
    Map<String, String> f = new LinkedHashMap<>();
    for (String name : List.of("vms.csv", "hosts.csv", "causes.csv", "pools.csv", "counts.json")) {
      f.put(name, Files.readString(dir.resolve(name), StandardCharsets.UTF_8));
    }
    return new DriftLines(f);
  }

  private static String csv(String header, List<String> lines, Comparator<String> order) {
    List<String> sorted = new ArrayList<>(lines);
    sorted.sort(order);
    StringBuilder s = new StringBuilder(header).append('\n');
    sorted.forEach(l -> s.append(l).append('\n'));
    return s.toString();
  }

  /** Causes: most pairs lost first, then most gained, then the line. */
  private static int byCost(String a, String b) {
    String[] x = a.split(",");
    String[] y = b.split(",");
    int c = Long.compare(Long.parseLong(y[9]), Long.parseLong(x[9]));
    if (c == 0) {
      c = Long.compare(Long.parseLong(y[11]), Long.parseLong(x[11]));
    }
    return c != 0 ? c : a.compareTo(b);
  }
}
