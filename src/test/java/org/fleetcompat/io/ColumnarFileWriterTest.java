package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ColumnarFileWriter}: how it rejects calls a row does not allow (and goes on), its
 * dictionaries, its layout, and its speed on the pairs table, printed. Round trips of every flat
 * table are in {@link TableFileRoundTripTest}.
 */
class ColumnarFileWriterTest {
  private static final List<ResultColumn> SUMMARY = ResultTable.VM_SUMMARY.columns(false);
  private static final List<ResultColumn> PAIRS = ResultTable.COMPATIBLE_PAIRS.columns(false);

  @TempDir(factory = TargetTempDir.class)
  Path tmp;

  private String file(String name) {
    return tmp.resolve(name + ".parquet").toString();
  }

  private ColumnarFileWriter summaryWriter() {
    return ColumnarFileWriter.builder(
            LocalStorage.INSTANCE, file("vm_summary"), ResultTable.VM_SUMMARY, false)
        .open();
  }

  private static Object[] summary(String vmId) {
    return new Object[] {vmId, 1, null, "h-1", 5L, 1, 4L, null, false};
  }

  private static List<Object[]> read(String file, String table, List<ResultColumn> columns) {
    return TableFileReader.readAll(LocalStorage.INSTANCE, file, table, columns);
  }

  @Test
  void aRejectedCallDiscardsTheRowAndTheWriterGoesOn() {
    ColumnarFileWriter w = summaryWriter();
    ColumnarRows.setRow(w, SUMMARY, summary("vm-1"), Map.of());
    w.endRow();

    w.setString(0, "vm-bad");
    assertThatThrownBy(() -> w.setInt(4, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot write vm_summary row 1: column compatible_hosts is a LONG: set it with"
                + " setLong, not setInt");
    ColumnarRows.setRow(w, SUMMARY, summary("vm-2"), Map.of());
    w.endRow();

    assertThat(w.close()).isEqualTo(2);
    assertThat(Canonical.rows(read(file("vm_summary"), "vm_summary", SUMMARY)))
        .isEqualTo(Canonical.rows(List.of(summary("vm-1"), summary("vm-2"))));
  }

  @Test
  void everyCallARowDoesNotAllowIsNamed() {
    ColumnarFileWriter w = summaryWriter();
    assertThatThrownBy(() -> w.setNull(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot write vm_summary row 0: column vm_id is null, but it is declared not"
                + " nullable; pass a value");
    assertThatThrownBy(() -> w.setString(0, (String) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot write vm_summary row 0: column vm_id is null, but it is declared not"
                + " nullable; pass a value");
    assertThatThrownBy(() -> w.setDictionaryIndex(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot write vm_summary row 0: column vm_id is a STRING without a dictionary: set it"
                + " with setString, not setDictionaryIndex");
    assertThatThrownBy(() -> w.setBoolean(1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot write vm_summary row 0: column vm_class is an INT: set it with setInt, not"
                + " setBoolean");
    assertThatThrownBy(() -> w.setLong(9, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot write vm_summary row 0: there is no column 9, the table has 9 columns");

    w.setString(0, "vm-1");
    assertThatThrownBy(() -> w.setString(0, "vm-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot write vm_summary row 0: column vm_id is set twice in one row");

    w.setString(0, "vm-1");
    w.setInt(1, 1);
    assertThatThrownBy(w::endRow)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot write vm_summary row 0: column enabled_state was not set");
    assertThat(w.close()).isZero();
  }

  @Test
  void aDictionaryIndexOutsideTheDictionaryIsRejected() {
    ColumnarFileWriter w =
        ColumnarFileWriter.builder(
                LocalStorage.INSTANCE, file("pairs"), ResultTable.COMPATIBLE_PAIRS, false)
            .dictionary("host_id", ColumnarFileWriter.dictionaryOf(List.of("h-1", "h-2")))
            .open();
    w.setString(0, "vm-1");
    assertThatThrownBy(() -> w.setDictionaryIndex(1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot write compatible_pairs row 0: column host_id has no dictionary index 2: its"
                + " dictionary holds 2 values");
    assertThatThrownBy(() -> w.setDictionaryIndex(1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no dictionary index -1");
    w.abort();
    assertThat(Files.exists(Path.of(file("pairs")))).as("an aborted file is deleted").isFalse();
  }

  @Test
  void aDictionaryMustBeDistinctSortedUtf8OfAStringColumn() {
    ColumnarFileWriter.Builder b =
        ColumnarFileWriter.builder(
            LocalStorage.INSTANCE, file("pairs"), ResultTable.COMPATIBLE_PAIRS, false);
    byte[][] unsorted = {bytes("h-2"), bytes("h-1")};
    assertThatThrownBy(() -> b.dictionary("host_id", unsorted))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot write compatible_pairs: the dictionary of column host_id is not in ascending"
                + " order or holds a value twice at index 1 (h-1); pass distinct UTF-8 values"
                + " sorted by their unsigned bytes");
    byte[][] twice = {bytes("h-1"), bytes("h-1")};
    assertThatThrownBy(() -> b.dictionary("host_id", twice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds a value twice at index 1 (h-1)");
    // "é" (C3 A9) sorts after "z" (7A) by unsigned bytes, although Java's signed bytes differ.
    byte[][] signedOrder = {bytes("é"), bytes("z")};
    assertThatThrownBy(() -> b.dictionary("host_id", signedOrder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not in ascending order");
    byte[][] notUtf8 = {new byte[] {(byte) 0xff}};
    assertThatThrownBy(() -> b.dictionary("host_id", notUtf8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds bytes that are not UTF-8 at index 0");
    assertThatThrownBy(() -> b.dictionary("cluster", new byte[0][]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compatible_pairs has no column cluster");

    ColumnarFileWriter.Builder summary =
        ColumnarFileWriter.builder(
            LocalStorage.INSTANCE, file("vm_summary"), ResultTable.VM_SUMMARY, false);
    assertThatThrownBy(() -> summary.dictionary("vm_class", new byte[0][]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot write vm_summary: the dictionary of column vm_class cannot be bound: the column"
                + " is INT, not STRING; pass distinct UTF-8 values sorted by their unsigned bytes");
  }

  @Test
  void dictionaryOfSortsByUnsignedUtf8Bytes() {
    byte[][] d = ColumnarFileWriter.dictionaryOf(List.of("z", "é", "\uD83D\uDDA5", "\uE000", "z"));
    assertThat(Arrays.stream(d).map(v -> new String(v, StandardCharsets.UTF_8)))
        .containsExactly("z", "é", "\uE000", "\uD83D\uDDA5");
  }

  @Test
  void aTableThatIsNotFlatIsRejected() {
    assertThatThrownBy(
            () ->
                ColumnarFileWriter.builder(
                    LocalStorage.INSTANCE, file("pools"), ResultTable.POOLS, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot write pools with ColumnarFileWriter: column host_classes is LIST<INT>, not"
                + " flat; write the table with TableFileWriter");
  }

  @Test
  void dictionariesOfOneValueAndOfNoneAreWritten() {
    List<ResultColumn> columns = ResultTable.VM_CLASSES.columns(false);
    Map<String, byte[][]> dictionaries =
        Map.of(
            "vm_id",
            ColumnarFileWriter.dictionaryOf(List.of("vm-only")),
            "current_host_id",
            new byte[0][]);
    ColumnarFileWriter w =
        ColumnarRows.builder(file("vm_classes"), "vm_classes", columns, dictionaries).open();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(new Object[] {"vm-only", i, 2, null});
    }
    ColumnarRows.write(w, columns, rows, dictionaries);
    assertThat(Canonical.rows(read(file("vm_classes"), "vm_classes", columns)))
        .isEqualTo(Canonical.rows(rows));
  }

  /**
   * compatible_pairs as the engine writes it: 9,100 VMs from the part file's dictionary, each with
   * a run of 1,000 hosts from a dictionary of 10,000. Checks the layout and the content (through
   * DuckDB), and prints the throughput of a first and of later writes in this JVM.
   */
  @Test
  void runsReadBackAsTheRowsWrittenOneByOne() throws Exception {
    java.util.Random rnd = new java.util.Random(7);
    List<String> hostIds = new ArrayList<>();
    for (int h = 0; h < 300; h++) {
      hostIds.add(String.format(Locale.ROOT, "h-%04d", h));
    }
    List<String> vmIds = new ArrayList<>();
    for (int v = 0; v < 200; v++) {
      vmIds.add(String.format(Locale.ROOT, "vm-%04d", v));
    }
    byte[][] hostDictionary = ColumnarFileWriter.dictionaryOf(hostIds);
    byte[][] vmDictionary = ColumnarFileWriter.dictionaryOf(vmIds);
    List<int[]> hostsOfVm = new ArrayList<>();
    for (int v = 0; v < vmIds.size(); v++) {
      hostsOfVm.add(rnd.ints(rnd.nextInt(400), 0, hostIds.size()).sorted().toArray());
    }
    ColumnarFileWriter byRow = pairs("by-row", vmDictionary, hostDictionary);
    ColumnarFileWriter byRun = pairs("by-run", vmDictionary, hostDictionary);
    for (int v = 0; v < vmIds.size(); v++) {
      for (int h : hostsOfVm.get(v)) {
        byRow.setDictionaryIndex(0, v);
        byRow.setDictionaryIndex(1, h);
        byRow.endRow();
      }
      int[] hosts = hostsOfVm.get(v);
      if (hosts.length > 0) {
        byRun.writeRun(0, v, 1, hosts, 0, hosts.length);
      }
    }
    assertThat(byRun.close()).isEqualTo(byRow.close()).isPositive();

    List<Object[]> rows = read(file("by-row"), "compatible_pairs", PAIRS);
    assertThat(read(file("by-run"), "compatible_pairs", PAIRS))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(rows);
    FooterStatistics.assertExact(Path.of(file("by-run")), PAIRS, rows);
    assertThatThrownBy(
            () ->
                pairs("bad", vmDictionary, hostDictionary).writeRun(0, 0, 1, new int[] {300}, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host_id")
        .hasMessageContaining("cannot hold 300 in writeRun");
    assertThatThrownBy(() -> summaryWriter().writeRun(0, 0, 1, new int[] {1}, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("writeRun takes the two not-null INT or dictionary columns");
  }

  private ColumnarFileWriter pairs(String name, byte[][] vms, byte[][] hosts) {
    return ColumnarFileWriter.builder(LocalStorage.INSTANCE, file(name), "compatible_pairs", PAIRS)
        .dictionary("vm_id", vms)
        .dictionary("host_id", hosts)
        .pageRows(1_000)
        .open();
  }

  @Test
  void writesNineMillionPairsAndPrintsTheThroughput() throws Exception {
    int vms = 9_100;
    int hostsPerVm = 1_000;
    int hosts = 10_000;
    List<String> hostIds = new ArrayList<>();
    for (int h = 0; h < hosts; h++) {
      hostIds.add(String.format(Locale.ROOT, "host-%05d", h));
    }
    List<String> vmIds = new ArrayList<>();
    for (int v = 0; v < vms; v++) {
      vmIds.add(String.format(Locale.ROOT, "vm-%06d", v));
    }
    byte[][] hostDictionary = ColumnarFileWriter.dictionaryOf(hostIds);
    byte[][] vmDictionary = ColumnarFileWriter.dictionaryOf(vmIds);
    String file = file("compatible_pairs");
    long rows = 0;
    int minHost = hosts;
    int maxHost = 0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int run = 0; run < 4; run++) {
      long start = System.nanoTime();
      long startCpu = threads.getCurrentThreadCpuTime();
      ColumnarFileWriter w =
          ColumnarFileWriter.builder(
                  LocalStorage.INSTANCE, file, ResultTable.COMPATIBLE_PAIRS, false)
              .dictionary("vm_id", vmDictionary)
              .dictionary("host_id", hostDictionary)
              .open();
      for (int v = 0; v < vms; v++) {
        int first = (v * 7919) % (hosts - hostsPerVm);
        minHost = Math.min(minHost, first);
        maxHost = Math.max(maxHost, first + hostsPerVm - 1);
        for (int h = first; h < first + hostsPerVm; h++) {
          w.setDictionaryIndex(0, v);
          w.setDictionaryIndex(1, h);
          w.endRow();
        }
      }
      rows = w.close();
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "ColumnarFileWriter, %s write in this JVM: %,d (vm_id, host_id) dictionary-index rows"
              + " in %.3f s (%.3f s CPU of this thread): %.1f ns/row, %.1f M rows/s, %,d bytes%n",
          run == 0 ? "first" : "a later",
          rows,
          seconds,
          cpuSeconds,
          cpuSeconds * 1e9 / rows,
          rows / cpuSeconds / 1e6,
          Files.size(Path.of(file)));
    }
    assertThat(rows).isEqualTo((long) vms * hostsPerVm);

    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(Path.of(file)))) {
      List<BlockMetaData> groups = r.getFooter().getBlocks();
      assertThat(groups)
          .extracting(BlockMetaData::getRowCount)
          .allMatch(n -> n <= ColumnarFileWriter.DEFAULT_ROW_GROUP_ROWS);
      assertThat(groups.stream().mapToLong(BlockMetaData::getRowCount).sum()).isEqualTo(rows);
    }
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = duckdb.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*), count(DISTINCT vm_id), min(vm_id), max(vm_id), min(host_id),"
                    + " max(host_id), count(*) FILTER (WHERE vm_id = 'vm-004242') FROM"
                    + " read_parquet('"
                    + file
                    + "')")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getLong(1)).isEqualTo(rows);
      assertThat(r.getLong(2)).isEqualTo(vms);
      assertThat(r.getString(3)).isEqualTo("vm-000000");
      assertThat(r.getString(4)).isEqualTo("vm-009099");
      assertThat(r.getString(5)).isEqualTo(hostIds.get(minHost));
      assertThat(r.getString(6)).isEqualTo(hostIds.get(maxHost));
      assertThat(r.getLong(7)).as("a filter DuckDB prunes by statistics").isEqualTo(hostsPerVm);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
