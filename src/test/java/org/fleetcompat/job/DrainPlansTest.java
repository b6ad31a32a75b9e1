package org.fleetcompat.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.io.HostRow;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.VmRow;
import org.fleetcompat.io.WriteOptions;
import org.fleetcompat.reference.FeasibilityReference.VmAttributes;
import org.fleetcompat.reference.NestedLoopReference;
import org.fleetcompat.reference.NestedLoopReference.RefVector;
import org.fleetcompat.reference.RandomAttributes;
import org.fleetcompat.reference.RandomFleet;
import org.fleetcompat.reference.SnapshotRows;
import org.fleetcompat.spark.SparkTestSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code drain_plans} and {@code pool_headroom} on seeded random fleets with random capacities
 * (tight enough that some VMs find no room), on both runners: the runners' results are the same
 * byte for byte, every VM on an evaluated host has exactly one row for that host's drain, a target
 * is never the drained host, always compatible by the nested-loop reference, and never over its
 * capacity (its current VMs plus those the plan moves there); NO_COMPATIBLE_HOST exactly when the
 * reference finds no other compatible host; and a VM left without room could not have been put on
 * any compatible host beside what the plan placed. A failure names its seed.
 */
class DrainPlansTest {
  private final SparkSession spark = SparkTestSession.get();

  @TempDir Path tmp;

  static Stream<Arguments> fleets() {
    return Stream.of(
        Arguments.of(31L, RandomFleet.Shape.DENSE, 200, 25, true),
        Arguments.of(32L, RandomFleet.Shape.SPARSE, 200, 30, true),
        Arguments.of(33L, RandomFleet.Shape.ALL_DISTINCT, 150, 20, true),
        Arguments.of(34L, RandomFleet.Shape.DENSE, 150, 20, false));
  }

  @ParameterizedTest(name = "seed {0} {1} {2}x{3} capacity {4}")
  @MethodSource("fleets")
  void plansRespectCompatibilityAndCapacity(
      long seed, RandomFleet.Shape shape, int vmCount, int hostCount, boolean withCapacity) {
    RandomFleet fleet = RandomFleet.generate(seed, shape, vmCount, hostCount);
    Map<String, List<RefVector>> vms = withVectors(fleet.vms());
    Map<String, List<RefVector>> hosts = withVectors(fleet.hosts());
    Path snapshot = tmp.resolve("snapshot");
    SnapshotTableWriter.writeVectors(
        snapshot, SnapshotTable.VM_VECTORS, SnapshotRows.of(vms, true), WriteOptions.defaults());
    SnapshotTableWriter.writeVectors(
        snapshot,
        SnapshotTable.HOST_VECTORS,
        SnapshotRows.of(hosts, false),
        WriteOptions.defaults());
    RandomAttributes attributes = RandomAttributes.generate(seed, vms, hosts);
    Random rnd = new Random(seed * 31);
    Map<String, long[]> capacity = new TreeMap<>();
    Map<String, long[]> demand = new TreeMap<>();
    List<HostRow> hostRows = new ArrayList<>();
    attributes
        .clusterOfHost()
        .forEach(
            (id, cluster) -> {
              long[] c = {4 + rnd.nextInt(24), 8192 + 1024L * rnd.nextInt(48)};
              if (withCapacity) {
                capacity.put(id, c);
              }
              hostRows.add(
                  withCapacity
                      ? new HostRow(id, cluster, c[0], c[1] + 1024, 1024L)
                      : new HostRow(id, cluster));
            });
    List<VmRow> vmRows = new ArrayList<>();
    attributes
        .vms()
        .forEach(
            (id, a) -> {
              long[] d = {1 + rnd.nextInt(6), 1024L * (1 + rnd.nextInt(12))};
              if (withCapacity) {
                demand.put(id, d);
              }
              Integer state = a.enabledState() == null ? null : Math.toIntExact(a.enabledState());
              vmRows.add(
                  withCapacity
                      ? new VmRow(id, state, a.currentHostId(), d[0], d[1])
                      : new VmRow(id, state, a.currentHostId()));
            });
    SnapshotTableWriter.writeHosts(snapshot, hostRows);
    SnapshotTableWriter.writeVms(snapshot, vmRows);

    RunResult local =
        RunnerKind.LOCAL.run(
            new RunOptions(snapshot.toString(), tmp.resolve("local").toString(), false));
    RunResult onSpark =
        RunnerKind.SPARK.run(
            new RunOptions(snapshot.toString(), tmp.resolve("spark").toString(), false));
    String what = "seed " + seed + " " + shape + " capacity " + withCapacity;
    SameResults.assertSame(what + ": local vs Spark", local.outDir(), onSpark.outDir());
    assertThat(local.manifest().inputs().get("hosts").ignoredColumns())
        .as(what + ": capacity columns are used, not ignored")
        .isEmpty();

    // Hosts the reference plans on: current loads of evaluated VMs.
    Map<String, long[]> load = new HashMap<>();
    Map<String, List<String>> onHost = new TreeMap<>();
    for (Map.Entry<String, VmAttributes> e : attributes.vms().entrySet()) {
      String h = e.getValue().currentHostId();
      if (h != null && hosts.containsKey(h)) {
        onHost.computeIfAbsent(h, k -> new ArrayList<>()).add(e.getKey());
        add(load, h, demandOf(demand, e.getKey()), 1);
      }
    }

    Map<String, Map<String, Row>> plans = new TreeMap<>();
    for (Row r : spark.read().parquet(local.outDir() + "/drain_plans").collectAsList()) {
      Row previous =
          plans.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getString(1), r);
      assertThat(previous).as(what + ": one row per host and VM").isNull();
    }
    Map<String, Set<String>> expectedRows = new TreeMap<>();
    onHost.forEach((h, list) -> expectedRows.put(h, new TreeSet<>(list)));
    Map<String, Set<String>> actualRows = new TreeMap<>();
    plans.forEach((h, rows) -> actualRows.put(h, new TreeSet<>(rows.keySet())));
    assertThat(actualRows).as(what + ": the VMs of every host").isEqualTo(expectedRows);

    long placed = 0;
    long noRoom = 0;
    for (Map.Entry<String, Map<String, Row>> drain : plans.entrySet()) {
      String host = drain.getKey();
      Map<String, long[]> moved = new HashMap<>();
      for (Row r : drain.getValue().values()) {
        String vm = r.getString(1);
        String target = r.getString(2);
        boolean anyOther =
            hosts.keySet().stream()
                .anyMatch(
                    h ->
                        !h.equals(host)
                            && NestedLoopReference.isCompatible(vms.get(vm), hosts.get(h)));
        if (target != null) {
          placed++;
          assertThat(target).as(what + ": %s stays on %s", vm, host).isNotEqualTo(host);
          assertThat(NestedLoopReference.isCompatible(vms.get(vm), hosts.get(target)))
              .as(what + ": %s of %s on %s compatible", vm, host, target)
              .isTrue();
          assertThat(r.isNullAt(3)).isTrue();
          add(moved, target, demandOf(demand, vm), 1);
        } else {
          assertThat(r.getString(3))
              .as(what + ": reason of %s on %s", vm, host)
              .isEqualTo(anyOther ? "NO_CAPACITY" : "NO_COMPATIBLE_HOST");
          noRoom += anyOther ? 1 : 0;
        }
      }
      for (Map.Entry<String, long[]> m : moved.entrySet()) {
        long[] room = roomOf(capacity, load, m.getKey(), withCapacity);
        for (int d = 0; d < 2; d++) {
          assertThat(m.getValue()[d])
              .as(what + ": drain of %s over capacity of %s in dimension %d", host, m.getKey(), d)
              .isLessThanOrEqualTo(Math.max(0, room[d]));
        }
      }
      for (Row r : drain.getValue().values()) {
        if ("NO_CAPACITY".equals(r.isNullAt(3) ? null : r.getString(3))) {
          String vm = r.getString(1);
          long[] d = demandOf(demand, vm);
          for (String h : hosts.keySet()) {
            if (h.equals(host) || !NestedLoopReference.isCompatible(vms.get(vm), hosts.get(h))) {
              continue;
            }
            long[] room = roomOf(capacity, load, h, withCapacity);
            long[] used = moved.getOrDefault(h, new long[2]);
            boolean fits = true;
            for (int k = 0; k < 2; k++) {
              fits &= d[k] == 0 || d[k] <= room[k] - used[k];
            }
            assertThat(fits).as(what + ": %s of %s had room on %s", vm, host, h).isFalse();
          }
        }
      }
    }
    assertThat(placed).as(what + ": some VMs move").isPositive();
    if (withCapacity) {
      assertThat(noRoom)
          .as(what + ": capacity is tight enough that some VM lacks room")
          .isPositive();
    } else {
      assertThat(noRoom).as(what + ": without capacity nothing lacks room").isZero();
    }

    List<Row> headroom =
        spark.read().parquet(local.outDir() + "/pool_headroom").orderBy("pool_id").collectAsList();
    assertThat(headroom).hasSize((int) local.manifest().feasibility().pools());
    for (Row r : headroom) {
      long hostsInPool = r.getLong(1);
      int tolerated = r.getInt(2);
      assertThat(tolerated).as(what + ": pool %d", r.getInt(0)).isBetween(0, (int) hostsInPool);
      assertThat(r.isNullAt(3)).isEqualTo(tolerated == hostsInPool);
      assertThat(r.isNullAt(4)).isEqualTo(tolerated == hostsInPool);
    }
    if (!withCapacity) {
      // Without capacity, the k largest hosts (most VMs, then by id) can fail together iff every
      // VM on them has a compatible host outside them.
      Map<Integer, List<String>> poolHosts = new TreeMap<>();
      for (Row r : spark.read().parquet(local.outDir() + "/host_classes").collectAsList()) {
        poolHosts.computeIfAbsent(r.getInt(2), k -> new ArrayList<>()).add(r.getString(0));
      }
      for (Row r : headroom) {
        List<String> order = new ArrayList<>(poolHosts.get(r.getInt(0)));
        order.sort(
            java.util.Comparator.<String>comparingInt(
                    h -> -onHost.getOrDefault(h, List.of()).size())
                .thenComparing(java.util.Comparator.naturalOrder()));
        int tolerated = 0;
        Set<String> failed = new TreeSet<>();
        for (String h : order) {
          failed.add(h);
          boolean all = true;
          for (String f : failed) {
            for (String vm : onHost.getOrDefault(f, List.of())) {
              all &=
                  hosts.keySet().stream()
                      .anyMatch(
                          t ->
                              !failed.contains(t)
                                  && NestedLoopReference.isCompatible(vms.get(vm), hosts.get(t)));
            }
          }
          if (!all) {
            break;
          }
          tolerated++;
        }
        assertThat(r.getInt(2))
            .as(what + ": failures tolerated by pool %d vs reference", r.getInt(0))
            .isEqualTo(tolerated);
      }
    }
  }

  private static long[] demandOf(Map<String, long[]> demand, String vm) {
    return demand.getOrDefault(vm, new long[2]);
  }

  /** Free room on a host: capacity (0 without a hosts row) less its current VMs' demand. */
  private static long[] roomOf(
      Map<String, long[]> capacity, Map<String, long[]> load, String host, boolean counted) {
    if (!counted) {
      return new long[] {Long.MAX_VALUE, Long.MAX_VALUE};
    }
    long[] c = capacity.getOrDefault(host, new long[2]);
    long[] l = load.getOrDefault(host, new long[2]);
    return new long[] {c[0] - l[0], c[1] - l[1]};
  }

  private static void add(Map<String, long[]> sums, String key, long[] d, int sign) {
    long[] s = sums.computeIfAbsent(key, k -> new long[2]);
    s[0] += sign * d[0];
    s[1] += sign * d[1];
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
