package org.fleetcompat.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fleetcompat.core.Utf8Order;

/**
 * Plans where the VMs of hosts that go down can run: each host drained on its own while every other
 * host stays up ({@link #drain}), a pool's largest hosts failing together ({@link #headroom}). A VM
 * may go to any compatible host that stays up and has room beside that host's current VMs and the
 * VMs placed on it before.
 *
 * <p>Each placement is solved with first fit decreasing; when first fit leaves a VM unplaced that
 * has a compatible host, and the instance is cluster-sized (at most {@link #EXACT_MAX_VMS} VMs and
 * {@link #EXACT_MAX_HOSTS} candidate hosts), with the exact solver, which is never worse. Cost per
 * placement O(VMs x compatible hosts) for first fit. Deterministic; not thread safe (it caches per
 * VM class its compatible hosts).
 */
public final class DrainPlanner {
  /** The most VMs of an instance the exact solver is tried on. */
  public static final int EXACT_MAX_VMS = 64;

  /** The most candidate hosts of an instance the exact solver is tried on. */
  public static final int EXACT_MAX_HOSTS = 512;

  private final PlanFleet fleet;
  private final PlacementSolver exact;
  private final Map<Integer, int[]> compatibleHosts = new HashMap<>();
  // The compatible hosts among the last targets given (maintenance asks O(hosts^2) placements
  // within one cluster; filtering the whole fleet's list for each would cost O(fleet) a VM).
  private boolean[] lastTargets;
  private final Map<Integer, int[]> compatibleTargets = new HashMap<>();
  // Every host's free capacity now, shared by the drains (place leaves it as it was).
  private long[][] freeShared;
  // One down flag per host, set and cleared around each single-host placement.
  private boolean[] oneDown;

  /** A planner over {@code fleet} with the exact solver {@link CpSatSolver}. */
  public DrainPlanner(PlanFleet fleet) {
    this(fleet, CpSatSolver.INSTANCE);
  }

  /** A planner over {@code fleet} with {@code exact} for small instances. */
  public DrainPlanner(PlanFleet fleet, PlacementSolver exact) {
    this.fleet = fleet;
    this.exact = exact;
  }

  /**
   * The outcome of placing a set of VMs.
   *
   * @param vms the VMs, in the order given
   * @param targets per VM its target host, or -1
   * @param reasons per VM why it has none, or null
   * @param solver the solver whose placement it is
   */
  public record Outcome(
      List<PlanFleet.Vm> vms, int[] targets, DrainReason[] reasons, Placement.SolverName solver) {

    /** Whether every VM has a target. */
    public boolean placesAll() {
      for (int t : targets) {
        if (t < 0) {
          return false;
        }
      }
      return true;
    }
  }

  /** The plan of draining host {@code h} alone: one move per VM on it, by VM id. */
  public List<DrainMove> drain(int h) {
    if (freeShared == null) {
      freeShared = freeNow();
    }
    Outcome o = placeWithout(h, fleet.residents(h), null, freeShared);
    List<DrainMove> moves = new ArrayList<>();
    for (int i = 0; i < o.vms().size(); i++) {
      int t = o.targets()[i];
      moves.add(
          new DrainMove(
              o.vms().get(i).id(),
              fleet.hostId(h),
              t < 0 ? null : fleet.hostId(t),
              o.reasons()[i],
              o.solver()));
    }
    for (String vm : fleet.unevaluated(h)) {
      moves.add(new DrainMove(vm, fleet.hostId(h), null, DrainReason.NOT_EVALUATED, o.solver()));
    }
    moves.sort(Comparator.comparing(DrainMove::vmId, Utf8Order.COMPARATOR));
    return moves;
  }

  /** The drain plans of every host, by host id then VM id (hosts without VMs have no rows). */
  public List<DrainMove> drainAll() {
    List<DrainMove> all = new ArrayList<>();
    for (int h = 0; h < fleet.hostCount(); h++) {
      if (!fleet.residents(h).isEmpty() || !fleet.unevaluated(h).isEmpty()) {
        all.addAll(drain(h));
      }
    }
    return all;
  }

  /**
   * How many of {@code poolHosts}' largest hosts can fail at once with every VM placed (see {@link
   * PoolHeadroom}). Tries k = 1, 2, ...: each new failure first moves only the failed host's VMs
   * (its own and those moved onto it before) beside the earlier moves; when that leaves a VM
   * behind, every VM of the k failed hosts is placed afresh (first fit, then exact); the first k
   * where that too fails ends it. Cost about O(VMs of the pool x compatible hosts).
   */
  public PoolHeadroom headroom(int poolId, int[] poolHosts) {
    Integer[] largest = new Integer[poolHosts.length];
    for (int i = 0; i < poolHosts.length; i++) {
      largest[i] = poolHosts[i];
    }
    Arrays.sort(
        largest,
        Comparator.<Integer>comparingLong(h -> -fleet.capacityOf(h)[1])
            .thenComparingLong(h -> -fleet.capacityOf(h)[0])
            .thenComparingInt(h -> -fleet.residents(h).size())
            .thenComparing(fleet::hostId, Utf8Order.COMPARATOR));
    boolean[] down = new boolean[fleet.hostCount()];
    List<PlanFleet.Vm> failedVms = new ArrayList<>();
    long[][] free = freeNow();
    List<List<PlanFleet.Vm>> movedOnto = new ArrayList<>();
    for (int h = 0; h < fleet.hostCount(); h++) {
      movedOnto.add(new ArrayList<>());
    }
    for (int k = 0; k < largest.length; k++) {
      int h = largest[k];
      down[h] = true;
      failedVms.addAll(fleet.residents(h));
      // Incremental first: only the failed host's VMs and those moved onto it before move now.
      List<PlanFleet.Vm> now = new ArrayList<>(fleet.residents(h));
      now.addAll(movedOnto.get(h));
      movedOnto.get(h).clear();
      Outcome o = place(now, down, null, free);
      if (!o.placesAll()) {
        // Then every VM of the failed hosts at once, from the current loads: the full solve.
        free = freeNow();
        for (List<PlanFleet.Vm> moved : movedOnto) {
          moved.clear();
        }
        o = place(failedVms, down, null, free);
      }
      if (!o.placesAll()) {
        String first = null;
        DrainReason reason = null;
        for (int i = 0; i < o.vms().size(); i++) {
          String id = o.vms().get(i).id();
          if (o.targets()[i] < 0 && (first == null || Utf8Order.compare(id, first) < 0)) {
            first = id;
            reason = o.reasons()[i];
          }
        }
        return new PoolHeadroom(poolId, poolHosts.length, k, fleet.hostId(h), first, reason);
      }
      for (int i = 0; i < o.vms().size(); i++) {
        PlanFleet.Vm vm = o.vms().get(i);
        int t = o.targets()[i];
        long[] d = vm.demand();
        for (int x = 0; x < d.length; x++) {
          free[t][x] -= d[x];
        }
        movedOnto.get(t).add(vm);
      }
    }
    return new PoolHeadroom(poolId, poolHosts.length, poolHosts.length, null, null, null);
  }

  /**
   * A rolling maintenance order for the hosts of {@code cluster}: one host down at a time, its VMs
   * moved onto the cluster's other hosts (those not drained yet and those already done, which are
   * back), the moves kept for the later steps. At each step the first host (by id) whose drain
   * places every VM is drained; when no remaining host can be drained, each remaining host gets a
   * row saying which VM blocks it and why. Unevaluated VMs on a host block it (NOT_EVALUATED). Cost
   * O(hosts^2) placements of one host's VMs, each by first fit, then the exact solver when first
   * fit fails.
   */
  public List<MaintenanceStep> maintenance(String cluster) {
    List<Integer> members = new ArrayList<>();
    for (int h = 0; h < fleet.hostCount(); h++) {
      if (cluster.equals(fleet.clusterOf(h))) {
        members.add(h);
      }
    }
    boolean[] inCluster = new boolean[fleet.hostCount()];
    members.forEach(h -> inCluster[h] = true);
    List<List<PlanFleet.Vm>> vmsOn = new ArrayList<>();
    for (int h = 0; h < fleet.hostCount(); h++) {
      vmsOn.add(new ArrayList<>(fleet.residents(h)));
    }
    long[][] free = freeNow();
    List<Integer> remaining = new ArrayList<>(members);
    List<MaintenanceStep> steps = new ArrayList<>();
    int step = 1;
    while (!remaining.isEmpty()) {
      Integer next = null;
      Outcome done = null;
      for (int h : remaining) {
        if (!fleet.unevaluated(h).isEmpty()) {
          continue;
        }
        Outcome o = placeWithout(h, vmsOn.get(h), inCluster, free);
        if (o.placesAll()) {
          next = h;
          done = o;
          break;
        }
      }
      if (next == null) {
        for (int h : remaining) {
          steps.add(stuck(cluster, step, h, vmsOn.get(h), inCluster, free));
        }
        return steps;
      }
      steps.add(
          new MaintenanceStep(
              cluster, step++, fleet.hostId(next), true, vmsOn.get(next).size(), null, null));
      for (int i = 0; i < done.vms().size(); i++) {
        PlanFleet.Vm vm = done.vms().get(i);
        int target = done.targets()[i];
        long[] d = vm.demand();
        for (int k = 0; k < d.length; k++) {
          free[next][k] += d[k];
          free[target][k] -= d[k];
        }
        vmsOn.get(target).add(vm);
      }
      vmsOn.get(next).clear();
      remaining.remove(next);
    }
    return steps;
  }

  private MaintenanceStep stuck(
      String cluster, int step, int h, List<PlanFleet.Vm> vms, boolean[] inCluster, long[][] free) {
    if (!fleet.unevaluated(h).isEmpty()) {
      return new MaintenanceStep(
          cluster,
          step,
          fleet.hostId(h),
          false,
          vms.size() + fleet.unevaluated(h).size(),
          fleet.unevaluated(h).get(0),
          DrainReason.NOT_EVALUATED);
    }
    Outcome o = placeWithout(h, vms, inCluster, free);
    String first = null;
    DrainReason reason = null;
    for (int i = 0; i < o.vms().size(); i++) {
      String id = o.vms().get(i).id();
      if (o.targets()[i] < 0 && (first == null || Utf8Order.compare(id, first) < 0)) {
        first = id;
        reason = o.reasons()[i];
      }
    }
    return new MaintenanceStep(cluster, step, fleet.hostId(h), false, vms.size(), first, reason);
  }

  /** Every host's free capacity now: a copy to change. */
  long[][] freeNow() {
    long[][] free = new long[fleet.hostCount()][];
    for (int h = 0; h < free.length; h++) {
      free[h] = fleet.freeOf(h);
    }
    return free;
  }

  /** {@link #place} with only host {@code h} down. */
  private Outcome placeWithout(int h, List<PlanFleet.Vm> vms, boolean[] targets, long[][] free) {
    if (oneDown == null) {
      oneDown = new boolean[fleet.hostCount()];
    }
    oneDown[h] = true;
    try {
      return place(vms, oneDown, targets, free);
    } finally {
      oneDown[h] = false;
    }
  }

  /**
   * Places {@code vms} on hosts not {@code down} (and, when {@code targets} is not null, among
   * {@code targets}), within {@code free}, which is left as it was.
   */
  public Outcome place(List<PlanFleet.Vm> vms, boolean[] down, boolean[] targets, long[][] free) {
    Outcome quick = firstFitDirect(vms, down, targets, free);
    return quick != null ? quick : placeOnBins(vms, down, targets, free);
  }

  /**
   * First fit decreasing straight on the hosts, without building the instance: the same placement
   * as {@link FirstFitDecreasing} on the instance {@link #placeOnBins} builds (a host is a
   * candidate of a VM when it is compatible, up, a target and fits the VM in its free capacity;
   * candidates in ascending host order; room only shrinks, so a host that is no candidate never
   * takes the VM), found by scanning each VM's hosts only up to the first with room. The answer
   * when it places every VM that has a candidate (first fit is then optimal and the exact solver is
   * not tried), else null. O(VMs x hosts scanned) and O(hosts touched) memory, where the instance
   * costs O(VMs x compatible hosts): the difference on a fleet of thousands of hosts.
   */
  private Outcome firstFitDirect(
      List<PlanFleet.Vm> vms, boolean[] down, boolean[] targets, long[][] free) {
    int n = vms.size();
    long[][] demand = new long[n][];
    for (int i = 0; i < n; i++) {
      demand[i] = vms.get(i).demand();
    }
    boolean constrained = fleet.capacity().isConstrained();
    Map<Integer, long[]> room = new HashMap<>();
    int[] hosts = new int[n];
    DrainReason[] reasons = new DrainReason[n];
    Arrays.fill(hosts, -1);
    for (int i : decreasing(demand)) {
      boolean compatible = false;
      boolean candidate = false;
      for (int h : candidateHosts(vms.get(i).vmClass(), targets)) {
        if (down[h]) {
          continue;
        }
        compatible = true;
        if (constrained && !PlacementInstance.fits(demand[i], free[h])) {
          continue;
        }
        candidate = true;
        long[] r = room.computeIfAbsent(h, x -> free[x].clone());
        if (PlacementInstance.fits(demand[i], r)) {
          hosts[i] = h;
          for (int d = 0; d < r.length; d++) {
            r[d] -= demand[i][d];
          }
          break;
        }
        if (!constrained) {
          break; // without capacity only the first compatible host is a candidate
        }
      }
      if (hosts[i] < 0) {
        if (candidate) {
          return null; // first fit is not optimal here: the instance and the exact solver decide
        }
        reasons[i] = compatible ? DrainReason.NO_CAPACITY : DrainReason.NO_COMPATIBLE_HOST;
      }
    }
    return new Outcome(List.copyOf(vms), hosts, reasons, Placement.SolverName.FIRST_FIT);
  }

  /**
   * The order of {@link FirstFitDecreasing}: decreasing demand, last dimension first, then index.
   */
  private static Integer[] decreasing(long[][] demand) {
    Integer[] order = new Integer[demand.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          for (int d = demand[a].length - 1; d >= 0; d--) {
            int c = Long.compare(demand[b][d], demand[a][d]);
            if (c != 0) {
              return c;
            }
          }
          return Integer.compare(a, b);
        });
    return order;
  }

  /** {@link #place} through a {@link PlacementInstance}: first fit, then the exact solver. */
  private Outcome placeOnBins(
      List<PlanFleet.Vm> vms, boolean[] down, boolean[] targets, long[][] free) {
    Map<Integer, Integer> binOfHost = new HashMap<>();
    List<Integer> hostOfBin = new ArrayList<>();
    int[][] candidates = new int[vms.size()][];
    long[][] demand = new long[vms.size()][];
    boolean[] compatible = new boolean[vms.size()];
    boolean constrained = fleet.capacity().isConstrained();
    for (int i = 0; i < vms.size(); i++) {
      PlanFleet.Vm vm = vms.get(i);
      demand[i] = vm.demand();
      List<Integer> bins = new ArrayList<>();
      for (int h : candidateHosts(vm.vmClass(), targets)) {
        if (down[h]) {
          continue;
        }
        compatible[i] = true;
        if (constrained && !PlacementInstance.fits(demand[i], free[h])) {
          continue;
        }
        Integer bin = binOfHost.get(h);
        if (bin == null) {
          bin = hostOfBin.size();
          binOfHost.put(h, bin);
          hostOfBin.add(h);
        }
        bins.add(bin);
        if (!constrained) {
          break; // without capacity the first compatible host takes it, whatever else is placed
        }
      }
      candidates[i] = bins.stream().mapToInt(Integer::intValue).toArray();
    }
    long[][] binFree = new long[hostOfBin.size()][];
    for (int b = 0; b < binFree.length; b++) {
      binFree[b] = free[hostOfBin.get(b)].clone();
    }
    PlacementInstance instance = new PlacementInstance(demand, binFree, candidates);
    Placement placement = FirstFitDecreasing.INSTANCE.place(instance);
    if (!placement.optimal()
        && vms.size() <= EXACT_MAX_VMS
        && hostOfBin.size() <= EXACT_MAX_HOSTS) {
      placement = exact.place(instance);
    }
    int[] hosts = new int[vms.size()];
    DrainReason[] reasons = new DrainReason[vms.size()];
    for (int i = 0; i < vms.size(); i++) {
      int b = placement.binOfItem()[i];
      hosts[i] = b < 0 ? -1 : hostOfBin.get(b);
      if (b < 0) {
        reasons[i] = compatible[i] ? DrainReason.NO_CAPACITY : DrainReason.NO_COMPATIBLE_HOST;
      }
    }
    return new Outcome(List.copyOf(vms), hosts, reasons, placement.solver());
  }

  /** The hosts VMs of {@code vmClass} fit among {@code targets} (all when null), ascending. */
  private int[] candidateHosts(int vmClass, boolean[] targets) {
    if (targets == null) {
      return compatibleHosts(vmClass);
    }
    if (targets != lastTargets) {
      lastTargets = targets;
      compatibleTargets.clear();
    }
    return compatibleTargets.computeIfAbsent(
        vmClass, c -> Arrays.stream(compatibleHosts(c)).filter(h -> targets[h]).toArray());
  }

  /** The hosts VMs of {@code vmClass} fit, ascending. */
  private int[] compatibleHosts(int vmClass) {
    return compatibleHosts.computeIfAbsent(
        vmClass,
        c -> {
          int[] out = new int[fleet.hostCount()];
          int n = 0;
          for (int h = 0; h < fleet.hostCount(); h++) {
            if (fleet.fits(c, h)) {
              out[n++] = h;
            }
          }
          return Arrays.copyOf(out, n);
        });
  }
}
