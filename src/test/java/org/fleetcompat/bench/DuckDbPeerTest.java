package org.fleetcompat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.fleetcompat.io.IntEncoding;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.ValueEncoding;
import org.fleetcompat.io.WriteOptions;
import org.fleetcompat.reference.NestedLoopReference;
import org.fleetcompat.reference.NestedLoopReference.Pair;
import org.fleetcompat.reference.NestedLoopReference.RefVector;
import org.fleetcompat.reference.RandomFleet;
import org.fleetcompat.reference.SnapshotFileReader;
import org.fleetcompat.reference.SnapshotRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DuckDB peer must be right before it is fast: on seeded random fleets of every shape (dense,
 * sparse, all distinct, empty; values at and above 2^63, every operation, missing vectors,
 * operation mismatches, zero operands, exact duplicate rows) written with {@link
 * SnapshotTableWriter} in every physical encoding, its {@code compatible_pairs} equal {@link
 * NestedLoopReference}'s pair for pair, and its per-VM host counts equal the reference's. A failure
 * names its seed, shape and encoding.
 */
class DuckDbPeerTest {
  private static final BigInteger TWO_TO_63 = BigInteger.ONE.shiftLeft(63);

  @TempDir Path tmp;

  static Stream<Arguments> fleets() {
    WriteOptions unsignedDict = WriteOptions.defaults();
    WriteOptions signedPlain =
        WriteOptions.defaults()
            .withValue(ValueEncoding.SIGNED_INT64)
            .withoutDictionaryEncoding()
            .withOperation(IntEncoding.INT64);
    WriteOptions signedDictParts =
        WriteOptions.defaults().withValue(ValueEncoding.SIGNED_INT64).withRowsPerFile(300);
    WriteOptions decimalParts =
        WriteOptions.defaults()
            .withValue(ValueEncoding.DECIMAL_20_0)
            .withVectorId(IntEncoding.INT32)
            .withRowsPerFile(500);
    List<WriteOptions> encodings =
        List.of(unsignedDict, signedPlain, signedDictParts, decimalParts);
    List<Arguments> cases = new ArrayList<>();
    long seed = 900;
    for (RandomFleet.Shape shape : RandomFleet.Shape.values()) {
      for (WriteOptions options : encodings) {
        for (int i = 0; i < 2; i++) {
          int vms = shape == RandomFleet.Shape.ALL_DISTINCT ? 150 : 300;
          cases.add(Arguments.of(seed++, shape, vms, 40, options));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "seed {0} {1} {2}x{3} {4}")
  @MethodSource("fleets")
  void pairsAndHostCountsEqualTheNestedLoop(
      long seed, RandomFleet.Shape shape, int vmCount, int hostCount, WriteOptions options)
      throws SQLException {
    RandomFleet fleet = RandomFleet.generate(seed, shape, vmCount, hostCount);
    Map<String, List<RefVector>> vms = withVectors(fleet.vms());
    Map<String, List<RefVector>> hosts = withVectors(fleet.hosts());
    Path snapshot = tmp.resolve("snapshot");
    SnapshotTableWriter.writeVectors(
        snapshot, SnapshotTable.VM_VECTORS, SnapshotRows.of(vms, true), options);
    SnapshotTableWriter.writeVectors(
        snapshot, SnapshotTable.HOST_VECTORS, SnapshotRows.of(hosts, false), options);
    Set<Pair> expected = NestedLoopReference.compatiblePairs(vms, hosts);
    String what = "seed " + seed + " " + shape + " " + options;

    try (Connection db = DuckDbPeer.connect(2)) {
      DuckDbPeer.Result pairs =
          DuckDbPeer.run(db, snapshot, tmp.resolve("out"), DuckDbPeer.Output.COMPATIBLE_PAIRS);
      assertThat(readPairs(db, tmp.resolve("out/compatible_pairs")))
          .as(what + ": peer pairs vs nested loop")
          .isEqualTo(expected);
      assertThat(pairs.compatiblePairs()).as(what + ": pair count").isEqualTo(expected.size());
      assertThat(pairs.vms()).as(what + ": VMs").isEqualTo(vms.size());
      assertThat(pairs.hosts()).as(what + ": hosts").isEqualTo(hosts.size());

      DuckDbPeer.Result counts =
          DuckDbPeer.run(db, snapshot, tmp.resolve("out"), DuckDbPeer.Output.VM_COMPATIBLE_HOSTS);
      assertThat(readHostCounts(db, tmp.resolve("out/vm_summary")))
          .as(what + ": peer host counts vs nested loop")
          .isEqualTo(hostCounts(vms.keySet(), expected));
      assertThat(counts.compatiblePairs()).isEqualTo(expected.size());
    }
  }

  /** The fleets above exercise what the peer must get right, or the comparison proves little. */
  @Test
  void theFleetsCoverEveryOperationAndValuesAtAndAbove2To63() {
    Set<Integer> vmOps = new TreeSet<>();
    boolean vmHigh = false;
    boolean hostHigh = false;
    long pairs = 0;
    for (Arguments a : fleets().toList()) {
      Object[] args = a.get();
      RandomFleet fleet =
          RandomFleet.generate(
              (long) args[0], (RandomFleet.Shape) args[1], (int) args[2], (int) args[3]);
      for (List<RefVector> v : fleet.vms().values()) {
        for (RefVector r : v) {
          vmOps.add(r.op());
          vmHigh |= r.value().compareTo(TWO_TO_63) >= 0;
        }
      }
      for (List<RefVector> h : fleet.hosts().values()) {
        hostHigh |= h.stream().anyMatch(r -> r.value().compareTo(TWO_TO_63) >= 0);
      }
      pairs += NestedLoopReference.compatiblePairs(fleet.vms(), fleet.hosts()).size();
    }
    assertThat(vmOps).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(vmHigh).isTrue();
    assertThat(hostHigh).isTrue();
    assertThat(pairs).isPositive();
  }

  /** The benchmark's own fleet, read back with parquet-hadoop: the peer agrees with the loop. */
  @Test
  void benchFleetPairsEqualTheNestedLoop() throws SQLException {
    BenchShape shape = new BenchShape(300, 40, 12, 30, 8);
    Path snapshot = tmp.resolve("bench-fleet");
    BenchFleetWriter.write(shape, snapshot);
    assertThat(BenchFiles.tableFiles(snapshot, "vm_vectors")).hasSize(4);
    Map<String, List<RefVector>> vms = refSide(SnapshotFileReader.readVmVectors(snapshot));
    Map<String, List<RefVector>> hosts = refSide(SnapshotFileReader.readHostVectors(snapshot));
    assertThat(vms).hasSize(300);
    Set<Pair> expected = NestedLoopReference.compatiblePairs(vms, hosts);
    double share = expected.size() / (double) shape.pairs();
    assertThat(share).as("about a third of pairs compatible").isBetween(0.15, 0.5);
    try (Connection db = DuckDbPeer.connect(0)) {
      DuckDbPeer.Result r =
          DuckDbPeer.run(db, snapshot, tmp.resolve("out"), DuckDbPeer.Output.COMPATIBLE_PAIRS);
      assertThat(readPairs(db, tmp.resolve("out/compatible_pairs"))).isEqualTo(expected);
      assertThat(r.vmClasses()).isEqualTo(30);
      assertThat(r.hostClasses()).isEqualTo(8);
    }
  }

  /**
   * {@code NAME.parquet/} directories (Spark's {@code write.parquet("NAME.parquet")}) and wide
   * decimals.
   */
  @Test
  void readsParquetNamedDirectoriesAndAnyWholeDecimal() throws Exception {
    Path snapshot = tmp.resolve("snapshot");
    Path vmDir = snapshot.resolve("vm_vectors.parquet");
    Path hostDir = snapshot.resolve("host_vectors.parquet");
    java.nio.file.Files.createDirectories(vmDir);
    java.nio.file.Files.createDirectories(hostDir);
    try (Connection db = DuckDbPeer.connect(1)) {
      // vm-a needs host value >= 2^64-2 (LessThanOrEqual): only h-big has it.
      execute(
          db,
          "COPY (SELECT * FROM (VALUES ('vm-a', 7::BIGINT, 7, CAST(18446744073709551614 AS"
              + " DECIMAL(38,0))), ('vm-b', 7::BIGINT, 7, CAST(1 AS DECIMAL(38,0)))) t(vm_id,"
              + " vector_id, compare_operation, compatibility_info)) TO '"
              + vmDir.resolve("part-0.parquet")
              + "' (FORMAT parquet)");
      execute(
          db,
          "COPY (SELECT * FROM (VALUES ('h-big', 7::BIGINT, 7, -1::BIGINT), ('h-small', 7::BIGINT,"
              + " 7, 5::BIGINT)) t(host_id, vector_id, compare_operation, compatibility_info)) TO '"
              + hostDir.resolve("part-0.parquet")
              + "' (FORMAT parquet)");
      DuckDbPeer.run(db, snapshot, tmp.resolve("out"), DuckDbPeer.Output.COMPATIBLE_PAIRS);
      assertThat(readPairs(db, tmp.resolve("out/compatible_pairs")))
          .containsExactly(
              new Pair("vm-a", "h-big"), new Pair("vm-b", "h-big"), new Pair("vm-b", "h-small"));
    }
  }

  @Test
  void ownProcessEntryWritesPairsAndPrintsOneLine() {
    RandomFleet fleet = RandomFleet.generate(77, RandomFleet.Shape.DENSE, 50, 10);
    Path snapshot = tmp.resolve("snapshot");
    Map<String, List<RefVector>> vms = withVectors(fleet.vms());
    Map<String, List<RefVector>> hosts = withVectors(fleet.hosts());
    SnapshotTableWriter.writeVectors(
        snapshot, SnapshotTable.VM_VECTORS, SnapshotRows.of(vms, false), WriteOptions.defaults());
    SnapshotTableWriter.writeVectors(
        snapshot,
        SnapshotTable.HOST_VECTORS,
        SnapshotRows.of(hosts, false),
        WriteOptions.defaults());
    Outcome ok =
        runMain(
            "--snapshot",
            snapshot.toString(),
            "--out",
            tmp.resolve("out").toString(),
            "--pairs",
            "--threads",
            "1");
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out().lines())
        .singleElement()
        .asString()
        .contains(
            "duckdb-peer: ",
            String.format(
                "%,d compatible pairs", NestedLoopReference.compatiblePairs(vms, hosts).size()));
  }

  @Test
  void wrongCommandLinesAreOneLineErrors() {
    Outcome noOut = runMain("--snapshot", "x");
    assertThat(noOut.exit()).isEqualTo(2);
    assertThat(noOut.err().strip())
        .isEqualTo(
            "duckdb-peer: --snapshot and --out are required; usage: DuckDbPeer --snapshot DIR"
                + " --out DIR [--pairs] [--threads N]");
    Outcome threads = runMain("--snapshot", "x", "--out", "y", "--threads", "-5");
    assertThat(threads.exit()).isEqualTo(2);
    assertThat(threads.err())
        .startsWith("duckdb-peer: --threads must be a positive whole number, not -5;");
    Outcome missing = runMain("--snapshot", tmp.resolve("none").toString(), "--out", "y");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err().lines())
        .singleElement()
        .asString()
        .startsWith("duckdb-peer: error: Cannot find vm_vectors in snapshot ")
        .endsWith("expected vm_vectors.parquet or a directory vm_vectors/ of Parquet files");
  }

  @Test
  void aMissingColumnNamesTheTableAndTheColumn() throws SQLException {
    Path snapshot = tmp.resolve("snapshot");
    try (Connection db = DuckDbPeer.connect(1)) {
      Path vmDir = snapshot.resolve("vm_vectors");
      Path hostDir = snapshot.resolve("host_vectors");
      java.nio.file.Files.createDirectories(vmDir);
      java.nio.file.Files.createDirectories(hostDir);
      execute(
          db,
          "COPY (SELECT 'vm-1' AS vm_id, 1::BIGINT AS vector_id, 0 AS compare_operation) TO '"
              + vmDir.resolve("a.parquet")
              + "' (FORMAT parquet)");
      execute(
          db,
          "COPY (SELECT 'h-1' AS host_id, 1::BIGINT AS vector_id, 0 AS compare_operation,"
              + " 'x' AS compatibility_info) TO '"
              + hostDir.resolve("a.parquet")
              + "' (FORMAT parquet)");
      assertThatThrownBy(
              () ->
                  DuckDbPeer.run(
                      db, snapshot, tmp.resolve("out"), DuckDbPeer.Output.COMPATIBLE_PAIRS))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Cannot read vm_vectors in ")
          .hasMessageContaining("no column compatibility_info");
      execute(
          db,
          "COPY (SELECT 'vm-1' AS vm_id, 1::BIGINT AS vector_id, 0 AS compare_operation,"
              + " 1::UBIGINT AS compatibility_info) TO '"
              + vmDir.resolve("a.parquet")
              + "' (FORMAT parquet)");
      assertThatThrownBy(
              () ->
                  DuckDbPeer.run(
                      db, snapshot, tmp.resolve("out"), DuckDbPeer.Output.COMPATIBLE_PAIRS))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageEndingWith(
              "column compatibility_info is VARCHAR, expected INT64, UINT_64 or DECIMAL(20,0)");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private record Outcome(int exit, String out, String err) {}

  private static Outcome runMain(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        DuckDbPeer.runMain(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Set<Pair> readPairs(Connection db, Path dir) throws SQLException {
    Set<Pair> pairs = new TreeSet<>();
    try (Statement s = db.createStatement();
        ResultSet r =
            s.executeQuery("SELECT vm_id, host_id FROM read_parquet('" + dir + "/*.parquet')")) {
      while (r.next()) {
        assertThat(pairs.add(new Pair(r.getString(1), r.getString(2))))
            .as("no pair written twice")
            .isTrue();
      }
    }
    return pairs;
  }

  private static Map<String, Long> readHostCounts(Connection db, Path dir) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Statement s = db.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT vm_id, compatible_hosts FROM read_parquet('" + dir + "/*.parquet')")) {
      while (r.next()) {
        counts.put(r.getString(1), r.getLong(2));
      }
    }
    return counts;
  }

  private static Map<String, Long> hostCounts(Set<String> vms, Set<Pair> pairs) {
    Map<String, Long> counts = new TreeMap<>();
    vms.forEach(vm -> counts.put(vm, 0L));
    pairs.forEach(p -> counts.merge(p.vmId(), 1L, Long::sum));
    return counts;
  }

  private static void execute(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  /** Systems with no vector have no rows in a snapshot, so they do not exist there. */
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

  private static Map<String, List<RefVector>> refSide(List<SnapshotFileReader.RawVectorRow> rows) {
    Map<String, List<RefVector>> side = new LinkedHashMap<>();
    for (SnapshotFileReader.RawVectorRow r : rows) {
      side.computeIfAbsent(r.systemId(), k -> new ArrayList<>())
          .add(new RefVector(r.vectorId().longValueExact(), r.op().intValueExact(), r.value()));
    }
    return side;
  }
}
