package org.fleetcompat.sample;

import static org.fleetcompat.sample.SampleSnapshotGenerator.ADDRESS_WIDTH_ID;
import static org.fleetcompat.sample.SampleSnapshotGenerator.CONFIG_VERSION_ID;
import static org.fleetcompat.sample.SampleSnapshotGenerator.OFF;
import static org.fleetcompat.sample.SampleSnapshotGenerator.RUNNING;
import static org.fleetcompat.sample.SampleSnapshotGenerator.VENDOR_ID;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.PairCheck;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.VectorRow;
import org.fleetcompat.io.VmRow;

/**
 * Derives the second night of the sample fleet from the first, deterministically (the seed and the
 * first night decide every byte), with the changes of a real day in a datacenter:
 *
 * <ul>
 *   <li>a microcode update that removes TSX (the {@code hle} and {@code rtm} bits, 0x810 of CPUID
 *       leaf 7 EBX, vector 0x10000701) on the first {@value #PATCHED_PERCENT}% of the hosts of the
 *       Skylake-family cluster whose CPUs still report it, as Intel's TSX deprecation did;
 *   <li>{@value #RETIRED_HOSTS} hosts of the oldest cluster retired (their VMs moved first) and
 *       {@value #ADDED_HOSTS} hosts added to the newest one;
 *   <li>one host quarantined (a conflicting duplicate row, a broken inventory export);
 *   <li>{@value #DELETED_VMS} VMs deleted, {@value #CREATED_VMS} created, {@value #MOVED_VMS} moved
 *       to another compatible host, {@value #UPGRADED_VMS} reconfigured to the richest CPU model
 *       their cluster supports tonight, {@value #SHUT_DOWN_VMS} shut down;
 *   <li>the first night's bad rows again, on the same systems.
 * </ul>
 *
 * Stateless; the changes are listed in the returned night's fault lines.
 */
final class SampleNightTwo {
  /** The seed of the committed {@code data-samples/cpu-fleet-night2}. */
  static final long DEFAULT_SEED = 20261122L;

  /** CPUID.(EAX=7,ECX=0):EBX, where HLE (bit 4) and RTM (bit 11) are. */
  static final int LEAF7_EBX_ID = 0x10000701;

  /** HLE and RTM: what the TSX microcode update clears. */
  static final long TSX_BITS = 0x10L | 0x800L;

  static final int PATCHED_PERCENT = 60;
  static final int RETIRED_HOSTS = 4;
  static final int ADDED_HOSTS = 6;
  static final int DELETED_VMS = 20;
  static final int CREATED_VMS = 40;
  static final int MOVED_VMS = 60;
  static final int UPGRADED_VMS = 15;
  static final int SHUT_DOWN_VMS = 10;

  private static final Set<String> SKYLAKE_FAMILY = Set.of("skylake", "cascadelake", "cooperlake");

  private SampleNightTwo() {}

  /** Plans night 1 of {@code seed1} and derives night 2 from it with {@code seed2}. */
  static SampleNight plan(Path cpusDir, long seed1, long seed2) {
    return derive(SampleSnapshotGenerator.plan(cpusDir, seed1), seed2);
  }

  /** Night 2 of {@code night1}. */
  static SampleNight derive(SampleNight night1, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> changes = new ArrayList<>();

    // Hosts: which are patched, retired, added.
    SampleCluster patchedCluster = microcodeCluster(night1);
    List<SampleHost> tsxHosts =
        patchedCluster.hostIndexes().stream()
            .map(night1.hosts()::get)
            .filter(h -> (value(h.set(), LEAF7_EBX_ID) & TSX_BITS) != 0)
            .toList();
    int patchCount = (tsxHosts.size() * PATCHED_PERCENT + 99) / 100;
    Set<String> patched = new HashSet<>();
    tsxHosts.subList(0, patchCount).forEach(h -> patched.add(h.id()));
    changes.add(
        String.format(
            Locale.ROOT,
            "microcode: %d of %d hosts of %s (%s..%s) lost hle and rtm (0x810 of vector 0x10000701)",
            patchCount,
            patchedCluster.hostIndexes().size(),
            patchedCluster.name(),
            tsxHosts.get(0).id(),
            tsxHosts.get(patchCount - 1).id()));
    SampleCluster oldest =
        night1.clusters().stream()
            .min(
                Comparator.comparingInt((SampleCluster c) -> CpuFacts.generation(c.cpus().get(0)))
                    .thenComparing(SampleCluster::name))
            .orElseThrow();
    List<Integer> oldIdx = oldest.hostIndexes();
    Set<String> retired = new HashSet<>();
    for (int i = oldIdx.size() - RETIRED_HOSTS; i < oldIdx.size(); i++) {
      retired.add(night1.hosts().get(oldIdx.get(i)).id());
    }
    changes.add(
        "retired: "
            + RETIRED_HOSTS
            + " hosts of "
            + oldest.name()
            + " ("
            + String.join(", ", new java.util.TreeSet<>(retired))
            + ")");
    SampleCluster newest =
        night1.clusters().stream()
            .filter(c -> c != patchedCluster && c != oldest)
            .max(
                Comparator.comparingInt((SampleCluster c) -> CpuFacts.generation(c.cpus().get(0)))
                    .thenComparingInt(c -> c.cpus().get(0).family())
                    .thenComparingInt(c -> c.cpus().get(0).model()))
            .orElseThrow();

    // The hosts of night 2, with new clusters (same names and CPUs, new positions).
    Map<SampleCluster, SampleCluster> clusterOf = new LinkedHashMap<>();
    for (SampleCluster c : night1.clusters()) {
      clusterOf.put(c, new SampleCluster(c.name(), c.cpus(), new ArrayList<>()));
    }
    List<SampleHost> hosts = new ArrayList<>();
    for (SampleHost h : night1.hosts()) {
      if (retired.contains(h.id())) {
        continue;
      }
      SampleCluster c = clusterOf.get(h.cluster());
      List<SampleVector> vectors = h.vectors();
      if (patched.contains(h.id())) {
        vectors = new ArrayList<>();
        for (SampleVector v : h.vectors()) {
          vectors.add(
              v.id() == LEAF7_EBX_ID ? new SampleVector(v.id(), v.op(), v.value() & ~TSX_BITS) : v);
        }
      }
      c.hostIndexes().add(hosts.size());
      hosts.add(new SampleHost(h.id(), c, vectors, SampleVector.toSet(vectors)));
    }
    SampleCluster grown = clusterOf.get(newest);
    List<String> added = new ArrayList<>();
    for (int i = 0; i < ADDED_HOSTS; i++) {
      String id = String.format(Locale.ROOT, "h-%04d", night1.hosts().size() + 1 + i);
      HostCpu cpu = grown.cpus().get(rnd.nextInt(grown.cpus().size()));
      List<SampleVector> v =
          SampleVector.inIdOrder(SampleVector.toSet(SampleHostPlanner.hostVectors(cpu, 64)));
      grown.hostIndexes().add(hosts.size());
      hosts.add(new SampleHost(id, grown, v, SampleVector.toSet(v)));
      added.add(id);
    }
    changes.add(
        "added: "
            + ADDED_HOSTS
            + " hosts to "
            + grown.name()
            + " ("
            + String.join(", ", added)
            + ")");
    List<SampleCluster> clusters = new ArrayList<>(clusterOf.values());
    Map<String, SampleHost> hostById = new HashMap<>();
    hosts.forEach(h -> hostById.put(h.id(), h));

    // VMs.
    Set<String> protectedVms = new HashSet<>(night1.victims());
    Map<String, PlannedVm> vms = new LinkedHashMap<>();
    night1.vms().forEach(v -> vms.put(v.id(), v));
    List<String> deleted = pick(rnd, vms, DELETED_VMS, v -> !protectedVms.contains(v.id()));
    deleted.forEach(vms::remove);
    changes.add("deleted: " + DELETED_VMS + " VMs");
    int evacuated = 0;
    for (PlannedVm v : List.copyOf(vms.values())) {
      if (retired.contains(v.currentHost())) {
        vms.put(v.id(), moveTo(v, target(v, hosts, hostById, rnd, true)));
        evacuated++;
      }
    }
    changes.add("evacuated: " + evacuated + " VMs moved off the retired hosts");
    // A rolling microcode update drains each host before it reboots: a VM that needs TSX cannot
    // come back, so it went to a host that still has it (if any does).
    int drained = 0;
    for (PlannedVm v : List.copyOf(vms.values())) {
      SampleHost now = hostById.get(v.currentHost());
      if (patched.contains(v.currentHost()) && !fits(v, now)) {
        String to = target(v, hosts, hostById, rnd, false);
        if (fits(v, hostById.get(to))) {
          vms.put(v.id(), moveTo(v, to));
          drained++;
        }
      }
    }
    changes.add("drained: " + drained + " VMs that need TSX moved off the patched hosts");
    Set<String> touched = new HashSet<>(protectedVms);
    List<String> moved =
        pick(
            rnd,
            vms,
            MOVED_VMS,
            v ->
                !touched.contains(v.id())
                    && v.state() == RUNNING
                    && fits(v, hostById.get(v.currentHost())));
    for (String id : moved) {
      PlannedVm v = vms.get(id);
      vms.put(id, moveTo(v, target(v, hosts, hostById, rnd, false)));
    }
    touched.addAll(moved);
    changes.add("moved: " + MOVED_VMS + " VMs live-migrated to another compatible host");
    int upgraded = 0;
    for (String id :
        pick(rnd, vms, UPGRADED_VMS * 4, v -> !touched.contains(v.id()) && v.state() == RUNNING)) {
      if (upgraded == UPGRADED_VMS) {
        break;
      }
      PlannedVm v = vms.get(id);
      SampleHost host = hostById.get(v.currentHost());
      CpuModel richest = richestModel(night1.models(), host == null ? null : host.cluster(), hosts);
      if (richest == null) {
        continue;
      }
      PlannedVm u = withModel(v, richest);
      if (!u.vectors().equals(v.vectors()) && host != null && fits(u, host)) {
        vms.put(id, u);
        touched.add(id);
        upgraded++;
      }
    }
    changes.add(
        "reconfigured: "
            + upgraded
            + " running VMs to the richest CPU model every host of their cluster supports tonight");
    List<String> stopped =
        pick(rnd, vms, SHUT_DOWN_VMS, v -> !touched.contains(v.id()) && v.state() == RUNNING);
    for (String id : stopped) {
      PlannedVm v = vms.get(id);
      List<SampleVector> off = new ArrayList<>();
      for (SampleVector x : v.vectors()) {
        if (x.id() == CONFIG_VERSION_ID || x.id() == VENDOR_ID) {
          off.add(x);
        }
      }
      vms.put(
          id,
          new PlannedVm(id, OFF, SampleVector.inIdOrder(SampleVector.toSet(off)), v.currentHost()));
    }
    touched.addAll(stopped);
    changes.add("shut down: " + SHUT_DOWN_VMS + " running VMs (an off VM reports fewer vectors)");
    SampleVmPlanner creator = new SampleVmPlanner(hosts, clusters, night1.models(), rnd);
    int firstNew = night1.vms().size() + 2; // after the VM without vectors
    for (int i = 0; i < CREATED_VMS; i++) {
      creator.add(String.format(Locale.ROOT, "vm-%05d", firstNew + i));
    }
    for (int i = 0; i < creator.ids().size(); i++) {
      vms.put(
          creator.ids().get(i),
          new PlannedVm(
              creator.ids().get(i), creator.state(i), creator.vectors(i), creator.currentHost(i)));
    }
    changes.add(
        "created: "
            + CREATED_VMS
            + " VMs (vm-"
            + String.format(Locale.ROOT, "%05d", firstNew)
            + " on)");

    // Rows: the good rows, then night 1's faults on the same systems, then the new quarantine.
    List<VectorRow> hostRows = new ArrayList<>();
    for (SampleHost h : hosts) {
      h.vectors()
          .forEach(v -> hostRows.add(SampleVector.row(h.id(), v.id(), v.op().code(), v.value())));
    }
    List<String> faults = new ArrayList<>(changes);
    List<PlannedVm> planned = new ArrayList<>(vms.values());
    planned.sort(Comparator.comparing(PlannedVm::id));
    List<VectorRow> vmRows = vmRows(planned, night1.victims(), faults);
    VectorRow source = night1.nullHostRowSource();
    if (!hostById.containsKey(source.systemId())) {
      source = hostRows.get(0);
    }
    hostRows.add(new VectorRow(null, source.vectorId(), source.compareOperation(), source.value()));
    faults.add(
        "host_vectors: a row with a null host_id (a copy of a row of " + source.systemId() + ")");
    SampleCluster quarantineCluster =
        clusters.stream()
            .filter(
                c -> c != clusterOf.get(patchedCluster) && c != clusterOf.get(oldest) && c != grown)
            .min(Comparator.comparing(SampleCluster::name))
            .orElseThrow();
    SampleHost broken =
        hosts.get(
            quarantineCluster
                .hostIndexes()
                .get(rnd.nextInt(quarantineCluster.hostIndexes().size())));
    long width = value(broken.set(), ADDRESS_WIDTH_ID);
    hostRows.add(
        SampleVector.row(
            broken.id(),
            ADDRESS_WIDTH_ID,
            CompareOperation.LESS_THAN_OR_EQUAL.code(),
            width == 39 ? 46 : 39));
    faults.add(
        "host_vectors: "
            + broken.id()
            + " of "
            + quarantineCluster.name()
            + " has vector 0x12 twice (conflicting duplicate: the host is quarantined)");
    List<VmRow> vmTable = new ArrayList<>();
    planned.forEach(v -> vmTable.add(SampleCapacity.vm(v.id(), v.state(), v.currentHost())));
    String orphan = String.format(Locale.ROOT, "vm-%05d", night1.vms().size() + 1);
    String orphanHost =
        hostById.containsKey(night1.orphanHost()) ? night1.orphanHost() : hosts.get(0).id();
    vmTable.add(SampleCapacity.vm(orphan, OFF, orphanHost));
    vmTable.sort(Comparator.comparing(VmRow::vmId));
    faults.add("vms: " + orphan + " has a vms row but no vector rows");

    int misplaced = 0;
    int nowhere = 0;
    for (PlannedVm v : planned) {
      SampleHost h = hostById.get(v.currentHost());
      misplaced += h == null || !fits(v, h) ? 1 : 0;
      nowhere += hosts.stream().noneMatch(x -> fits(v, x)) ? 1 : 0;
    }
    return new SampleNight(
        clusters,
        hosts,
        night1.models(),
        planned,
        night1.victims(),
        orphanHost,
        misplaced,
        nowhere,
        source,
        hostRows,
        vmRows,
        vmTable,
        faults,
        night1.badRows() + 1);
  }

  /** The Skylake-family cluster with the most hosts that still report TSX. */
  private static SampleCluster microcodeCluster(SampleNight n) {
    SampleCluster best = null;
    long bestCount = 0;
    for (SampleCluster c : n.clusters()) {
      if (!SKYLAKE_FAMILY.contains(CpuFacts.codename(c.cpus().get(0)))) {
        continue;
      }
      long count =
          c.hostIndexes().stream()
              .filter(i -> (value(n.hosts().get(i).set(), LEAF7_EBX_ID) & TSX_BITS) != 0)
              .count();
      if (count > bestCount) {
        best = c;
        bestCount = count;
      }
    }
    if (best == null) {
      throw new IllegalStateException("No Skylake-family cluster with TSX in this fleet");
    }
    return best;
  }

  private static long value(VectorSet s, int id) {
    int i = s.indexOf(id);
    return i < 0 ? 0 : s.value(i);
  }

  private static boolean fits(PlannedVm v, SampleHost h) {
    return h != null && PairCheck.isCompatible(SampleVector.toSet(v.vectors()), h.set());
  }

  private static PlannedVm moveTo(PlannedVm v, String host) {
    return new PlannedVm(v.id(), v.state(), v.vectors(), host);
  }

  /**
   * A host for {@code v} other than its current one: a compatible host of its cluster, else of the
   * fleet; for an evacuation with no compatible host, any other host of its cluster.
   */
  private static String target(
      PlannedVm v,
      List<SampleHost> hosts,
      Map<String, SampleHost> byId,
      SplittableRandom rnd,
      boolean evacuate) {
    SampleHost now = byId.get(v.currentHost());
    String cluster = now != null ? now.cluster().name() : null;
    List<SampleHost> same = new ArrayList<>();
    List<SampleHost> any = new ArrayList<>();
    List<SampleHost> sameAny = new ArrayList<>();
    VectorSet set = SampleVector.toSet(v.vectors());
    for (SampleHost h : hosts) {
      if (h.id().equals(v.currentHost())) {
        continue;
      }
      boolean ok = PairCheck.isCompatible(set, h.set());
      boolean inCluster = cluster == null || h.cluster().name().equals(cluster);
      if (ok && inCluster) {
        same.add(h);
      }
      if (ok) {
        any.add(h);
      }
      if (inCluster) {
        sameAny.add(h);
      }
    }
    List<SampleHost> from =
        !same.isEmpty()
            ? same
            : !any.isEmpty() ? any : evacuate && !sameAny.isEmpty() ? sameAny : hosts;
    return from.get(rnd.nextInt(from.size())).id();
  }

  private static CpuModel richestModel(
      List<CpuModel> models, SampleCluster cluster, List<SampleHost> hosts) {
    if (cluster == null) {
      return null;
    }
    CpuModel best = null;
    for (CpuModel m : models) {
      if (m.featureCount() < 25) {
        continue;
      }
      boolean all = true;
      for (int i : cluster.hostIndexes()) {
        all &= PairCheck.isCompatible(m.set(), hosts.get(i).set());
      }
      if (all && (best == null || m.featureCount() > best.featureCount())) {
        best = m;
      }
    }
    return best;
  }

  /** {@code v} with its model's vectors (registers and vendor) replaced by {@code model}'s. */
  private static PlannedVm withModel(PlannedVm v, CpuModel model) {
    VectorSet.Builder b = VectorSet.builder();
    Set<Integer> modelIds = new HashSet<>();
    model.vectors().forEach(x -> modelIds.add(x.id()));
    for (SampleVector x : v.vectors()) {
      boolean fromModel = x.id() == VENDOR_ID || Integer.compareUnsigned(x.id(), 0x10000000) >= 0;
      if (!fromModel) {
        b.add(x.id(), x.op(), x.value());
      }
    }
    model.vectors().forEach(x -> b.add(x.id(), x.op(), x.value()));
    return new PlannedVm(v.id(), v.state(), SampleVector.inIdOrder(b.build()), v.currentHost());
  }

  /**
   * {@code count} distinct VMs that satisfy {@code ok}, drawn in a fixed order from {@code rnd}.
   */
  private static List<String> pick(
      SplittableRandom rnd,
      Map<String, PlannedVm> vms,
      int count,
      java.util.function.Predicate<PlannedVm> ok) {
    List<String> candidates = new ArrayList<>();
    vms.values()
        .forEach(
            v -> {
              if (ok.test(v)) {
                candidates.add(v.id());
              }
            });
    List<String> out = new ArrayList<>();
    while (out.size() < count && !candidates.isEmpty()) {
      out.add(candidates.remove(rnd.nextInt(candidates.size())));
    }
    return out;
  }

  /** The vm_vectors rows, with night 1's three faulty VMs made faulty again by id. */
  private static List<VectorRow> vmRows(
      List<PlannedVm> vms, List<String> victims, List<String> faults) {
    String conflict = victims.get(0);
    String unknownOp = victims.get(1);
    String duplicated = victims.get(2);
    List<VectorRow> rows = new ArrayList<>();
    List<VectorRow> tail = new ArrayList<>();
    for (PlannedVm v : vms) {
      for (SampleVector x : v.vectors()) {
        int op = v.id().equals(unknownOp) && x.id() == CONFIG_VERSION_ID ? 12 : x.op().code();
        rows.add(SampleVector.row(v.id(), x.id(), op, x.value()));
      }
      if (v.id().equals(conflict)) {
        SampleVector w =
            v.vectors().stream().filter(x -> x.id() == ADDRESS_WIDTH_ID).findFirst().orElseThrow();
        tail.add(
            0,
            SampleVector.row(v.id(), ADDRESS_WIDTH_ID, w.op().code(), w.value() == 39 ? 46 : 39));
      }
      if (v.id().equals(duplicated)) {
        v.vectors()
            .subList(0, 2)
            .forEach(x -> tail.add(SampleVector.row(v.id(), x.id(), x.op().code(), x.value())));
      }
    }
    rows.addAll(tail);
    faults.add(
        "vm_vectors: "
            + unknownOp
            + " has compare_operation 12 on vector 0x10 (unknown operation)");
    faults.add("vm_vectors: " + conflict + " has vector 0x12 twice (conflicting duplicate)");
    faults.add(
        "vm_vectors: " + duplicated + " has two rows written twice (exact duplicates, collapsed)");
    return rows;
  }
}
