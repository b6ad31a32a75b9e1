package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TableFileReader}: paths, column matching, streaming, files written by Spark, and what it
 * says about files it cannot read. Round trips of every table are in {@link
 * TableFileRoundTripTest}.
 */
class TableFileReaderTest {
  private static final Storage LOCAL = LocalStorage.INSTANCE;
  private static final List<ResultColumn> SUMMARY = ResultTable.VM_SUMMARY.columns(false);

  @TempDir(factory = TargetTempDir.class)
  Path tmp;

  /** {@code vm_summary/} with two part files of {@code rows} random rows each, and a _SUCCESS. */
  private Path summaryTable(int rows) throws IOException {
    Path dir = tmp.resolve("vm_summary");
    RandomResultRows random = new RandomResultRows(7);
    for (int p = 0; p < 2; p++) {
      TableFileWriter.write(
          LOCAL,
          dir.resolve("part-0000" + p + ".parquet").toString(),
          "vm_summary",
          SUMMARY,
          random.rows(SUMMARY, rows));
    }
    Files.writeString(dir.resolve("_SUCCESS"), "");
    Files.writeString(dir.resolve(".part-00000.parquet.crc"), "not parquet");
    return dir;
  }

  private static ResultColumn column(String name, ColumnType type, boolean nullable) {
    return new ResultColumn(name, type, nullable, ResultColumn.Presence.ALWAYS, "a column");
  }

  @Test
  void readsADirectoryFileByFileSkippingHiddenFilesOrOneFile() throws IOException {
    Path dir = summaryTable(5);
    List<Object[]> all = TableFileReader.readAll(LOCAL, dir.toString(), "vm_summary", SUMMARY);
    List<Object[]> first =
        TableFileReader.readAll(
            LOCAL, dir.resolve("part-00000.parquet").toString(), "vm_summary", SUMMARY);
    List<Object[]> second =
        TableFileReader.readAll(
            LOCAL, "file:" + dir.resolve("part-00001.parquet"), "vm_summary", SUMMARY);
    assertThat(all).hasSize(10);
    assertThat(Canonical.rows(all.subList(0, 5))).isEqualTo(Canonical.rows(first));
    assertThat(Canonical.rows(all.subList(5, 10))).isEqualTo(Canonical.rows(second));
  }

  @Test
  void streamsRowsInTheRequestedOrderOfAnySubsetOfColumns() throws IOException {
    Path dir = summaryTable(3);
    List<ResultColumn> subset = List.of(SUMMARY.get(8), SUMMARY.get(0));
    List<Object[]> all = TableFileReader.readAll(LOCAL, dir.toString(), "vm_summary", SUMMARY);
    try (TableFileReader r = TableFileReader.open(LOCAL, dir.toString(), "vm_summary", subset)) {
      assertThat(r.files())
          .containsExactly(
              dir.resolve("part-00000.parquet").toString(),
              dir.resolve("part-00001.parquet").toString());
      for (Object[] expected : all) {
        assertThat(r.hasNext()).isTrue();
        assertThat(r.next()).containsExactly(expected[8], expected[0]);
      }
      assertThat(r.hasNext()).isFalse();
      assertThatThrownBy(r::next)
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("vm_summary: no more rows");
    }
  }

  @Test
  void aDeclaredColumnTheFileLacksIsAnErrorNamingFileAndColumn() throws IOException {
    Path dir = summaryTable(2);
    List<ResultColumn> whatIf = ResultTable.VM_SUMMARY.columns(true);
    assertThatThrownBy(() -> TableFileReader.readAll(LOCAL, dir.toString(), "vm_summary", whatIf))
        .isInstanceOf(FleetcompatException.class)
        .hasMessage(
            "Cannot read result table vm_summary: file "
                + dir.resolve("part-00000.parquet")
                + " has no column compatible_hosts_as_reported (found columns: vm_id, vm_class,"
                + " enabled_state, current_host_id, compatible_hosts, compatible_pools,"
                + " other_compatible_hosts, current_host_ok, stranded); it was written with other"
                + " columns: read it with the declaration it was written with, or rewrite it")
        .satisfies(e -> assertStatus(e, ReturnCode.INVALID_PARAMETER));
  }

  @Test
  void aColumnOfAnotherTypeIsAnErrorNamingBothTypes() {
    String file = tmp.resolve("t.parquet").toString();
    TableFileWriter.write(
        LOCAL,
        file,
        "t",
        List.of(column("x", ColumnType.Scalar.INT, false)),
        List.<Object[]>of(new Object[] {1}));
    List<ResultColumn> asLong = List.of(column("x", ColumnType.Scalar.LONG, false));
    assertThatThrownBy(() -> TableFileReader.readAll(LOCAL, file, "t", asLong))
        .isInstanceOf(FleetcompatException.class)
        .hasMessage(
            "Cannot read result table t: column x in file "
                + file
                + " is required int32 x, expected required int64 x; rewrite the file with the"
                + " declared type")
        .satisfies(e -> assertStatus(e, ReturnCode.INCORRECT_DATA_TYPE));
  }

  @Test
  void aNullWhereTheDeclarationSaysNotNullableIsAnErrorNamingTheRow() {
    String file = tmp.resolve("t.parquet").toString();
    TableFileWriter.write(
        LOCAL,
        file,
        "t",
        List.of(column("x", ColumnType.Scalar.STRING, true)),
        Arrays.asList(new Object[] {"a"}, new Object[] {null}));
    List<ResultColumn> required = List.of(column("x", ColumnType.Scalar.STRING, false));
    assertThatThrownBy(() -> TableFileReader.readAll(LOCAL, file, "t", required))
        .isInstanceOf(FleetcompatException.class)
        .hasMessage(
            "Cannot read result table t: file "
                + file
                + " row 1 column x is null, but it is declared not nullable; rewrite the file with"
                + " values its declaration allows")
        .satisfies(e -> assertStatus(e, ReturnCode.INCORRECT_DATA_TYPE));
  }

  @Test
  void aDecimalAbove2To64IsAnError() throws IOException {
    List<ResultColumn> columns = List.of(column("v", ColumnType.Scalar.UINT64, false));
    MessageType schema = ParquetSchemas.messageType("t", columns);
    Path file = tmp.resolve("t.parquet");
    byte[] twoTo64 = {1, 0, 0, 0, 0, 0, 0, 0, 0};
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(schema)
            .build()) {
      w.write(
          new SimpleGroupFactory(schema)
              .newGroup()
              .append("v", Binary.fromConstantByteArray(twoTo64)));
    }
    assertThatThrownBy(() -> TableFileReader.readAll(LOCAL, file.toString(), "t", columns))
        .isInstanceOf(FleetcompatException.class)
        .hasMessage(
            "Cannot read result table t: file "
                + file
                + " row 0 column v holds a decimal outside 0..2^64-1; rewrite the file with values"
                + " its declaration allows");
  }

  @Test
  void aTruncatedFileIsAnErrorThatSaysWhatToDo() throws IOException {
    Path dir = summaryTable(50);
    Path part = dir.resolve("part-00001.parquet");
    byte[] whole = Files.readAllBytes(part);
    Files.write(part, Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> TableFileReader.readAll(LOCAL, dir.toString(), "vm_summary", SUMMARY))
        .isInstanceOf(FleetcompatException.class)
        .hasMessageStartingWith(
            "Cannot read result table vm_summary: file "
                + part
                + " is not a readable Parquet file (")
        .hasMessageEndingWith(
            "); it may be truncated or still being written: run the job again to rewrite the"
                + " result, or read a complete one")
        .satisfies(e -> assertStatus(e, ReturnCode.INVALID_PARAMETER));
  }

  @Test
  void aFileThatIsNotParquetIsAnErrorNamingIt() throws IOException {
    Path file = Files.writeString(tmp.resolve("notes.parquet"), "hello");
    assertThatThrownBy(() -> TableFileReader.readAll(LOCAL, file.toString(), "vm_summary", SUMMARY))
        .isInstanceOf(FleetcompatException.class)
        .hasMessageStartingWith(
            "Cannot read result table vm_summary: file " + file + " is not a readable Parquet file")
        .hasMessageContaining("it may be truncated or still being written");
  }

  @Test
  void aPathWithoutFilesIsAnError() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("vm_summary"));
    Files.writeString(empty.resolve("_SUCCESS"), "");
    assertThatThrownBy(
            () -> TableFileReader.readAll(LOCAL, empty.toString(), "vm_summary", SUMMARY))
        .isInstanceOf(FleetcompatException.class)
        .hasMessage(
            "Cannot read result table vm_summary: "
                + empty
                + " holds no Parquet file; point at a result directory's vm_summary/ or at one of"
                + " its part files");
    Path missing = tmp.resolve("nothing");
    assertThatThrownBy(
            () -> TableFileReader.readAll(LOCAL, missing.toString(), "vm_summary", SUMMARY))
        .isInstanceOf(FleetcompatException.class)
        .hasMessage(
            "Cannot read result table vm_summary: "
                + missing
                + " does not exist; point at a result directory's vm_summary/ or at one of its"
                + " part files");
  }

  /** Spark writes every column OPTIONAL and compresses with its own codec setup. */
  @Test
  void readsATableWrittenBySpark() throws IOException {
    for (ResultTable table : List.of(ResultTable.VM_SUMMARY, ResultTable.POOLS)) {
      List<ResultColumn> columns = table.columns(false);
      Path ours = tmp.resolve("ours").resolve(table.tableName());
      List<Object[]> rows = new RandomResultRows(11).rows(columns, 200);
      TableFileWriter.write(
          LOCAL, ours.resolve("part-00000.parquet").toString(), table.tableName(), columns, rows);
      Path spark = tmp.resolve("spark").resolve(table.tableName());
      SparkTestSession.get().read().parquet(ours.toString()).write().parquet(spark.toString());

      assertThat(
              Canonical.sorted(
                  Canonical.rows(TableFileReader.readAll(LOCAL, spark.toString(), table, false))))
          .isEqualTo(Canonical.sorted(Canonical.rows(rows)));
    }
  }

  private static void assertStatus(Throwable e, ReturnCode status) {
    assertThat(((FleetcompatException) e).status()).isEqualTo(status);
  }
}
