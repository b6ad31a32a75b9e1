package org.fleetcompat.sample;

import static org.fleetcompat.sample.SampleSnapshotGenerator.ADDRESS_WIDTH_ID;
import static org.fleetcompat.sample.SampleSnapshotGenerator.CACHE_FLUSH_SIZE_ID;
import static org.fleetcompat.sample.SampleSnapshotGenerator.CACHE_FLUSH_SIZE_MULTIPLE_ID;
import static org.fleetcompat.sample.SampleSnapshotGenerator.CONFIG_VERSION_ID;
import static org.fleetcompat.sample.SampleSnapshotGenerator.OFF;
import static org.fleetcompat.sample.SampleSnapshotGenerator.RUNNING;
import static org.fleetcompat.sample.SampleSnapshotGenerator.SAVED;
import static org.fleetcompat.sample.SampleSnapshotGenerator.VENDOR_ID;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.PairCheck;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.VectorRow;
import org.fleetcompat.io.VmRow;

/**
 * Plans the VMs of the sample fleet, one {@link #add} at a time: state, CPU model, vectors and
 * current host; then writes them out as table rows with the deliberate bad VM rows (see {@link
 * SampleSnapshotGenerator}). Not thread safe: every decision draws from the one shared random
 * source, in order, so the seed alone decides the fleet.
 */
final class SampleVmPlanner {
  private static final int UNKNOWN_OPERATION = 12;

  private final List<SampleHost> hosts;
  private final SplittableRandom rnd;
  private final CpuModelPicker models;
  private final List<String> ids = new ArrayList<>();
  private final List<List<SampleVector>> vectors = new ArrayList<>();
  private final List<Integer> states = new ArrayList<>();
  private final List<String> currentHosts = new ArrayList<>();
  private final List<Boolean> wellPlaced = new ArrayList<>();
  private int misplaced;
  private int unsupported;
  private final List<String> victims = new ArrayList<>();
  private String orphanHost;

  SampleVmPlanner(
      List<SampleHost> hosts,
      List<SampleCluster> clusters,
      List<CpuModel> allModels,
      SplittableRandom rnd) {
    this.hosts = hosts;
    this.rnd = rnd;
    this.models = new CpuModelPicker(hosts, clusters, allModels);
  }

  /** The VMs added, in order. */
  List<String> ids() {
    return ids;
  }

  /** The vectors of the {@code i}th VM, in id order. */
  List<SampleVector> vectors(int i) {
    return vectors.get(i);
  }

  /** The enabled_state of the {@code i}th VM. */
  int state(int i) {
    return states.get(i);
  }

  /** The current host of the {@code i}th VM. */
  String currentHost(int i) {
    return currentHosts.get(i);
  }

  /** Whether the {@code i}th VM sits on a host it is compatible with. */
  boolean wellPlaced(int i) {
    return wellPlaced.get(i);
  }

  /**
   * The VMs {@link #vectorRows} made faulty: the conflicting duplicate, the unknown operation and
   * the exact duplicates, in that order.
   */
  List<String> victims() {
    return victims;
  }

  /** The host the VM without vectors is placed on ({@link #vmRows}). */
  String orphanHost() {
    return orphanHost;
  }

  /** VMs whose current host is not compatible with them. */
  int misplacedCount() {
    return misplaced;
  }

  /** VMs configured with a model that no host supports. */
  int unsupportedModelCount() {
    return unsupported;
  }

  /** Adds VM {@code id}: 82% running, 12% off, 6% saved, on a host of a random home cluster. */
  void add(String id) {
    SampleCluster home = hosts.get(rnd.nextInt(hosts.size())).cluster();
    double s = rnd.nextDouble();
    int state = s < 0.82 ? RUNNING : s < 0.94 ? OFF : SAVED;
    CpuModel model = models.pick(home, rnd);
    boolean noHostSupportsModel = models.noHostSupports(model);
    VectorSet set = SampleVector.toSet(vmVectors(home, state, model));
    List<SampleHost> ok = new ArrayList<>();
    List<SampleHost> notOk = new ArrayList<>();
    for (int h : home.hostIndexes()) {
      (PairCheck.isCompatible(set, hosts.get(h).set()) ? ok : notOk).add(hosts.get(h));
    }
    if (ok.isEmpty()) {
      hosts.stream().filter(h -> PairCheck.isCompatible(set, h.set())).forEach(ok::add);
    }
    if (notOk.isEmpty()) {
      hosts.stream().filter(h -> !PairCheck.isCompatible(set, h.set())).forEach(notOk::add);
    }
    // A host that drifted (say, after a firmware update) leaves a running VM on a host that no
    // longer accepts it.
    boolean drifted = state == RUNNING && rnd.nextDouble() < 0.008;
    boolean placeWell = !ok.isEmpty() && (!drifted || notOk.isEmpty());
    List<SampleHost> from = placeWell ? ok : notOk;
    ids.add(id);
    vectors.add(SampleVector.inIdOrder(set));
    states.add(state);
    currentHosts.add(from.get(rnd.nextInt(from.size())).id());
    wellPlaced.add(placeWell);
    misplaced += placeWell ? 0 : 1;
    unsupported += noHostSupportsModel ? 1 : 0;
  }

  /**
   * The configuration version is the home cluster's highest host minimum, or newer, so that it
   * alone keeps the VM off no host of its home cluster; an off VM reports only that and its vendor.
   */
  private List<SampleVector> vmVectors(SampleCluster home, int state, CpuModel model) {
    List<SampleVector> v = new ArrayList<>();
    long maxMin = 0;
    long minWidth = Long.MAX_VALUE;
    boolean largeFlush = false;
    for (int h : home.hostIndexes()) {
      VectorSet set = hosts.get(h).set();
      maxMin = Math.max(maxMin, set.value(set.indexOf(CONFIG_VERSION_ID)));
      minWidth = Math.min(minWidth, set.value(set.indexOf(ADDRESS_WIDTH_ID)));
      largeFlush |= set.value(set.indexOf(CACHE_FLUSH_SIZE_ID)) == 128;
    }
    double k = rnd.nextDouble();
    long version = maxMin + (k < 0.7 ? 0 : k < 0.95 ? 0x100 : 0x200);
    v.add(new SampleVector(CONFIG_VERSION_ID, CompareOperation.GREATER_THAN_OR_EQUAL, version));
    if (state == OFF) {
      model.vectors().stream().filter(x -> x.id() == VENDOR_ID).forEach(v::add);
      return v;
    }
    v.addAll(model.vectors());
    double f = rnd.nextDouble();
    if (largeFlush && f < 0.3) {
      v.add(new SampleVector(CACHE_FLUSH_SIZE_ID, CompareOperation.EQUAL, 128));
    } else {
      double g = rnd.nextDouble();
      v.add(
          g < 0.7
              ? new SampleVector(CACHE_FLUSH_SIZE_ID, CompareOperation.EQUAL, 64)
              : new SampleVector(
                  CACHE_FLUSH_SIZE_MULTIPLE_ID, CompareOperation.MULTIPLE, g < 0.85 ? 64 : 128));
    }
    v.add(
        new SampleVector(
            ADDRESS_WIDTH_ID,
            CompareOperation.LESS_THAN_OR_EQUAL,
            rnd.nextBoolean() ? minWidth : 39));
    return v;
  }

  /**
   * A running, well-placed VM not used for another fault, so each fault is the only thing wrong
   * with its VM.
   */
  private int victim(Set<Integer> used) {
    while (true) {
      int i = rnd.nextInt(ids.size());
      if (states.get(i) == RUNNING && wellPlaced.get(i) && used.add(i)) {
        return i;
      }
    }
  }

  /**
   * The vm_vectors rows of every VM added, with one VM's operation made unknown, then the rows that
   * are bad or duplicated on purpose appended; adds a line per fault to {@code faults}.
   */
  List<VectorRow> vectorRows(List<String> faults) {
    Set<Integer> used = new HashSet<>();
    int conflict = victim(used);
    int unknownOp = victim(used);
    int duplicated = victim(used);
    victims.addAll(List.of(ids.get(conflict), ids.get(unknownOp), ids.get(duplicated)));
    List<VectorRow> rows = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      for (SampleVector v : vectors.get(i)) {
        int op = i == unknownOp && v.id() == CONFIG_VERSION_ID ? UNKNOWN_OPERATION : v.op().code();
        rows.add(SampleVector.row(ids.get(i), v.id(), op, v.value()));
      }
    }
    faults.add(
        "vm_vectors: "
            + ids.get(unknownOp)
            + " has compare_operation 12 on vector 0x10 (unknown operation)");
    SampleVector width =
        vectors.get(conflict).stream().filter(v -> v.id() == ADDRESS_WIDTH_ID).findFirst().get();
    long other = width.value() == 39 ? 46 : 39;
    rows.add(SampleVector.row(ids.get(conflict), ADDRESS_WIDTH_ID, width.op().code(), other));
    faults.add(
        "vm_vectors: "
            + ids.get(conflict)
            + " has vector 0x12 twice, values "
            + width.value()
            + " and "
            + other
            + " (conflicting duplicate)");
    for (SampleVector v : vectors.get(duplicated).subList(0, 2)) {
      rows.add(SampleVector.row(ids.get(duplicated), v.id(), v.op().code(), v.value()));
    }
    faults.add(
        "vm_vectors: "
            + ids.get(duplicated)
            + " has two rows written twice (exact duplicates, collapsed)");
    return rows;
  }

  /**
   * The vms rows of every VM added, plus one off VM after the last that has no vector rows; adds
   * its fault line to {@code faults}. Draws from the shared random source, like every other step,
   * so the order of the calls is part of what a seed gives.
   */
  List<VmRow> vmRows(List<String> faults) {
    List<VmRow> rows = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      rows.add(SampleCapacity.vm(ids.get(i), states.get(i), currentHosts.get(i)));
    }
    String orphan = String.format(Locale.ROOT, "vm-%05d", ids.size() + 1);
    orphanHost = hosts.get(rnd.nextInt(hosts.size())).id();
    rows.add(SampleCapacity.vm(orphan, OFF, orphanHost));
    faults.add("vms: " + orphan + " has a vms row but no vector rows");
    return rows;
  }
}
