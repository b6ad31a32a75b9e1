package org.fleetcompat.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotInspector;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.TableInput;
import org.fleetcompat.io.VectorRow;
import org.fleetcompat.io.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HostSide#of} numbers host classes on the driver exactly as {@link SystemClasses} numbers
 * them in Spark: by smallest member id in Spark's string order (UTF-8 bytes), which differs from
 * Java's {@code String} order (UTF-16) for characters beyond the basic plane.
 */
class HostSideTest {
  /** Fullwidth A, U+FF21: UTF-16 0xFF21, UTF-8 EF BC A1. */
  private static final String FULLWIDTH = "h-\uFF21";

  /** U+1F600: UTF-16 0xD83D 0xDE00 (before U+FF21), UTF-8 F0 9F 98 80 (after it). */
  private static final String EMOJI = "h-\uD83D\uDE00";

  private final SparkSession spark = SparkTestSession.get();

  @TempDir Path tmp;

  @Test
  void numbersClassesAsSparksDistributedNumberingDoes() {
    assertThat(EMOJI.compareTo(FULLWIDTH)).as("Java's order differs here").isNegative();
    Dataset<Row> hosts =
        accepted(
            List.of(
                VectorRow.of(EMOJI, 1, 2, 0b001),
                VectorRow.of(FULLWIDTH, 1, 2, 0b010),
                VectorRow.of("h-c", 1, 2, 0b100),
                VectorRow.of("h-a", 1, 2, 0b100)));

    HostSide side = HostSide.of(hosts);

    List<List<String>> expected =
        SystemClasses.of(hosts).classes().orderBy("class").collectAsList().stream()
            .map(r -> r.<String>getList(r.fieldIndex("member_ids")))
            .toList();
    assertThat(side.memberIds().stream().map(List::of).toList())
        .isEqualTo(expected)
        .containsExactly(List.of("h-a", "h-c"), List.of(FULLWIDTH), List.of(EMOJI));
  }

  /** The accepted rows of a validated host table, as the run gets them. */
  private Dataset<Row> accepted(List<VectorRow> hostRows) {
    SnapshotTableWriter.writeVectors(
        tmp, SnapshotTable.HOST_VECTORS, hostRows, WriteOptions.defaults());
    SnapshotTableWriter.writeVectors(
        tmp,
        SnapshotTable.VM_VECTORS,
        List.of(VectorRow.of("vm", 1, 2, 0)),
        WriteOptions.defaults());
    SnapshotInputs inputs =
        SnapshotInspector.inspect(tmp.toString(), spark.sparkContext().hadoopConfiguration());
    TableInput table = inputs.required(SnapshotTable.HOST_VECTORS);
    return VectorValidation.validate(spark, VectorTableLoader.load(spark, table), table).accepted();
  }
}
