package org.fleetcompat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fleetcompat.job.SampleFleet.SNAPSHOT;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.core.PairCheck;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.core.VmState;
import org.fleetcompat.io.LocalStorage;
import org.fleetcompat.io.ResultTable;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.pipeline.SystemLookup;
import org.fleetcompat.spark.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cold-migration what-if ({@code run --assume-stopped} with the shipped {@code
 * conf/vector-catalog.json}) on {@code data-samples/cpu-fleet}, run once. Every number is recounted
 * independently: the vectors each VM should be evaluated with are derived from the catalog's
 * entries (not with {@link VectorCatalog#asStopped}), and each VM's hosts are counted with {@link
 * PairCheck} over the vectors the explain lookup loads.
 */
class ColdMigrationWhatIfTest {
  private static final int RUNNING = VmState.RUNNING.enabledState();

  @TempDir static Path tmp;

  private static SparkSession spark;
  private static VectorCatalog catalog;
  private static RunResult run;

  /** vm_summary by vm_id, with the columns {@link #SUMMARY} names. */
  private static Map<String, Row> summary;

  private static List<String> hostIds;
  private static Map<String, VectorSet> hostVectors;
  private static Map<String, VectorSet> reported;
  private static Map<String, VectorSet> evaluated;

  /**
   * The hosts each VM fits, as a bit per host of {@link #hostIds}: as reported and as evaluated.
   */
  private static Map<String, BitSet> fitsReported;

  private static Map<String, BitSet> fitsEvaluated;

  private static final String[] SUMMARY = {
    "vm_id",
    "enabled_state",
    "current_host_id",
    "compatible_hosts",
    "compatible_hosts_as_reported",
    "stranded",
    "stranded_as_reported"
  };

  @BeforeAll
  static void runTheWhatIfOnce() {
    spark = SparkTestSession.get();
    catalog = SampleFleet.catalog();
    RunOptions options =
        new RunOptions(SNAPSHOT, tmp.resolve("out").toString(), false)
            .withCatalog(catalog)
            .assumingStopped();
    run = RunnerKind.LOCAL.run(options);
    RunResult onSpark =
        RunnerKind.SPARK.run(
            new RunOptions(SNAPSHOT, tmp.resolve("out-spark").toString(), false)
                .withCatalog(catalog)
                .assumingStopped());
    SameResults.assertSame("the what-if, local vs Spark runner", run.outDir(), onSpark.outDir());
    summary = SampleFleet.byId(spark, run.outDir(), ResultTable.VM_SUMMARY.tableName(), SUMMARY);
    hostIds = SampleFleet.ids(spark, run.outDir(), ResultTable.HOST_CLASSES.tableName(), "host_id");
    SystemLookup lookup = ExplainJob.lookup(LocalStorage.INSTANCE, SNAPSHOT);
    reported = lookup.vectors(SnapshotTable.VM_VECTORS, summary.keySet());
    hostVectors = lookup.vectors(SnapshotTable.HOST_VECTORS, hostIds);
    evaluated = new TreeMap<>();
    fitsReported = new HashMap<>();
    fitsEvaluated = new HashMap<>();
    summary.forEach(
        (vm, r) -> {
          Integer state = r.isNullAt(1) ? null : r.getInt(1);
          evaluated.put(vm, withoutRunningOnlyIds(reported.get(vm), state));
          fitsReported.put(vm, hostsFitting(reported.get(vm)));
          fitsEvaluated.put(vm, hostsFitting(evaluated.get(vm)));
        });
  }

  @Test
  void runningVmsAreEvaluatedWithTheirReportedVectorsMinusTheRunningOnlyIds() {
    long changed =
        summary.keySet().stream().filter(vm -> !evaluated.get(vm).equals(reported.get(vm))).count();
    assertThat(changed).as("running VMs that report a running-only id").isPositive();
    // Off VMs report only what the catalog keeps for them: the what-if makes running VMs like them.
    summary.forEach(
        (vm, r) -> {
          if (!r.isNullAt(1) && r.getInt(1) == VmState.OFF.enabledState()) {
            assertThat(reported.get(vm)).as("off VM %s", vm).isEqualTo(evaluated.get(vm));
            for (int i = 0; i < reported.get(vm).size(); i++) {
              assertThat(reported.get(vm).vectorId(i)).isIn(0x1, 0x10);
            }
          }
        });

    // VMs share a class exactly when their evaluated vectors are equal ...
    Map<Integer, VectorSet> setOfClass = new TreeMap<>();
    Map<VectorSet, Integer> classOfSet = new HashMap<>();
    for (Row r :
        SampleFleet.rows(
            spark, run.outDir(), ResultTable.VM_CLASSES.tableName(), "vm_id", "vm_class")) {
      VectorSet vectors = evaluated.get(r.getString(0));
      assertThat(setOfClass.computeIfAbsent(r.getInt(1), c -> vectors))
          .as("vectors of %s, class %d", r.getString(0), r.getInt(1))
          .isEqualTo(vectors);
      assertThat(classOfSet.computeIfAbsent(vectors, s -> r.getInt(1)))
          .as("class of %s", r.getString(0))
          .isEqualTo(r.getInt(1));
    }
    // ... and each class fits exactly the host classes its evaluated vectors pass on.
    Map<String, Integer> hostClass = new HashMap<>();
    for (Row r :
        SampleFleet.rows(
            spark, run.outDir(), ResultTable.HOST_CLASSES.tableName(), "host_id", "host_class")) {
      hostClass.put(r.getString(0), r.getInt(1));
    }
    Map<Integer, Set<Integer>> matrix = new TreeMap<>();
    for (Row r :
        SampleFleet.rows(
            spark, run.outDir(), ResultTable.CLASS_MATRIX.tableName(), "vm_class", "host_class")) {
      matrix.computeIfAbsent(r.getInt(0), c -> new TreeSet<>()).add(r.getInt(1));
    }
    setOfClass.forEach(
        (vmClass, vectors) -> {
          Set<Integer> expected = new TreeSet<>();
          BitSet fits = hostsFitting(vectors);
          fits.stream().forEach(h -> expected.add(hostClass.get(hostIds.get(h))));
          assertThat(matrix.getOrDefault(vmClass, Set.of()))
              .as("host classes of VM class %d", vmClass)
              .isEqualTo(expected);
        });
  }

  @Test
  void compatibleHostsOnlyGrowAndStayTheSameForVmsThatAreNotRunning() {
    long grew = 0;
    for (Row r : summary.values()) {
      String vm = r.getString(0);
      long hosts = r.getLong(3);
      long asReported = r.getLong(4);
      assertThat(hosts).as("compatible_hosts of %s", vm).isGreaterThanOrEqualTo(asReported);
      if (r.isNullAt(1) || r.getInt(1) != RUNNING) {
        assertThat(hosts).as("compatible_hosts of %s, not running", vm).isEqualTo(asReported);
      }
      assertThat(hosts)
          .as("what-if hosts of %s", vm)
          .isEqualTo(fitsEvaluated.get(vm).cardinality());
      assertThat(asReported)
          .as("as-reported hosts of %s", vm)
          .isEqualTo(fitsReported.get(vm).cardinality());
      String current = r.isNullAt(2) ? null : r.getString(2);
      assertThat(r.getBoolean(5))
          .as("stranded %s", vm)
          .isEqualTo(!fitsAnotherHost(fitsEvaluated.get(vm), current));
      assertThat(r.getBoolean(6))
          .as("stranded_as_reported %s", vm)
          .isEqualTo(!fitsAnotherHost(fitsReported.get(vm), current));
      grew += hosts > asReported ? 1 : 0;
    }
    assertThat(grew).isPositive();
  }

  @Test
  void theManifestGainsRecountFromTheTablesAndFromTheVectors() {
    Map<String, Row> evacuation =
        SampleFleet.byId(
            spark,
            run.outDir(),
            ResultTable.HOST_EVACUATION.tableName(),
            "host_id",
            "evacuable",
            "evacuable_as_reported",
            "unevaluated_vm_ids");
    Map<String, List<String>> vmsOnHost = new TreeMap<>();
    summary.forEach(
        (vm, r) -> {
          if (!r.isNullAt(2)) {
            vmsOnHost.computeIfAbsent(r.getString(2), h -> new ArrayList<>()).add(vm);
          }
        });
    long newlyEvacuable = 0;
    for (Row r : evacuation.values()) {
      List<String> vms = vmsOnHost.getOrDefault(r.getString(0), List.of());
      boolean evacuable =
          vms.stream().allMatch(vm -> fitsAnotherHost(fitsEvaluated.get(vm), r.getString(0)));
      boolean evacuableAsReported =
          vms.stream().allMatch(vm -> fitsAnotherHost(fitsReported.get(vm), r.getString(0)));
      // A host running a quarantined VM has an unknown drain unless an evaluated VM blocks it.
      boolean unknown = !r.<String>getList(3).isEmpty();
      assertThat((Boolean) r.get(1))
          .as("evacuable %s", r.getString(0))
          .isEqualTo(!evacuable ? Boolean.FALSE : unknown ? null : Boolean.TRUE);
      assertThat((Boolean) r.get(2))
          .as("evacuable_as_reported %s", r.getString(0))
          .isEqualTo(!evacuableAsReported ? Boolean.FALSE : unknown ? null : Boolean.TRUE);
      newlyEvacuable += evacuable && !unknown && !evacuableAsReported ? 1 : 0;
    }

    long gaining = 0;
    long noLongerStranded = 0;
    long pairs = 0;
    long pairsAsReported = 0;
    for (Row r : summary.values()) {
      gaining += r.getLong(3) > r.getLong(4) ? 1 : 0;
      noLongerStranded += r.getBoolean(6) && !r.getBoolean(5) ? 1 : 0;
      pairs += r.getLong(3);
      pairsAsReported += r.getLong(4);
    }
    long stopped =
        summary.keySet().stream().filter(vm -> !evaluated.get(vm).equals(reported.get(vm))).count();
    long independentGain =
        summary.keySet().stream()
            .mapToLong(
                vm -> fitsEvaluated.get(vm).cardinality() - fitsReported.get(vm).cardinality())
            .sum();

    Map<String, Long> whatIf = ManifestMaps.of(run.manifest().whatIf());
    assertThat(whatIf)
        .containsOnlyKeys(
            "running_vms_with_vectors_dropped",
            "vms_gaining_hosts",
            "vms_no_longer_stranded",
            "compatible_pairs_gained",
            "hosts_newly_evacuable")
        .containsEntry("running_vms_with_vectors_dropped", stopped)
        .containsEntry("vms_gaining_hosts", gaining)
        .containsEntry("vms_no_longer_stranded", noLongerStranded)
        .containsEntry("compatible_pairs_gained", pairs - pairsAsReported)
        .containsEntry("compatible_pairs_gained", independentGain)
        .containsEntry("hosts_newly_evacuable", newlyEvacuable);
    assertThat(run.manifest().fleet().compatiblePairs()).isEqualTo(pairs);
    assertThat(run.manifest().options().assumeStopped()).isTrue();
    assertThat(gaining).isPositive();
  }

  /** {@code vm} as a stopped VM needs it, by the catalog's entries; other states keep it all. */
  private static VectorSet withoutRunningOnlyIds(VectorSet vm, Integer enabledState) {
    if (enabledState == null || enabledState != RUNNING) {
      return vm;
    }
    VectorSet.Builder kept = VectorSet.builder();
    for (int i = 0; i < vm.size(); i++) {
      int id = vm.vectorId(i);
      boolean runningOnly =
          catalog.entries().stream()
              .anyMatch(e -> e.covers(id) && !e.appliesTo().contains(VmState.OFF));
      if (!runningOnly) {
        kept.add(id, vm.operation(i), vm.value(i));
      }
    }
    return kept.build();
  }

  private static BitSet hostsFitting(VectorSet vm) {
    BitSet fits = new BitSet(hostIds.size());
    for (int h = 0; h < hostIds.size(); h++) {
      if (PairCheck.isCompatible(vm, hostVectors.get(hostIds.get(h)))) {
        fits.set(h);
      }
    }
    return fits;
  }

  private static boolean fitsAnotherHost(BitSet fits, String current) {
    return fits.stream().anyMatch(h -> !hostIds.get(h).equals(current));
  }
}
