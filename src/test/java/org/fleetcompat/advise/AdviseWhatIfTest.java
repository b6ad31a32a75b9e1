package org.fleetcompat.advise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.drift.ClassMatrix;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.drift.ResultRows;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.WriteOptions;
import org.fleetcompat.job.HostAdmissionJob;
import org.fleetcompat.job.RunnerKind;
import org.fleetcompat.pipeline.Runner;
import org.fleetcompat.reference.NestedLoopReference.RefVector;
import org.fleetcompat.reference.RandomFleet;
import org.fleetcompat.reference.SnapshotRows;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code what-if} (host admission) on seeded random fleets: what {@link HostAdmissionJob} claims
 * for copies of a host added ({@code --like}), hosts of a file added ({@code --add-hosts}, exact
 * copies and new configurations) and other hosts retired equals a full re-run of the pipeline on
 * the snapshot with that change applied: hosts, pools, new pools, VMs gaining and losing hosts (per
 * VM id, from the engine's vm_summary) and stranded VMs. A failure names the seed.
 */
class AdviseWhatIfTest {
  @TempDir Path tmp;

  static Stream<Arguments> fleets() {
    return Stream.of(
        Arguments.of(51L, RandomFleet.Shape.DENSE, 200, 16),
        Arguments.of(52L, RandomFleet.Shape.SPARSE, 150, 14),
        Arguments.of(53L, RandomFleet.Shape.ALL_DISTINCT, 100, 10),
        Arguments.of(54L, RandomFleet.Shape.DENSE, 120, 2));
  }

  @ParameterizedTest
  @MethodSource("fleets")
  void effectMatchesReRunWithTheChange(long seed, RandomFleet.Shape shape, int vms, int hosts) {
    AdviseFleet f = new AdviseFleet(seed, shape, vms, hosts, tmp);
    String what = "seed " + seed + " " + shape;
    ResultDirectory all = f.runAll();
    Path snapshot = tmp.resolve("all-snapshot");
    List<String> ids = new ArrayList<>(f.hosts.keySet());
    Random rnd = new Random(seed);
    String like = ids.get(rnd.nextInt(ids.size()));
    List<String> retire = new ArrayList<>();
    for (String id : ids) {
      if (!id.equals(like) && retire.size() < 2 && rnd.nextBoolean()) {
        retire.add(id);
      }
    }
    AdmissionEffect e;
    try (Runner runner = RunnerKind.LOCAL.open()) {
      e =
          HostAdmissionJob.run(
              runner,
              snapshot.toString(),
              VectorCatalog.empty(),
              List.<String[]>of(new String[] {like, "3"}),
              retire);
    }
    Map<String, List<RefVector>> copies = new LinkedHashMap<>();
    for (int i = 1; i <= 3; i++) {
      copies.put(like + "+" + i, f.hosts.get(like));
    }
    ResultDirectory after = f.run("what-if", f.without(retire), copies);
    assertSameEffect(what + " like " + like + ":3 retire " + retire, e, all, after);
  }

  @ParameterizedTest
  @MethodSource("fleets")
  void addedHostsFileMatchesReRun(long seed, RandomFleet.Shape shape, int vms, int hosts) {
    AdviseFleet f = new AdviseFleet(seed, shape, vms, hosts, tmp);
    ResultDirectory all = f.runAll();
    List<String> ids = new ArrayList<>(f.hosts.keySet());
    Random rnd = new Random(seed);
    Map<String, List<RefVector>> added = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      String from = ids.get(rnd.nextInt(ids.size()));
      List<RefVector> vectors = new ArrayList<>(f.hosts.get(from));
      if (i > 0 && !vectors.isEmpty()) {
        // A new configuration: one value changed (the first host stays an exact copy).
        RefVector v = vectors.get(0);
        vectors.set(0, RefVector.ofBits(v.vectorId(), v.op(), v.valueBits() ^ (1L << i)));
      }
      added.put("n-" + i + "-" + from, vectors);
    }
    Path file = tmp.resolve("new");
    SnapshotTableWriter.writeVectors(
        file, SnapshotTable.HOST_VECTORS, SnapshotRows.of(added, false), WriteOptions.defaults());
    String retired = ids.get(rnd.nextInt(ids.size()));
    AdmissionEffect e;
    try (Runner runner = RunnerKind.LOCAL.open()) {
      e =
          HostAdmissionJob.run(
              runner,
              tmp.resolve("all-snapshot").toString(),
              VectorCatalog.empty(),
              file.resolve("host_vectors.parquet").toString(),
              List.of(),
              List.of(retired));
    }
    ResultDirectory after = f.run("added", f.without(List.of(retired)), added);
    assertSameEffect(
        "seed " + seed + " " + shape + " add " + added.keySet() + " retire " + retired,
        e,
        all,
        after);
  }

  private static void assertSameEffect(
      String what, AdmissionEffect e, ResultDirectory all, ResultDirectory after) {

    assertThat(e.hostsBefore()).as(what).isEqualTo(all.hosts().size());
    assertThat(e.hostsAfter()).as(what).isEqualTo(after.hosts().size());
    assertThat(e.poolsBefore()).as(what + ": pools before").isEqualTo(all.pools().size());
    assertThat(e.poolsAfter()).as(what + ": pools after").isEqualTo(after.pools().size());
    Set<Set<String>> poolsBefore = acceptedSets(all);
    List<Set<String>> newPools = new ArrayList<>();
    for (Map.Entry<Set<String>, Set<String>> p : poolHosts(after).entrySet()) {
      if (!poolsBefore.contains(p.getKey())) {
        newPools.add(new TreeSet<>(p.getValue()));
      }
    }
    assertThat(e.newPools().stream().map(p -> (Set<String>) new TreeSet<>(p.hostIds())).toList())
        .as(what + ": new pools")
        .containsExactlyInAnyOrderElementsOf(newPools);

    Set<Set<String>> vanished = new HashSet<>(poolsBefore);
    vanished.removeAll(acceptedSets(after));
    assertThat(e.vanishedPools()).as(what + ": vanished pools").isEqualTo(vanished.size());

    Map<String, ResultRows.Vm> beforeVms = new HashMap<>();
    all.vms().forEach(v -> beforeVms.put(v.vmId(), v));
    long gaining = 0;
    long losing = 0;
    long newly = 0;
    long noLonger = 0;
    for (ResultRows.Vm v : after.vms()) {
      ResultRows.Vm b = beforeVms.get(v.vmId());
      gaining += v.compatibleHosts() > b.compatibleHosts() ? 1 : 0;
      losing += v.compatibleHosts() < b.compatibleHosts() ? 1 : 0;
      newly += v.stranded() && !b.stranded() ? 1 : 0;
      noLonger += !v.stranded() && b.stranded() ? 1 : 0;
    }
    assertThat(e.vmsGainingHosts()).as(what + ": gaining").isEqualTo(gaining);
    assertThat(e.vmsLosingHosts()).as(what + ": losing").isEqualTo(losing);
    assertThat(e.strandedBefore()).as(what).isEqualTo(AdviseFleet.stranded(all));
    assertThat(e.strandedAfter()).as(what).isEqualTo(AdviseFleet.stranded(after));
    assertThat(e.newlyStranded()).as(what).isEqualTo(newly);
    assertThat(e.noLongerStranded()).as(what).isEqualTo(noLonger);
  }

  /** Per pool of a result: the VM ids its hosts accept, mapped to its host ids. */
  private static Map<Set<String>, Set<String>> poolHosts(ResultDirectory r) {
    ClassMatrix m = r.classMatrix();
    Map<Integer, Integer> classOfPool = new HashMap<>();
    Map<Integer, Set<String>> hostsOfPool = new HashMap<>();
    for (ResultRows.Host h : r.hosts()) {
      classOfPool.putIfAbsent(h.poolId(), h.hostClass());
      hostsOfPool.computeIfAbsent(h.poolId(), k -> new HashSet<>()).add(h.hostId());
    }
    Map<Set<String>, Set<String>> out = new HashMap<>();
    classOfPool.forEach(
        (pool, hostClass) -> {
          Set<String> accepted = new HashSet<>();
          for (ResultRows.Vm v : r.vms()) {
            if (m.fits(v.vmClass(), hostClass)) {
              accepted.add(v.vmId());
            }
          }
          out.put(accepted, hostsOfPool.get(pool));
        });
    return out;
  }

  private static Set<Set<String>> acceptedSets(ResultDirectory r) {
    return poolHosts(r).keySet();
  }
}
