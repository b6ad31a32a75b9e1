package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TableFileWriter}: what it rejects and how it says so, and what it leaves out of a local
 * write (Hadoop's configuration). Round trips of every table are in {@link TableFileRoundTripTest}.
 */
class TableFileWriterTest {
  private static final List<ResultColumn> SUMMARY = ResultTable.VM_SUMMARY.columns(false);
  private static final List<ResultColumn> EVACUATION = ResultTable.HOST_EVACUATION.columns(false);
  private static final List<ResultColumn> POOLS = ResultTable.POOLS.columns(false);

  @TempDir(factory = TargetTempDir.class)
  Path tmp;

  private static Object[] summary(String vmId) {
    return new Object[] {vmId, 1, 2, "h-1", 5L, 1, 4L, true, false};
  }

  private static Object[] evacuation(List<String> blocking) {
    return new Object[] {"h-1", 0, 0, "cl-a", 3L, blocking.size(), blocking, 0, List.of(), false};
  }

  private static Object[] pool(Object[] baselineEntry) {
    return new Object[] {
      0, "h-1", 1L, 1, List.of(0), List.of("cl-a"), 2L, 1, Collections.singletonList(baselineEntry)
    };
  }

  private TableFileWriter open(String table, List<ResultColumn> columns) {
    return TableFileWriter.open(
        LocalStorage.INSTANCE, tmp.resolve(table + ".parquet").toString(), table, columns);
  }

  @Test
  void aNullInAColumnNotNullableIsRejectedNamingTableColumnAndRowAndTheWriterGoesOn() {
    Path file = tmp.resolve("vm_summary.parquet");
    try (TableFileWriter w = open("vm_summary", SUMMARY)) {
      w.write(summary("vm-1"));
      w.write(summary("vm-2"));
      assertThatThrownBy(() -> w.write(summary(null)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Cannot write vm_summary row 2: column vm_id is null, but it is declared not"
                  + " nullable; pass a value");
      w.write(summary("vm-3"));
      assertThat(w.rowCount()).isEqualTo(3);
    }
    assertThat(
            TableFileReader.readAll(LocalStorage.INSTANCE, file.toString(), "vm_summary", SUMMARY))
        .extracting(r -> r[0])
        .containsExactly("vm-1", "vm-2", "vm-3");
  }

  @Test
  void aWholeFileWithABadRowLeavesNoFile() {
    Path file = tmp.resolve("vm_summary.parquet");
    List<Object[]> rows = List.of(summary("vm-1"), summary(null));
    assertThatThrownBy(
            () ->
                TableFileWriter.write(
                    LocalStorage.INSTANCE, file.toString(), "vm_summary", SUMMARY, rows))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot write vm_summary row 1: column vm_id is null");
    assertThat(file).doesNotExist();
  }

  @Test
  void aValueOfTheWrongJavaTypeIsRejectedWithWhatWasExpected() {
    Object[] row = summary("vm-1");
    row[4] = 5; // compatible_hosts is a LONG
    try (TableFileWriter w = open("vm_summary", SUMMARY)) {
      assertThatThrownBy(() -> w.write(row))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Cannot write vm_summary row 0: column compatible_hosts holds Integer 5, expected a"
                  + " Long for LONG");
    }
  }

  @Test
  void aUint64TakesTheRawPatternAsALongNotABigInteger() {
    Object[] entry = {7L, "name", 2, BigInteger.TWO.pow(64).subtract(BigInteger.ONE), "ff", "OK"};
    try (TableFileWriter w = open("pools", POOLS)) {
      assertThatThrownBy(() -> w.write(pool(entry)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Cannot write pools row 0: column baseline[0].compatibility_info holds BigInteger"
                  + " 18446744073709551615, expected a Long for UINT64");
    }
  }

  @Test
  void aNullListElementIsRejectedNamingItsPosition() {
    List<String> blocking = Arrays.asList("vm-1", null);
    try (TableFileWriter w = open("host_evacuation", EVACUATION)) {
      assertThatThrownBy(() -> w.write(evacuation(blocking)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Cannot write host_evacuation row 0: column blocking_vm_ids[1] is null, but it is"
                  + " declared not nullable; pass a value");
    }
  }

  @Test
  void aListOrStructOfTheWrongShapeIsRejected() {
    Object[] notAList = evacuation(List.of());
    notAList[6] = "vm-1";
    try (TableFileWriter w = open("host_evacuation", EVACUATION)) {
      assertThatThrownBy(() -> w.write(notAList))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Cannot write host_evacuation row 0: column blocking_vm_ids holds String vm-1,"
                  + " expected a List for LIST<STRING>");
    }
    try (TableFileWriter w = open("pools", POOLS)) {
      assertThatThrownBy(() -> w.write(pool(new Object[] {7L, "name", 2, 3L, "3"})))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Cannot write pools row 0: baseline[0] has 5 values, expected 6, one per declared"
                  + " field");
      assertThatThrownBy(() -> w.write(new Object[] {0, "h-1"}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Cannot write pools row 0: the row has 2 values, expected 9, one per declared"
                  + " column");
    }
  }

  @Test
  void aDeclarationWithoutColumnsOrWithAColumnTwiceIsRejected() {
    assertThatThrownBy(() -> open("t", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Table t declares no column");
    List<ResultColumn> twice = List.of(SUMMARY.get(0), SUMMARY.get(0));
    assertThatThrownBy(() -> open("t", twice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Table t declares column vm_id twice");
  }

  @Test
  void aFileThatCannotBeCreatedIsAFailureNamingIt() throws IOException {
    Path blocker = Files.writeString(tmp.resolve("not-a-dir"), "x");
    String file = blocker.resolve("part-00000.parquet").toString();
    assertThatThrownBy(
            () -> TableFileWriter.open(LocalStorage.INSTANCE, file, "vm_summary", SUMMARY))
        .isInstanceOf(FleetcompatException.class)
        .hasMessageStartingWith("Cannot write result table vm_summary to " + file + ": ")
        .hasMessageEndingWith(
            "; check that the output directory is writable and has space, then run again")
        .satisfies(
            e -> assertThat(((FleetcompatException) e).status()).isEqualTo(ReturnCode.FAILED));
  }

  /**
   * On a local disk, writing and reading result files must not build Hadoop's Configuration (0.3 s
   * of class loading and XML parsing): checked in a JVM of its own, whose class loading is logged.
   */
  @Test
  void writingAndReadingLocalFilesLoadsNoHadoopConfiguration() throws Exception {
    Path log = tmp.resolve("classes.log");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log,
                "-cp",
                System.getProperty("java.class.path"),
                LocalWritesMain.class.getName(),
                tmp.resolve("out").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("rows read back: 150");

    List<String> loaded = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      String[] parts = line.split(" ");
      if (parts.length > 1) {
        loaded.add(parts[1]);
      }
    }
    assertThat(loaded)
        .as("classes loaded (the log works)")
        .contains(TableFileWriter.class.getName(), ColumnarFileWriter.class.getName());
    assertThat(loaded).doesNotContain("org.apache.hadoop.conf.Configuration");
  }
}
