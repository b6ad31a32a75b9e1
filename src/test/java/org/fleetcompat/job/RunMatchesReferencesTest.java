package org.fleetcompat.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.io.HostRow;
import org.fleetcompat.io.IntEncoding;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.ValueEncoding;
import org.fleetcompat.io.VmRow;
import org.fleetcompat.io.WriteOptions;
import org.fleetcompat.reference.FeasibilityReference;
import org.fleetcompat.reference.NestedLoopReference;
import org.fleetcompat.reference.NestedLoopReference.Pair;
import org.fleetcompat.reference.NestedLoopReference.RefVector;
import org.fleetcompat.reference.RandomAttributes;
import org.fleetcompat.reference.RandomFleet;
import org.fleetcompat.reference.SnapshotRows;
import org.fleetcompat.reference.SparkSqlReference;
import org.fleetcompat.spark.SparkTestSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code run --pairs} on both runners must give the same result, byte for byte ({@link
 * SameResults}), and exactly the pairs of both references (the nested loop and the naive Spark SQL
 * join) on seeded random fleets written in every physical encoding, and exactly the pool, baseline,
 * feasibility and blocker tables and the manifest's feasibility counts of {@link
 * FeasibilityReference}; most fleets come with random {@code vms} and {@code hosts} tables ({@link
 * RandomAttributes}), some without. A failure names its seed, shape and encoding, and the first
 * differing row.
 */
class RunMatchesReferencesTest {
  private static final String WITH_ATTRIBUTES = "with vms and hosts";
  private static final String VECTORS_ONLY = "vectors only";

  private final SparkSession spark = SparkTestSession.get();

  @TempDir Path tmp;

  static Stream<Arguments> fleets() {
    WriteOptions unsignedDict = WriteOptions.defaults();
    WriteOptions signedPlain =
        WriteOptions.defaults()
            .withValue(ValueEncoding.SIGNED_INT64)
            .withoutDictionaryEncoding()
            .withOperation(IntEncoding.INT64);
    WriteOptions decimalParts =
        WriteOptions.defaults()
            .withValue(ValueEncoding.DECIMAL_20_0)
            .withVectorId(IntEncoding.INT32)
            .withRowsPerFile(500);
    return Stream.of(
        Arguments.of(11L, RandomFleet.Shape.DENSE, 300, 40, unsignedDict, WITH_ATTRIBUTES),
        Arguments.of(12L, RandomFleet.Shape.SPARSE, 300, 40, signedPlain, WITH_ATTRIBUTES),
        Arguments.of(13L, RandomFleet.Shape.ALL_DISTINCT, 200, 60, decimalParts, WITH_ATTRIBUTES),
        Arguments.of(14L, RandomFleet.Shape.DENSE, 200, 30, decimalParts, VECTORS_ONLY),
        Arguments.of(15L, RandomFleet.Shape.ALL_DISTINCT, 150, 50, unsignedDict, WITH_ATTRIBUTES),
        Arguments.of(16L, RandomFleet.Shape.EMPTY, 50, 20, unsignedDict, WITH_ATTRIBUTES),
        Arguments.of(22L, RandomFleet.Shape.EMPTY, 50, 20, signedPlain, WITH_ATTRIBUTES));
  }

  @ParameterizedTest(name = "seed {0} {1} {2}x{3} {4} {5}")
  @MethodSource("fleets")
  void runEqualsBothReferences(
      long seed,
      RandomFleet.Shape shape,
      int vms,
      int hosts,
      WriteOptions options,
      String attributeTables) {
    RandomFleet fleet = RandomFleet.generate(seed, shape, vms, hosts);
    Path snapshot = tmp.resolve("snapshot");
    Map<String, List<RefVector>> vmSide = withVectors(fleet.vms());
    Map<String, List<RefVector>> hostSide = withVectors(fleet.hosts());
    SnapshotTableWriter.writeVectors(
        snapshot, SnapshotTable.VM_VECTORS, SnapshotRows.of(vmSide, true), options);
    SnapshotTableWriter.writeVectors(
        snapshot, SnapshotTable.HOST_VECTORS, SnapshotRows.of(hostSide, false), options);
    RandomAttributes attributes = new RandomAttributes(Map.of(), Map.of());
    if (attributeTables.equals(WITH_ATTRIBUTES)) {
      attributes = RandomAttributes.generate(seed, vmSide, hostSide);
      writeAttributes(snapshot, attributes);
    }

    RunResult result =
        RunnerKind.LOCAL.run(
            new RunOptions(snapshot.toString(), tmp.resolve("out-local").toString(), true));
    RunResult onSpark =
        RunnerKind.SPARK.run(
            new RunOptions(snapshot.toString(), tmp.resolve("out-spark").toString(), true));
    String what = "seed " + seed + " " + shape + " " + options + " " + attributeTables;
    SameResults.assertSame(what + ": local vs Spark runner", result.outDir(), onSpark.outDir());

    Set<Pair> engine = new TreeSet<>();
    for (Row r : spark.read().parquet(result.outDir() + "/compatible_pairs").collectAsList()) {
      engine.add(new Pair(r.getString(0), r.getString(1)));
    }
    Set<Pair> nested = NestedLoopReference.compatiblePairs(vmSide, hostSide);
    assertThat(engine).as(what + ": run vs nested loop").isEqualTo(nested);
    assertThat(SparkSqlReference.compatiblePairs(spark, snapshot))
        .as(what + ": naive Spark SQL vs nested loop")
        .isEqualTo(nested);
    assertThat(result.manifest().fleet().compatiblePairs())
        .as(what + ": manifest pair count")
        .isEqualTo((long) nested.size());
    assertThat(result.manifest().inputs().values())
        .allMatch(t -> t.balanced() && t.rowsRejected() == 0);

    FeasibilityReference reference =
        FeasibilityReference.compute(
            vmSide, hostSide, attributes.vms(), attributes.clusterOfHost(), Map.of());
    assertThat(pairs(reference.compatibleHosts()))
        .as(what + ": FeasibilityReference's matrix vs nested loop")
        .isEqualTo(nested);
    assertThat(ManifestMaps.of(result.manifest().feasibility()))
        .as(what + ": manifest feasibility counts vs FeasibilityReference")
        .isEqualTo(reference.counts());
    Map<String, List<String>> engineTables = EngineFeasibilityTables.read(spark, result.outDir());
    FeasibilityCsv.render(reference)
        .forEach(
            (file, lines) ->
                SameLines.assertSame(
                    what + ": engine table vs FeasibilityReference, as " + file,
                    null,
                    lines,
                    engineTables.get(file),
                    line -> ""));
  }

  private static void writeAttributes(Path snapshot, RandomAttributes attributes) {
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
    attributes.clusterOfHost().forEach((id, cluster) -> hostRows.add(new HostRow(id, cluster)));
    SnapshotTableWriter.writeHosts(snapshot, hostRows);
  }

  private static Set<Pair> pairs(Map<String, List<String>> compatibleHosts) {
    Set<Pair> pairs = new TreeSet<>();
    compatibleHosts.forEach((vm, hosts) -> hosts.forEach(h -> pairs.add(new Pair(vm, h))));
    return pairs;
  }

  /** Systems with no vector have no rows in a snapshot, so they do not exist there. */
  private static Map<String, List<RefVector>> withVectors(Map<String, List<RefVector>> side) {
    Map<String, List<RefVector>> out = new java.util.LinkedHashMap<>();
    side.forEach(
        (id, vectors) -> {
          if (!vectors.isEmpty()) {
            out.put(id, vectors);
          }
        });
    return out;
  }
}
