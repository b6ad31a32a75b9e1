package org.fleetcompat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fleetcompat.job.SampleFleet.QUARANTINED_VMS;
import static org.fleetcompat.job.SampleFleet.SNAPSHOT;
import static org.fleetcompat.job.SampleFleet.UNEVALUATED_VMS;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.core.BlobCodec;
import org.fleetcompat.core.BlobMember;
import org.fleetcompat.core.BlockerCount;
import org.fleetcompat.core.CheckFinding;
import org.fleetcompat.core.CheckResult;
import org.fleetcompat.core.CompatibilityCheck;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.Hex;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.core.SystemBlob;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorOutcome;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.LocalStorage;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.ManifestWriter;
import org.fleetcompat.io.ResultTable;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.pipeline.SystemLookup;
import org.fleetcompat.spark.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC section 5: "the same answer must come out of class_matrix, compatible_pairs, the explain
 * command, and the single-system API" — checked on every accepted VM x every accepted host of
 * {@code data-samples/cpu-fleet} (2,998 x 340 pairs). The run happens once, with {@code --pairs};
 * explain and check are judged through the code the commands run ({@link SystemLookup}, {@link
 * PairExplanation#of}, {@link SystemBlobJob#infos}, the blob codec, {@link CompatibilityCheck}),
 * with every system loaded once instead of once per pair.
 *
 * <p>A disagreement names the VM, the host and each side's answer.
 */
class SampleCrossCheckTest {
  private static final int SHOWN = 20;

  @TempDir static Path tmp;

  private static SparkSession spark;
  private static VectorCatalog catalog;
  private static RunResult run;
  private static Map<String, Row> vmClasses;
  private static Map<String, Row> hostClasses;
  private static List<String> vmIds;
  private static List<String> hostIds;

  /** Bit {@code vm * hosts + host}: class_matrix holds (vm_class, host_class). */
  private static BitSet matrix;

  private static Map<String, VectorSet> vmVectors;
  private static Map<String, VectorSet> hostVectors;

  @BeforeAll
  static void runOnceAndLoadEverySystem() {
    spark = SparkTestSession.get();
    catalog = SampleFleet.catalog();
    run =
        RunnerKind.LOCAL.run(
            new RunOptions(SNAPSHOT, tmp.resolve("out").toString(), true).withCatalog(catalog));
    String out = run.outDir();
    vmClasses =
        SampleFleet.byId(
            spark,
            out,
            ResultTable.VM_CLASSES.tableName(),
            "vm_id",
            "vm_class",
            "enabled_state",
            "current_host_id");
    hostClasses =
        SampleFleet.byId(
            spark,
            out,
            ResultTable.HOST_CLASSES.tableName(),
            "host_id",
            "host_class",
            "pool_id",
            "cluster");
    vmIds = List.copyOf(vmClasses.keySet());
    hostIds = List.copyOf(hostClasses.keySet());
    Set<Long> classPairs = new HashSet<>();
    for (Row r :
        SampleFleet.rows(
            spark, out, ResultTable.CLASS_MATRIX.tableName(), "vm_class", "host_class")) {
      classPairs.add(classPair(r.getInt(0), r.getInt(1)));
    }
    matrix = new BitSet(vmIds.size() * hostIds.size());
    for (int v = 0; v < vmIds.size(); v++) {
      int vmClass = vmClasses.get(vmIds.get(v)).getInt(1);
      for (int h = 0; h < hostIds.size(); h++) {
        if (classPairs.contains(classPair(vmClass, hostClasses.get(hostIds.get(h)).getInt(1)))) {
          matrix.set(pair(v, h));
        }
      }
    }
    SystemLookup lookup = ExplainJob.lookup(LocalStorage.INSTANCE, SNAPSHOT);
    vmVectors = lookup.vectors(SnapshotTable.VM_VECTORS, vmIds);
    hostVectors = lookup.vectors(SnapshotTable.HOST_VECTORS, hostIds);
  }

  @Test
  void theLookupOfTheCommandsAcceptsExactlyTheSystemsTheRunEvaluates() {
    assertThat(vmIds).hasSize(2998);
    assertThat(hostIds).hasSize(340);
    SystemLookup lookup = ExplainJob.lookup(LocalStorage.INSTANCE, SNAPSHOT);
    List<String> everyVm = rawIds("vm_vectors", "vm_id");
    SystemLookup.Found vms = lookup.find(SnapshotTable.VM_VECTORS, everyVm);
    assertThat(vms.vectors().keySet()).containsExactlyElementsOf(vmIds);
    assertThat(everyVm.stream().filter(vms::isQuarantined))
        .containsExactlyElementsOf(QUARANTINED_VMS);
    List<String> everyHost = rawIds("host_vectors", "host_id");
    SystemLookup.Found hosts = lookup.find(SnapshotTable.HOST_VECTORS, everyHost);
    assertThat(hosts.vectors().keySet()).containsExactlyElementsOf(hostIds);
  }

  @Test
  void classMatrixCompatiblePairsExplainAndCheckAgreeOnEveryPair() {
    BitSet listed = new BitSet(vmIds.size() * hostIds.size());
    Map<String, Integer> vmIndex = index(vmIds);
    Map<String, Integer> hostIndex = index(hostIds);
    List<Row> pairRows =
        SampleFleet.rows(
            spark, run.outDir(), ResultTable.COMPATIBLE_PAIRS.tableName(), "vm_id", "host_id");
    for (Row r : pairRows) {
      listed.set(pair(vmIndex.get(r.getString(0)), hostIndex.get(r.getString(1))));
    }
    Map<String, SystemBlob> blobs = SystemBlobJob.infos(LocalStorage.INSTANCE, SNAPSHOT, vmIds);

    List<String> disagreements = new ArrayList<>();
    long checked = 0;
    long compatible = 0;
    for (int v = 0; v < vmIds.size(); v++) {
      String vmId = vmIds.get(v);
      SystemBlob blob = BlobCodec.decode(BlobCodec.encode(blobs.get(vmId)));
      assertThat(blob.members())
          .as("blob of %s", vmId)
          .containsExactly(
              new BlobMember(
                  vmId, (Integer) vmClasses.get(vmId).getAs("enabled_state"), vmVectors.get(vmId)));
      for (int h = 0; h < hostIds.size(); h++) {
        String hostId = hostIds.get(h);
        VectorSet host = hostVectors.get(hostId);
        boolean inMatrix = matrix.get(pair(v, h));
        PairExplanation explained =
            PairExplanation.of(vmId, vmVectors.get(vmId), hostId, host, catalog);
        CheckResult checkedBlob = CompatibilityCheck.check(blob, host);
        List<VectorOutcome> explainedFailures =
            explained.outcomes().stream().filter(o -> !o.reason().passes()).toList();
        List<VectorOutcome> checkReasons =
            checkedBlob.reasons().stream().map(CheckFinding::outcome).toList();
        if (inMatrix != listed.get(pair(v, h))
            || inMatrix != explained.isCompatible()
            || inMatrix != checkedBlob.isCompatible()
            || !explainedFailures.equals(checkReasons)) {
          disagreements.add(
              String.format(
                  "%s on %s: class_matrix %s, compatible_pairs %s, explain %s, check %s %s",
                  vmId,
                  hostId,
                  inMatrix,
                  listed.get(pair(v, h)),
                  explainedFailures,
                  checkedBlob.code(),
                  checkReasons));
        }
        checked++;
        compatible += inMatrix ? 1 : 0;
      }
    }

    assertThat(checked).isEqualTo(2998L * 340);
    assertThat(disagreements.subList(0, Math.min(SHOWN, disagreements.size())))
        .as("%d of %d pairs disagree (the first %d shown)", disagreements.size(), checked, SHOWN)
        .isEmpty();
    assertThat(compatible)
        .isEqualTo(run.manifest().fleet().compatiblePairs())
        .isEqualTo(listed.cardinality())
        .isEqualTo(pairRows.size())
        .isPositive()
        .isLessThan(checked);
  }

  @Test
  void aHostBlobPassesOnAHostExactlyWhenEveryVmPlacedOnItDoes() {
    Map<String, List<String>> placed = new TreeMap<>();
    vmClasses.forEach(
        (vm, r) -> {
          if (!r.isNullAt(3)) {
            placed.computeIfAbsent(r.getString(3), h -> new ArrayList<>()).add(vm);
          }
        });
    List<String> refused = hostsOfUnevaluatedVms();
    assertThat(refused).hasSize(UNEVALUATED_VMS.size());
    for (String host : refused) {
      assertThatThrownBy(() -> SystemBlobJob.info(LocalStorage.INSTANCE, SNAPSHOT, host))
          .isInstanceOf(FleetcompatException.class)
          .hasMessageMatching(
              "(?s).*(is quarantined in vm_vectors.*fix its rows in the snapshot"
                  + "|runs VM '"
                  + SampleFleet.VM_WITHOUT_VECTORS
                  + "', which has no rows in vm_vectors).*")
          .satisfies(e -> assertThat(UNEVALUATED_VMS).anyMatch(e.getMessage()::contains))
          .extracting(e -> ((FleetcompatException) e).status())
          .isEqualTo(ReturnCode.INVALID_PARAMETER);
    }
    List<String> takeable = hostIds.stream().filter(h -> !refused.contains(h)).toList();
    Map<String, SystemBlob> blobs = SystemBlobJob.infos(LocalStorage.INSTANCE, SNAPSHOT, takeable);
    Map<String, Integer> vmIndex = index(vmIds);
    Map<String, Row> evacuation =
        SampleFleet.byId(
            spark,
            run.outDir(),
            ResultTable.HOST_EVACUATION.tableName(),
            "host_id",
            "vm_count",
            "blocking_vm_ids",
            "evacuable");

    Map<String, Row> unevaluated =
        SampleFleet.byId(
            spark,
            run.outDir(),
            ResultTable.HOST_EVACUATION.tableName(),
            "host_id",
            "unevaluated_vm_ids",
            "evacuable",
            "blocking_vm_count");
    for (String host : refused) {
      Row ev = unevaluated.get(host);
      assertThat(ev.<String>getList(1))
          .as("unevaluated_vm_ids of %s, which runs a quarantined VM", host)
          .isNotEmpty()
          .allMatch(UNEVALUATED_VMS::contains);
      if (ev.getInt(3) == 0) {
        assertThat(ev.isNullAt(2)).as("evacuable of %s is unknown", host).isTrue();
      } else {
        assertThat(ev.getBoolean(2)).as("evacuable of %s", host).isFalse();
      }
    }
    takeable.forEach(
        h ->
            assertThat(unevaluated.get(h).<String>getList(1)).as("unevaluated of %s", h).isEmpty());

    List<String> disagreements = new ArrayList<>();
    long passing = 0;
    for (String h1 : takeable) {
      SystemBlob blob = BlobCodec.decode(BlobCodec.encode(blobs.get(h1)));
      List<String> members = blob.members().stream().map(BlobMember::vmId).toList();
      assertThat(members)
          .as("VMs in the blob of %s", h1)
          .isEqualTo(placed.getOrDefault(h1, List.of()));
      for (BlobMember m : blob.members()) {
        assertThat(m.enabledState()).isEqualTo(vmClasses.get(m.vmId()).getAs("enabled_state"));
        assertThat(m.vectors()).isEqualTo(vmVectors.get(m.vmId()));
      }
      boolean anotherHostTakesAll = false;
      for (int h = 0; h < hostIds.size(); h++) {
        String h2 = hostIds.get(h);
        int host = h;
        CheckResult result = CompatibilityCheck.check(blob, hostVectors.get(h2));
        Set<String> failing = new TreeSet<>();
        result.reasons().forEach(f -> failing.add(f.vmId()));
        Set<String> expected = new TreeSet<>();
        members.stream()
            .filter(m -> !matrix.get(pair(vmIndex.get(m), host)))
            .forEach(expected::add);
        if (result.isCompatible() != expected.isEmpty() || !failing.equals(expected)) {
          disagreements.add(h1 + " on " + h2 + ": check " + failing + ", class_matrix " + expected);
        }
        anotherHostTakesAll |= result.isCompatible() && !h2.equals(h1);
        passing += result.isCompatible() ? 1 : 0;
      }
      List<String> blocking =
          members.stream().filter(m -> !fitsAnotherHost(vmIndex.get(m), h1)).toList();
      Row ev = evacuation.get(h1);
      assertThat(ev.getLong(1)).as("vm_count of %s", h1).isEqualTo(members.size());
      assertThat(List.copyOf(ev.<String>getList(2)))
          .as("blocking_vm_ids of %s", h1)
          .isEqualTo(blocking);
      assertThat(ev.getBoolean(3)).as("evacuable %s", h1).isEqualTo(blocking.isEmpty());
      if (anotherHostTakesAll) {
        assertThat(ev.getBoolean(3)).as("another host takes every VM of %s", h1).isTrue();
      }
    }
    assertThat(disagreements.subList(0, Math.min(SHOWN, disagreements.size())))
        .as("%d host-blob checks disagree with class_matrix", disagreements.size())
        .isEmpty();
    assertThat(passing).isPositive().isLessThan((long) takeable.size() * hostIds.size());
  }

  @Test
  void explainVmListsEveryPoolAndAgreesWithVmSummaryTheMatrixAndThePairs() {
    Map<String, Row> summary =
        SampleFleet.byId(
            spark,
            run.outDir(),
            ResultTable.VM_SUMMARY.tableName(),
            "vm_id",
            "compatible_hosts",
            "compatible_pools");
    List<Row> pools =
        SampleFleet.rows(
            spark,
            run.outDir(),
            ResultTable.POOLS.tableName(),
            "pool_id",
            "host_count",
            "clusters");
    String partial =
        summary.values().stream()
            .filter(r -> r.getInt(2) > 0 && r.getInt(2) < pools.size())
            .findFirst()
            .orElseThrow()
            .getString(0);
    String nowhere =
        summary.values().stream()
            .filter(r -> r.getLong(1) == 0)
            .findFirst()
            .orElseThrow()
            .getString(0);
    for (String vmId : List.of(partial, nowhere)) {
      VmExplanation e;
      try (org.fleetcompat.pipeline.Runner runner = RunnerKind.LOCAL.open()) {
        e = ExplainJob.vm(runner, SNAPSHOT, vmId, catalog);
      }
      assertThat(e.vmId()).isEqualTo(vmId);
      assertThat(e.pools()).as("one entry per pool").hasSameSizeAs(pools);
      int v = vmIds.indexOf(vmId);
      Set<String> matrixHosts = new TreeSet<>();
      for (int h = 0; h < hostIds.size(); h++) {
        if (matrix.get(pair(v, h))) {
          matrixHosts.add(hostIds.get(h));
        }
      }
      Set<String> poolHosts = new TreeSet<>();
      for (VmExplanation.PoolReach p : e.pools()) {
        Row pool = pools.get(p.poolId());
        assertThat(pool.getInt(0)).isEqualTo(p.poolId());
        assertThat(p.hostCount()).isEqualTo(pool.getLong(1));
        assertThat(p.clusters()).isEqualTo(List.copyOf(pool.<String>getList(2)));
        assertThat(p.compatibleHosts()).as("pool %d", p.poolId()).isIn(0L, p.hostCount());
        List<String> members = hostsOfPool(p.poolId());
        if (p.compatibleHosts() > 0) {
          poolHosts.addAll(members);
        }
        assertThat(blockerLines(p.blockers()))
            .as("blockers of %s in pool %d", vmId, p.poolId())
            .isEqualTo(expectedBlockerLines(vmId, members));
        if (p.compatibleHosts() == 0) {
          assertThat(p.blockers()).as("a pool that refuses %s names why", vmId).isNotEmpty();
        }
      }
      assertThat(poolHosts).as("hosts of the pools that accept %s", vmId).isEqualTo(matrixHosts);
      Row s = summary.get(vmId);
      assertThat(e.pools().stream().filter(p -> p.compatibleHosts() > 0).count())
          .isEqualTo(s.getInt(2));
      assertThat(e.pools().stream().mapToLong(VmExplanation.PoolReach::compatibleHosts).sum())
          .isEqualTo(s.getLong(1))
          .isEqualTo(matrixHosts.size());
    }
  }

  @Test
  void aRunWithoutTheWhatIfHasNoWhatIfAndNoAsReportedColumns() throws IOException {
    Manifest published = ManifestWriter.read(LocalStorage.INSTANCE, run.outDir());
    assertThat(published.whatIf()).isNull();
    assertThat(published.options().assumeStopped()).isFalse();
    assertThat(columns(ResultTable.VM_SUMMARY.tableName()))
        .contains("compatible_hosts", "stranded")
        .doesNotContain("compatible_hosts_as_reported", "stranded_as_reported");
    assertThat(columns(ResultTable.HOST_EVACUATION.tableName()))
        .contains("evacuable")
        .doesNotContain("evacuable_as_reported");
  }

  private static long classPair(int vmClass, int hostClass) {
    return ((long) vmClass << 32) | hostClass;
  }

  private static int pair(int vm, int host) {
    return vm * hostIds.size() + host;
  }

  private static Map<String, Integer> index(List<String> ids) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    return index;
  }

  private static boolean fitsAnotherHost(int vm, String current) {
    for (int h = 0; h < hostIds.size(); h++) {
      if (matrix.get(pair(vm, h)) && !hostIds.get(h).equals(current)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> hostsOfPool(int pool) {
    return hostClasses.values().stream()
        .filter(r -> r.getInt(2) == pool)
        .map(r -> r.getString(0))
        .toList();
  }

  /** The ids of a snapshot table, read raw (nulls left out): what a run is given. */
  private static List<String> rawIds(String table, String idColumn) {
    return spark
        .read()
        .parquet(SNAPSHOT + "/" + table)
        .select(idColumn)
        .distinct()
        .filter(idColumn + " IS NOT NULL")
        .orderBy(idColumn)
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .toList();
  }

  /** The hosts the raw {@code vms} table places a VM the run cannot count on. */
  private static List<String> hostsOfUnevaluatedVms() {
    return spark
        .read()
        .parquet(SNAPSHOT + "/vms.parquet")
        .filter(org.apache.spark.sql.functions.col("vm_id").isin(UNEVALUATED_VMS.toArray()))
        .select("current_host_id")
        .distinct()
        .orderBy("current_host_id")
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .toList();
  }

  private List<String> columns(String table) {
    return Arrays.asList(spark.read().parquet(run.outDir() + "/" + table).columns());
  }

  /** Blockers as comparable lines: vector, operation, reason, blocked and sole-blocker hosts. */
  private static List<String> blockerLines(List<BlockerCount> blockers) {
    return blockers.stream()
        .map(
            b ->
                line(b.vectorId(), b.operation().displayName(), b.reason().name())
                    + " "
                    + b.blockedPairs()
                    + " "
                    + b.soleBlockerPairs())
        .sorted()
        .toList();
  }

  /** What the blockers of {@code vmId} in a pool must be, counted pair by pair with explain. */
  private static List<String> expectedBlockerLines(String vmId, List<String> poolHosts) {
    Map<String, long[]> counts = new TreeMap<>();
    for (String hostId : poolHosts) {
      List<VectorOutcome> failures =
          PairExplanation.of(vmId, vmVectors.get(vmId), hostId, hostVectors.get(hostId), catalog)
              .outcomes()
              .stream()
              .filter(o -> !o.reason().passes())
              .toList();
      for (VectorOutcome o : failures) {
        long[] c =
            counts.computeIfAbsent(
                line(o.vectorId(), o.operation().displayName(), o.reason().name()),
                k -> new long[2]);
        c[0]++;
        c[1] += failures.size() == 1 ? 1 : 0;
      }
    }
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()[0] + " " + e.getValue()[1])
        .sorted()
        .toList();
  }

  private static String line(int vectorId, String operation, String reason) {
    return Hex.vectorId(vectorId) + " " + operation + " " + reason;
  }
}
