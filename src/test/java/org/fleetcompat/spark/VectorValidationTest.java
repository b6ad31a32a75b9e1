package org.fleetcompat.spark;

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
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.io.IntEncoding;
import org.fleetcompat.io.RowAccounting;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotInspector;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.TableInput;
import org.fleetcompat.io.ValueEncoding;
import org.fleetcompat.io.VectorRow;
import org.fleetcompat.io.WriteOptions;
import org.fleetcompat.reference.ReferenceValidation;
import org.fleetcompat.reference.SnapshotFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link VectorValidation} against the test tree's independent {@link ReferenceValidation} on
 * seeded random tables holding every row fault, exact duplicates, conflicts and both together, plus
 * the cases that decide a system on one row. A failure names its seed.
 */
class VectorValidationTest {
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
  private static final long[] IDS = {0, 1, 0x10, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL};

  private final SparkSession spark = SparkTestSession.get();

  @TempDir Path tmp;

  static Stream<Arguments> tables() {
    WriteOptions decimalParts =
        WriteOptions.defaults()
            .withValue(ValueEncoding.DECIMAL_20_0)
            .withOperation(IntEncoding.INT64)
            .withRowsPerFile(150);
    return Stream.of(
        Arguments.of(21L, decimalParts),
        Arguments.of(22L, WriteOptions.defaults()),
        Arguments.of(23L, decimalParts),
        Arguments.of(24L, WriteOptions.defaults().withValue(ValueEncoding.SIGNED_INT64)));
  }

  @ParameterizedTest(name = "seed {0} {1}")
  @MethodSource("tables")
  void decisionsEqualTheReferenceOnRandomRowsWithEveryFault(long seed, WriteOptions options) {
    List<VectorRow> rows = randomRows(seed, options.value() == ValueEncoding.DECIMAL_20_0);
    Path snapshot = snapshot(rows, options);
    ReferenceValidation.VectorTable expected =
        ReferenceValidation.validateVectors(
            "vm_vectors", SnapshotFileReader.readVmVectors(snapshot));

    ValidatedTable actual = validate(snapshot);
    try {
      String what = "seed " + seed + " " + options;
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
              actual.rejected().collectAsList().stream()
                  .map(r -> r.getAs("system_id") + " " + fileName(r.getAs("file")))
                  .sorted()
                  .toList())
          .as(what + ": the file of each rejected row")
          .isEqualTo(files.stream().sorted().toList());
    } finally {
      actual.release();
    }
  }

  @Test
  void aDuplicateBesideAConflictAndASingleValueVariantQuarantineTheirSystems() {
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

    ValidatedTable v = validate(snapshot(rows, WriteOptions.defaults()));
    try {
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
              v.rejected()
                  .filter("system_id = 'one-variant' AND reason = 'SYSTEM_QUARANTINED'")
                  .select("message")
                  .distinct()
                  .collectAsList())
          .extracting(r -> r.getString(0))
          .containsExactly(
              "quarantined with its system one-variant (CONFLICTING_DUPLICATE: vector_id 0x7"
                  + " appears with different compare_operation or compatibility_info values)");
      assertThat(v.accounting()).isEqualTo(new RowAccounting(18, 2, 15, 1));
      assertThat(statuses(v))
          .isEqualTo(Map.of("clean", true, "dup-and-conflict", false, "one-variant", false));
    } finally {
      v.release();
    }
  }

  @Test
  void systemsWhoseIdsShareAHashAreToldApart() {
    // Columns: system_id, vector_id, compare_operation, value, faulty, system_hash.
    List<Row> sorted =
        List.of(
            RowFactory.create("a", 1L, 2L, 3L, false, 7L),
            RowFactory.create("b", 1L, 2L, 4L, false, 7L),
            RowFactory.create(null, null, null, null, true, 7L),
            RowFactory.create("a", 1L, 2L, 3L, false, 7L),
            RowFactory.create("b", null, null, null, true, 7L),
            RowFactory.create("a", 0L, 0L, -1L, false, 7L),
            RowFactory.create("c", 9L, 9L, 9L, false, 8L));

    Map<String, String> decisions = new TreeMap<>();
    new SystemDecisions(sorted.iterator())
        .forEachRemaining(
            d ->
                decisions.put(
                    String.valueOf(d.getString(1)),
                    d.getBoolean(0)
                        ? "kept " + d.getList(2) + " duplicates " + d.getLong(3)
                        : "rejected " + d.getLong(4) + " rows"));

    assertThat(decisions)
        .containsExactly(
            Map.entry("a", "kept [[0,0,-1], [1,2,3]] duplicates 1"),
            Map.entry("b", "rejected 2 rows"),
            Map.entry("c", "kept [[9,9,9]] duplicates 0"),
            Map.entry("null", "rejected 1 rows"));
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

  private ValidatedTable validate(Path snapshot) {
    SnapshotInputs inputs =
        SnapshotInspector.inspect(snapshot.toString(), spark.sparkContext().hadoopConfiguration());
    TableInput input = inputs.required(SnapshotTable.VM_VECTORS);
    return VectorValidation.validate(spark, VectorTableLoader.load(spark, input), input);
  }

  /** Accepted systems as "vector_id operation value" lines, the value unsigned. */
  private static Map<String, List<String>> accepted(ValidatedTable v) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Row r : v.accepted().collectAsList()) {
      List<String> vectors = new ArrayList<>();
      for (Row vector : r.<Row>getList(1)) {
        vectors.add(
            vector.getLong(0)
                + " "
                + vector.getLong(1)
                + " "
                + Long.toUnsignedString(vector.getLong(2)));
      }
      out.put(r.getString(0), vectors);
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

  private static List<String> rejected(ValidatedTable v) {
    return v.rejected().collectAsList().stream()
        .map(r -> r.getAs("table") + " " + r.getAs("system_id") + " " + r.getAs("reason"))
        .sorted()
        .toList();
  }

  private static Map<String, Boolean> statuses(ValidatedTable v) {
    Map<String, Boolean> out = new TreeMap<>();
    v.statuses().collectAsList().forEach(r -> out.put(r.getString(0), r.getBoolean(1)));
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
