package org.fleetcompat.advise;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.drift.ResultRows;
import org.fleetcompat.io.HostRow;
import org.fleetcompat.io.LocalStorage;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.VmRow;
import org.fleetcompat.io.WriteOptions;
import org.fleetcompat.job.RunOptions;
import org.fleetcompat.job.RunnerKind;
import org.fleetcompat.reference.FeasibilityReference.VmAttributes;
import org.fleetcompat.reference.NestedLoopReference;
import org.fleetcompat.reference.NestedLoopReference.RefVector;
import org.fleetcompat.reference.RandomAttributes;
import org.fleetcompat.reference.RandomFleet;
import org.fleetcompat.reference.SnapshotRows;

/**
 * A seeded random fleet for the advisor tests, written as a snapshot and run through the real
 * pipeline; and the same fleet with some hosts removed, written and run again, for checking an
 * advisor's claimed effect against a full re-run.
 */
final class AdviseFleet {
  final RandomFleet fleet;
  final Map<String, List<RefVector>> vms;
  final Map<String, List<RefVector>> hosts;
  final RandomAttributes attributes;
  final Path dir;

  AdviseFleet(long seed, RandomFleet.Shape shape, int vmCount, int hostCount, Path dir) {
    this.fleet = RandomFleet.generate(seed, shape, vmCount, hostCount);
    this.vms = withVectors(fleet.vms());
    this.hosts = withVectors(fleet.hosts());
    this.attributes = RandomAttributes.generate(seed, vms, hosts);
    this.dir = dir;
  }

  /** Writes the fleet with only {@code keptHosts} and runs the pipeline; the result directory. */
  ResultDirectory run(String name, Collection<String> keptHosts) {
    return run(name, keptHosts, Map.of());
  }

  /** As {@link #run(String, Collection)}, with {@code newHosts} added (no hosts row). */
  ResultDirectory run(
      String name, Collection<String> keptHosts, Map<String, List<RefVector>> newHosts) {
    Path snapshot = dir.resolve(name + "-snapshot");
    Map<String, List<RefVector>> hostSide = new LinkedHashMap<>();
    hosts.forEach(
        (id, v) -> {
          if (keptHosts.contains(id)) {
            hostSide.put(id, v);
          }
        });
    hostSide.putAll(newHosts);
    SnapshotTableWriter.writeVectors(
        snapshot, SnapshotTable.VM_VECTORS, SnapshotRows.of(vms, false), WriteOptions.defaults());
    SnapshotTableWriter.writeVectors(
        snapshot,
        SnapshotTable.HOST_VECTORS,
        SnapshotRows.of(hostSide, false),
        WriteOptions.defaults());
    List<VmRow> vmRows = new ArrayList<>();
    attributes
        .vms()
        .forEach(
            (id, a) ->
                vmRows.add(
                    new VmRow(
                        id,
                        a.enabledState() == null ? null : Math.toIntExact(a.enabledState()),
                        a.currentHostId())));
    SnapshotTableWriter.writeVms(snapshot, vmRows);
    List<HostRow> hostRows = new ArrayList<>();
    attributes
        .clusterOfHost()
        .forEach(
            (id, cluster) -> {
              if (keptHosts.contains(id)) {
                hostRows.add(new HostRow(id, cluster));
              }
            });
    SnapshotTableWriter.writeHosts(snapshot, hostRows);
    String out = dir.resolve(name + "-result").toString();
    RunnerKind.LOCAL.run(new RunOptions(snapshot.toString(), out, false));
    return ResultDirectory.open(LocalStorage.INSTANCE, out);
  }

  /** The whole fleet, run. */
  ResultDirectory runAll() {
    return run("all", hosts.keySet());
  }

  /** VMs stranded in a result, as the engine wrote them to vm_summary. */
  static long stranded(ResultDirectory r) {
    return r.vms().stream().filter(ResultRows.Vm::stranded).count();
  }

  /** VMs (with vectors) that fit every host of {@code hostIds}, by the nested loop. */
  long mobileByNestedLoop(Collection<String> hostIds) {
    long n = 0;
    for (List<RefVector> vm : vms.values()) {
      boolean all = true;
      for (String h : hostIds) {
        all &= NestedLoopReference.isCompatible(vm, hosts.get(h));
      }
      n += all ? 1 : 0;
    }
    return n;
  }

  /** The reference vectors of these hosts. */
  List<List<RefVector>> hostVectors(Collection<String> hostIds) {
    List<List<RefVector>> out = new ArrayList<>();
    for (String h : hostIds) {
      out.add(hosts.get(h));
    }
    return out;
  }

  /** Every host but {@code removed}. */
  List<String> without(Collection<String> removed) {
    Set<String> gone = Set.copyOf(removed);
    return hosts.keySet().stream().filter(h -> !gone.contains(h)).toList();
  }

  /** The VM attributes, by id. */
  Map<String, VmAttributes> vmAttributes() {
    return attributes.vms();
  }

  private static Map<String, List<RefVector>> withVectors(Map<String, List<RefVector>> side) {
    Map<String, List<RefVector>> out = new LinkedHashMap<>();
    side.forEach(
        (id, vectors) -> {
          if (!vectors.isEmpty()) {
            out.put(id, vectors);
          }
        });
    return out;
  }
}
