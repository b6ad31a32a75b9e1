package org.fleetcompat.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.IntEncoding;
import org.fleetcompat.io.LocalStorage;
import org.fleetcompat.io.RejectReason;
import org.fleetcompat.io.Rejection;
import org.fleetcompat.io.RowAccounting;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotInspector;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.ValueEncoding;
import org.fleetcompat.io.VectorRow;
import org.fleetcompat.io.WriteOptions;
import org.fleetcompat.job.RunnerKind;
import org.fleetcompat.reference.ReferenceValidation;
import org.fleetcompat.reference.SnapshotFileReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validation stage ({@link BucketValidation}, through {@link ValidatedSnapshot} on both
 * runners) against the test tree's independent {@link ReferenceValidation} on seeded random tables
 * holding every row fault, exact duplicates, conflicts and both together, plus the cases that
 * decide a system on one row. A failure names its seed and runner.
 */
class ValidationStageTest {
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
  private static final long[] IDS = {0, 1, 0x10, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL};

  @TempDir Path tmp;

  static Stream<Arguments> tables() {
    WriteOptions decimalParts =
        WriteOptions.defaults()
            .withValue(ValueEncoding.DECIMAL_20_0)
            .withOperation(IntEncoding.INT64)
            .withRowsPerFile(150);
    List<Arguments> out = new ArrayList<>();
    for (RunnerKind runner : RunnerKind.values()) {
      out.add(Arguments.of(21L, decimalParts, runner));
      out.add(Arguments.of(22L, WriteOptions.defaults(), runner));
      out.add(Arguments.of(23L, decimalParts, runner));
      out.add(
          Arguments.of(24L, WriteOptions.defaults().withValue(ValueEncoding.SIGNED_INT64), runner));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "seed {0} {1} {2}")
  @MethodSource("tables")
  void decisionsEqualTheReferenceOnRandomRowsWithEveryFault(
      long seed, WriteOptions options, RunnerKind runner) {
    List<VectorRow> rows = randomRows(seed, options.value() == ValueEncoding.DECIMAL_20_0);
    Path snapshot = snapshot(rows, options);
    ReferenceValidation.VectorTable expected =
        ReferenceValidation.validateVectors(
            "vm_vectors", SnapshotFileReader.readVmVectors(snapshot));

    Validated actual = validate(snapshot, runner);
    {
      String what = "seed " + seed + " " + options + " " + runner;
      assertThat(accepted(actual)).as(what + ": accepted systems").isEqualTo(expected(expected));
      assertThat(rejected(actual))
          .as(what + ": rejected rows")
          .isEqualTo(
              expected.rejected().stream()
                  .map(r -> r.table() + " " + r.systemId() + " " + r.reason())
                  .sorted()
                  .toList());
      ReferenceValidation.Accounting e = expected.accounting();
      assertThat(actual.accounting())
          .as(what + ": accounting")
          .isEqualTo(
              new RowAccounting(
                  e.rowsRead(), e.rowsAccepted(), e.rowsRejected(), e.duplicatesCollapsed()));
      Map<String, Boolean> statuses = new TreeMap<>();
      expected.knownSystems().forEach(s -> statuses.put(s, expected.systems().containsKey(s)));
      assertThat(statuses(actual)).as(what + ": statuses").isEqualTo(statuses);
      List<String> files = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        String id = rows.get(i).systemId();
        if (id == null || !expected.systems().containsKey(id)) {
          files.add(id + " " + fileOfRow(i, options));
        }
      }
      assertThat(
              actual.rejections().stream()
                  .map(r -> r.systemId() + " " + fileName(r.file()))
                  .sorted()
                  .toList())
          .as(what + ": the file of each rejected row")
          .isEqualTo(files.stream().sorted().toList());
    }
  }

  @ParameterizedTest
  @EnumSource(RunnerKind.class)
  void aDuplicateBesideAConflictAndASingleValueVariantQuarantineTheirSystems(RunnerKind runner) {
    List<VectorRow> rows = new ArrayList<>();
    rows.add(VectorRow.of("dup-and-conflict", 1, 2, 0b11));
    rows.add(VectorRow.of("dup-and-conflict", 1, 2, 0b11));
    rows.add(VectorRow.of("dup-and-conflict", 2, 0, 5));
    rows.add(VectorRow.of("dup-and-conflict", 2, 0, 6));
    for (int id = 0; id < 10; id++) {
      rows.add(VectorRow.of("one-variant", id, 5, 0x0a00));
    }
    rows.add(VectorRow.of("one-variant", 7, 5, 0x0900));
    rows.add(VectorRow.of("clean", 0xffff_ffffL, 7, -1L));
    rows.add(VectorRow.of("clean", 1, 2, 3));
    rows.add(VectorRow.of("clean", 0xffff_ffffL, 7, -1L));
    Collections.shuffle(rows, new Random(5));

    Validated v = validate(snapshot(rows, WriteOptions.defaults()), runner);
    {
      assertThat(accepted(v))
          .isEqualTo(Map.of("clean", List.of("1 2 3", "4294967295 7 18446744073709551615")));
      List<String> rejected = rejected(v);
      assertThat(rejected.stream().filter(r -> r.contains("dup-and-conflict")))
          .containsExactly(
              "vm_vectors dup-and-conflict CONFLICTING_DUPLICATE",
              "vm_vectors dup-and-conflict CONFLICTING_DUPLICATE",
              "vm_vectors dup-and-conflict SYSTEM_QUARANTINED",
              "vm_vectors dup-and-conflict SYSTEM_QUARANTINED");
      assertThat(rejected.stream().filter(r -> r.endsWith("one-variant CONFLICTING_DUPLICATE")))
          .hasSize(2);
      assertThat(rejected.stream().filter(r -> r.endsWith("one-variant SYSTEM_QUARANTINED")))
          .hasSize(9);
      assertThat(
              v.rejections().stream()
                  .filter(
                      r ->
                          "one-variant".equals(r.systemId())
                              && r.reason() == RejectReason.SYSTEM_QUARANTINED)
                  .map(Rejection::message)
                  .distinct()
                  .toList())
          .containsExactly(
              "quarantined with its system one-variant (CONFLICTING_DUPLICATE: vector_id 0x7"
                  + " appears with different compare_operation or compatibility_info values)");
      assertThat(v.accounting()).isEqualTo(new RowAccounting(18, 2, 15, 1));
      assertThat(statuses(v))
          .isEqualTo(Map.of("clean", true, "dup-and-conflict", false, "one-variant", false));
    }
  }

  @ParameterizedTest
  @EnumSource(RunnerKind.class)
  void systemsWhoseIdsShareAHashAreToldApart(RunnerKind runner) {
    // "Aa" and "BB" have the same String.hashCode, so they always share a bucket.
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    List<VectorRow> rows = new ArrayList<>();
    rows.add(VectorRow.of("Aa", 1, 2, 3));
    rows.add(VectorRow.of("BB", 1, 2, 4));
    rows.add(new VectorRow(null, null, null, null));
    rows.add(VectorRow.of("Aa", 1, 2, 3));
    rows.add(new VectorRow("BB", null, 2L, BigInteger.ONE));
    rows.add(VectorRow.of("Aa", 0, 0, -1L));
    rows.add(VectorRow.of("c", 9, 9, 9));

    Validated v = validate(snapshot(rows, WriteOptions.defaults()), runner);

    assertThat(accepted(v))
        .isEqualTo(
            Map.of("Aa", List.of("0 0 18446744073709551615", "1 2 3"), "c", List.of("9 9 9")));
    assertThat(rejected(v))
        .containsExactly(
            "vm_vectors BB NULL_VECTOR_ID",
            "vm_vectors BB SYSTEM_QUARANTINED",
            "vm_vectors null NULL_SYSTEM_ID");
    assertThat(v.accounting()).isEqualTo(new RowAccounting(7, 3, 3, 1));
  }

  /** Where {@link SnapshotTableWriter} puts the {@code i}-th row of a table. */
  private static String fileOfRow(int i, WriteOptions options) {
    return options.rowsPerFile() == 0
        ? "vm_vectors.parquet"
        : String.format("part-%05d.parquet", i / options.rowsPerFile());
  }

  private static String fileName(String uri) {
    return uri.substring(uri.lastIndexOf('/') + 1);
  }

  private Path snapshot(List<VectorRow> vmRows, WriteOptions options) {
    Path dir = tmp.resolve("snapshot");
    SnapshotTableWriter.writeVectors(dir, SnapshotTable.VM_VECTORS, vmRows, options);
    SnapshotTableWriter.writeVectors(
        dir, SnapshotTable.HOST_VECTORS, List.of(VectorRow.of("h-1", 1, 2, 3)), options);
    return dir;
  }

  /**
   * What the stage decided for the VM side: the buckets' states on the driver and the accounting.
   *
   * @param buckets the VM side's buckets
   * @param accounting where the vm_vectors rows went
   */
  private record Validated(List<SideBucket> buckets, RowAccounting accounting) {
    List<Rejection> rejections() {
      List<Rejection> out = new ArrayList<>();
      buckets.forEach(b -> out.addAll(b.vectorRejections()));
      return out;
    }
  }

  private static Validated validate(Path snapshot, RunnerKind kind) {
    SnapshotInputs inputs = SnapshotInspector.inspect(LocalStorage.INSTANCE, snapshot.toString());
    try (Runner runner = kind.open();
        ValidatedSnapshot v =
            ValidatedSnapshot.validate(
                runner, LocalStorage.INSTANCE, inputs, VectorCatalog.empty(), false)) {
      List<SideBucket> buckets = runner.map(v.vmBuckets(), null, (b, s, c) -> s);
      return new Validated(buckets, v.accounting().get(SnapshotTable.VM_VECTORS));
    }
  }

  /** Accepted systems as "vector_id operation value" lines, the value unsigned. */
  private static Map<String, List<String>> accepted(Validated v) {
    Map<String, List<String>> out = new TreeMap<>();
    for (SideBucket b : v.buckets()) {
      for (int i = 0; i < b.systemCount(); i++) {
        VectorSet set = b.classes().vectors(b.classOf()[i]);
        List<String> vectors = new ArrayList<>();
        for (int k = 0; k < set.size(); k++) {
          vectors.add(
              Integer.toUnsignedLong(set.vectorId(k))
                  + " "
                  + set.operation(k).code()
                  + " "
                  + Long.toUnsignedString(set.value(k)));
        }
        out.put(b.systemIds()[i], vectors);
      }
    }
    return out;
  }

  private static Map<String, List<String>> expected(ReferenceValidation.VectorTable reference) {
    Map<String, List<String>> out = new TreeMap<>();
    reference
        .systems()
        .forEach(
            (id, vectors) ->
                out.put(
                    id,
                    vectors.stream()
                        .map(x -> x.vectorId() + " " + x.op() + " " + x.value())
                        .toList()));
    return out;
  }

  private static List<String> rejected(Validated v) {
    return v.rejections().stream()
        .map(r -> "vm_vectors " + r.systemId() + " " + r.reason())
        .sorted()
        .toList();
  }

  private static Map<String, Boolean> statuses(Validated v) {
    Map<String, Boolean> out = new TreeMap<>();
    v.rejections().stream()
        .filter(r -> r.systemId() != null)
        .forEach(r -> out.put(r.systemId(), false));
    accepted(v).keySet().forEach(id -> out.put(id, true));
    return out;
  }

  /**
   * About 150 systems: clean ones, ones with exact duplicates, a conflicting variant, a faulty row
   * of every kind (values outside 0..2^64-1 only where a decimal can hold them), and combinations;
   * plus rows without a system id. Shuffled, so a system's rows are spread over part files.
   */
  private static List<VectorRow> randomRows(long seed, boolean decimal) {
    Random rnd = new Random(seed);
    List<VectorRow> rows = new ArrayList<>();
    for (int s = 0; s < 150; s++) {
      String id = String.format("s-%03d", s);
      List<VectorRow> system = new ArrayList<>();
      int n = 1 + rnd.nextInt(10);
      for (int i = 0; i < n; i++) {
        long vectorId = rnd.nextBoolean() ? IDS[rnd.nextInt(IDS.length)] : rnd.nextInt(1 << 20);
        system.add(new VectorRow(id, vectorId, (long) rnd.nextInt(10), value(rnd)));
      }
      int kind = rnd.nextInt(8);
      if (kind == 1 || kind == 4 || kind == 6) {
        system.add(system.get(rnd.nextInt(system.size())));
      }
      if (kind == 2 || kind == 4 || kind == 7) {
        VectorRow r = system.get(rnd.nextInt(system.size()));
        system.add(
            rnd.nextBoolean()
                ? new VectorRow(id, r.vectorId(), (r.compareOperation() + 1) % 10, r.value())
                : new VectorRow(
                    id,
                    r.vectorId(),
                    r.compareOperation(),
                    r.value().add(BigInteger.ONE).mod(TWO_TO_64)));
      }
      if (kind >= 5) {
        system.add(faulty(id, rnd, decimal));
      }
      rows.addAll(system);
    }
    for (int i = 0; i < 4; i++) {
      rows.add(new VectorRow(null, 1L, 2L, value(rnd)));
    }
    rows.add(new VectorRow(null, null, 12L, null));
    Collections.shuffle(rows, rnd);
    return rows;
  }

  private static VectorRow faulty(String id, Random rnd, boolean decimal) {
    BigInteger v = value(rnd);
    return switch (rnd.nextInt(decimal ? 9 : 7)) {
      case 0 -> new VectorRow(id, null, 2L, v);
      case 1 -> new VectorRow(id, -1L, 2L, v);
      case 2 -> new VectorRow(id, 0x1_0000_0000L, 2L, v);
      case 3 -> new VectorRow(id, 1L, null, v);
      case 4 -> new VectorRow(id, 1L, 10L, v);
      case 5 -> new VectorRow(id, 1L, -1L, v);
      case 6 -> new VectorRow(id, 1L, 2L, null);
      case 7 -> new VectorRow(id, 1L, 2L, BigInteger.ONE.negate());
      default -> new VectorRow(id, 1L, 2L, TWO_TO_64);
    };
  }

  /** A value in 0..2^64-1, often at or above 2^63. */
  private static BigInteger value(Random rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> BigInteger.valueOf(rnd.nextInt(4));
      case 1 -> TWO_TO_64.subtract(BigInteger.ONE);
      default -> new BigInteger(64, rnd);
    };
  }
}
