package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SnapshotTableWriterTest {
  private static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private static final List<BigInteger> EDGE_VALUES =
      List.of(
          BigInteger.ZERO,
          BigInteger.ONE,
          TWO_63.subtract(BigInteger.ONE),
          TWO_63,
          TWO_64.subtract(BigInteger.ONE));

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ValueEncoding.class)
  void valuesRoundTripAsUnsigned64BitPatterns(ValueEncoding encoding) throws IOException {
    List<VectorRow> rows = new ArrayList<>();
    for (BigInteger v : EDGE_VALUES) {
      rows.add(new VectorRow("vm-1", (long) rows.size(), 2L, v));
    }
    SnapshotTableWriter.writeVectors(
        dir, SnapshotTable.VM_VECTORS, rows, WriteOptions.defaults().withValue(encoding));

    Path file = dir.resolve("vm_vectors.parquet");
    PrimitiveType type = column(file, "compatibility_info");
    List<Group> read = readRows(file);
    assertThat(read).hasSize(EDGE_VALUES.size());
    switch (encoding) {
      case SIGNED_INT64 -> {
        assertThat(type.getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(type.getLogicalTypeAnnotation()).isNull();
      }
      case UNSIGNED_INT64 -> {
        assertThat(type.getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(type.getLogicalTypeAnnotation())
            .isEqualTo(LogicalTypeAnnotation.intType(64, false));
      }
      case DECIMAL_20_0 -> {
        assertThat(type.getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY);
        assertThat(type.getTypeLength()).isEqualTo(9);
        assertThat(type.getLogicalTypeAnnotation())
            .isEqualTo(LogicalTypeAnnotation.decimalType(0, 20));
      }
    }
    for (int i = 0; i < EDGE_VALUES.size(); i++) {
      assertThat(valueOf(read.get(i), encoding)).isEqualTo(EDGE_VALUES.get(i));
    }
  }

  @Test
  void decimalKeepsValuesOutsideUint64ExactlySoReadersCanRejectThem() throws IOException {
    List<BigInteger> values =
        List.of(
            BigInteger.valueOf(-1), TWO_64, BigInteger.ONE.shiftLeft(71).subtract(BigInteger.ONE));
    List<VectorRow> rows = new ArrayList<>();
    for (BigInteger v : values) {
      rows.add(new VectorRow("h-1", (long) rows.size(), 0L, v));
    }
    SnapshotTableWriter.writeVectors(
        dir,
        SnapshotTable.HOST_VECTORS,
        rows,
        WriteOptions.defaults().withValue(ValueEncoding.DECIMAL_20_0));

    List<Group> read = readRows(dir.resolve("host_vectors.parquet"));
    assertThat(read).extracting(g -> valueOf(g, ValueEncoding.DECIMAL_20_0)).isEqualTo(values);
  }

  @Test
  void decimalTooWideForNineBytesIsRefused() {
    List<VectorRow> rows = List.of(new VectorRow("h-1", 1L, 0L, BigInteger.ONE.shiftLeft(71)));
    WriteOptions options = WriteOptions.defaults().withValue(ValueEncoding.DECIMAL_20_0);

    assertThatThrownBy(
            () -> SnapshotTableWriter.writeVectors(dir, SnapshotTable.HOST_VECTORS, rows, options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("compatibility_info 2361183241434822606848")
        .hasMessageContaining("FIXED_LEN_BYTE_ARRAY(9)");
  }

  @Test
  void int64IdsAndOperationsArePlainSignedInt64() throws IOException {
    List<VectorRow> rows =
        List.of(
            VectorRow.of("vm-1", 0xffff_ffffL, 12, 1),
            VectorRow.of("vm-1", -1, 2, 1),
            VectorRow.of("vm-1", 1L << 32, 9, 1));
    SnapshotTableWriter.writeVectors(
        dir,
        SnapshotTable.VM_VECTORS,
        rows,
        WriteOptions.defaults().withVectorId(IntEncoding.INT64).withOperation(IntEncoding.INT64));

    Path file = dir.resolve("vm_vectors.parquet");
    for (String name : List.of("vector_id", "compare_operation")) {
      assertThat(column(file, name).getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
      assertThat(column(file, name).getLogicalTypeAnnotation()).isNull();
    }
    List<Group> read = readRows(file);
    assertThat(read)
        .extracting(g -> g.getLong("vector_id", 0))
        .containsExactly(0xffff_ffffL, -1L, 1L << 32);
    assertThat(read)
        .extracting(g -> g.getLong("compare_operation", 0))
        .containsExactly(12L, 2L, 9L);
  }

  @Test
  void int32IdsInSignedRangeArePlainInt32() throws IOException {
    List<VectorRow> rows =
        List.of(VectorRow.of("vm-1", 0x10000102L, 2, 1), VectorRow.of("vm-1", -1, 12, 1));
    SnapshotTableWriter.writeVectors(
        dir,
        SnapshotTable.VM_VECTORS,
        rows,
        WriteOptions.defaults().withVectorId(IntEncoding.INT32).withOperation(IntEncoding.INT32));

    Path file = dir.resolve("vm_vectors.parquet");
    for (String name : List.of("vector_id", "compare_operation")) {
      assertThat(column(file, name).getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT32);
      assertThat(column(file, name).getLogicalTypeAnnotation()).isNull();
    }
    List<Group> read = readRows(file);
    assertThat(read).extracting(g -> g.getInteger("vector_id", 0)).containsExactly(0x10000102, -1);
    assertThat(read).extracting(g -> g.getInteger("compare_operation", 0)).containsExactly(2, 12);
  }

  @Test
  void int32IdsAbove2To31AreAnnotatedUint32() throws IOException {
    List<VectorRow> rows =
        List.of(
            VectorRow.of("vm-1", 0x8000_0000L, 2, 1),
            VectorRow.of("vm-1", 0xffff_ffffL, 2, 1),
            VectorRow.of("vm-1", 7, 2, 1));
    SnapshotTableWriter.writeVectors(
        dir,
        SnapshotTable.VM_VECTORS,
        rows,
        WriteOptions.defaults().withVectorId(IntEncoding.INT32));

    Path file = dir.resolve("vm_vectors.parquet");
    PrimitiveType type = column(file, "vector_id");
    assertThat(type.getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT32);
    assertThat(type.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.intType(32, false));
    assertThat(readRows(file))
        .extracting(g -> Integer.toUnsignedLong(g.getInteger("vector_id", 0)))
        .containsExactly(0x8000_0000L, 0xffff_ffffL, 7L);
  }

  @Test
  void int32RefusesIdsItCannotRepresent() {
    WriteOptions int32 = WriteOptions.defaults().withVectorId(IntEncoding.INT32);
    List<VectorRow> tooBig = List.of(VectorRow.of("vm-1", 1L << 32, 2, 1));
    List<VectorRow> mixed =
        List.of(VectorRow.of("vm-1", -1, 2, 1), VectorRow.of("vm-1", 0x8000_0000L, 2, 1));

    assertThatThrownBy(
            () -> SnapshotTableWriter.writeVectors(dir, SnapshotTable.VM_VECTORS, tooBig, int32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot write vm_vectors.vector_id value 4294967296 as INT32: INT32 holds either"
                + " -2^31..2^31-1 (plain) or 0..2^32-1 (UINT_32) in one column; use"
                + " IntEncoding.INT64");
    assertThatThrownBy(
            () -> SnapshotTableWriter.writeVectors(dir, SnapshotTable.VM_VECTORS, mixed, int32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value 2147483648 as INT32");
  }

  @ParameterizedTest
  @EnumSource(ValueEncoding.class)
  void nullsRoundTrip(ValueEncoding encoding) throws IOException {
    List<VectorRow> rows =
        List.of(
            new VectorRow(null, null, null, null),
            new VectorRow("vm-1", null, 2L, BigInteger.TEN),
            VectorRow.of("vm-2", 5, 0, 3));
    SnapshotTableWriter.writeVectors(
        dir,
        SnapshotTable.VM_VECTORS,
        rows,
        WriteOptions.defaults()
            .withValue(encoding)
            .withVectorId(IntEncoding.INT32)
            .withOperation(IntEncoding.INT64));

    MessageType schema = schema(dir.resolve("vm_vectors.parquet"));
    assertThat(schema.getFields())
        .allMatch(f -> f.getRepetition() == org.apache.parquet.schema.Type.Repetition.OPTIONAL);
    List<Group> read = readRows(dir.resolve("vm_vectors.parquet"));
    for (String name : List.of("vm_id", "vector_id", "compare_operation", "compatibility_info")) {
      assertThat(read.get(0).getFieldRepetitionCount(name)).as(name).isZero();
      assertThat(read.get(2).getFieldRepetitionCount(name)).as(name).isOne();
    }
    assertThat(read.get(1).getFieldRepetitionCount("vector_id")).isZero();
    assertThat(read.get(1).getString("vm_id", 0)).isEqualTo("vm-1");
    assertThat(valueOf(read.get(1), encoding)).isEqualTo(BigInteger.TEN);
  }

  @Test
  void dictionaryOptionReallyChangesTheEncoding() throws IOException {
    List<VectorRow> rows = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      rows.add(
          VectorRow.of("vm-" + (i / 6), 0x10000100L + i % 6, 2, 0xf000_0000_0000_0000L + i % 3));
    }
    Path withDict = dir.resolve("on");
    Path withoutDict = dir.resolve("off");
    SnapshotTableWriter.writeVectors(
        withDict, SnapshotTable.VM_VECTORS, rows, WriteOptions.defaults().withDictionaryEncoding());
    SnapshotTableWriter.writeVectors(
        withoutDict,
        SnapshotTable.VM_VECTORS,
        rows,
        WriteOptions.defaults().withoutDictionaryEncoding());

    for (String name : List.of("vector_id", "compatibility_info")) {
      ColumnChunkMetaData on = chunk(withDict.resolve("vm_vectors.parquet"), name);
      ColumnChunkMetaData off = chunk(withoutDict.resolve("vm_vectors.parquet"), name);
      assertThat(on.getPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
      assertThat(on.hasDictionaryPage()).as(name).isTrue();
      assertThat(on.getEncodings())
          .as(name)
          .containsAnyOf(Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY);
      assertThat(off.hasDictionaryPage()).as(name).isFalse();
      assertThat(off.getEncodings())
          .as(name)
          .doesNotContain(Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY);
    }
    assertThat(readRows(withDict.resolve("vm_vectors.parquet")))
        .extracting(g -> g.getLong("compatibility_info", 0))
        .isEqualTo(
            readRows(withoutDict.resolve("vm_vectors.parquet")).stream()
                .map(g -> g.getLong("compatibility_info", 0))
                .toList());
  }

  @Test
  void rowsPerFileSplitsIntoPartFilesInOrder() throws IOException {
    List<VectorRow> rows = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      rows.add(VectorRow.of("h-" + i, i, 2, i));
    }
    SnapshotTableWriter.writeVectors(
        dir, SnapshotTable.HOST_VECTORS, rows, WriteOptions.defaults().withRowsPerFile(10));

    Path table = dir.resolve("host_vectors");
    assertThat(listNames(table))
        .containsExactly("part-00000.parquet", "part-00001.parquet", "part-00002.parquet");
    assertThat(dir.resolve("host_vectors.parquet")).doesNotExist();
    List<Group> all = new ArrayList<>();
    int[] sizes = new int[3];
    for (int p = 0; p < 3; p++) {
      List<Group> part = readRows(table.resolve(String.format("part-%05d.parquet", p)));
      sizes[p] = part.size();
      all.addAll(part);
    }
    assertThat(sizes).containsExactly(10, 10, 5);
    assertThat(all)
        .extracting(g -> g.getString("host_id", 0))
        .isEqualTo(rows.stream().map(VectorRow::systemId).toList());
  }

  @Test
  void overwriteReplacesTheTableInEitherForm() throws IOException {
    List<VectorRow> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(VectorRow.of("vm-" + i, i, 2, i));
    }
    WriteOptions split = WriteOptions.defaults().withRowsPerFile(10);
    SnapshotTableWriter.writeVectors(dir, SnapshotTable.VM_VECTORS, rows, split);
    SnapshotTableWriter.writeVectors(dir, SnapshotTable.VM_VECTORS, rows.subList(0, 12), split);
    assertThat(listNames(dir.resolve("vm_vectors")))
        .containsExactly("part-00000.parquet", "part-00001.parquet");

    SnapshotTableWriter.writeVectors(
        dir, SnapshotTable.VM_VECTORS, rows.subList(0, 4), WriteOptions.defaults());
    assertThat(dir.resolve("vm_vectors")).doesNotExist();
    assertThat(readRows(dir.resolve("vm_vectors.parquet"))).hasSize(4);

    SnapshotTableWriter.writeVectors(dir, SnapshotTable.VM_VECTORS, rows.subList(0, 3), split);
    assertThat(dir.resolve("vm_vectors.parquet")).doesNotExist();
    assertThat(readRows(dir.resolve("vm_vectors/part-00000.parquet"))).hasSize(3);
  }

  @Test
  void emptyTableStillHasAFileWithTheSchema() throws IOException {
    SnapshotTableWriter.writeVectors(
        dir, SnapshotTable.VM_VECTORS, List.of(), WriteOptions.defaults().withRowsPerFile(10));

    Path part = dir.resolve("vm_vectors/part-00000.parquet");
    assertThat(readRows(part)).isEmpty();
    assertThat(schema(part).getFieldCount()).isEqualTo(4);
  }

  @Test
  void sameRowsGiveSameBytes() throws IOException {
    List<VectorRow> rows = List.of(VectorRow.of("vm-1", 1, 0, 2), VectorRow.of("vm-1", 2, 2, -1));
    SnapshotTableWriter.writeVectors(
        dir.resolve("a"), SnapshotTable.VM_VECTORS, rows, WriteOptions.defaults());
    SnapshotTableWriter.writeVectors(
        dir.resolve("b"), SnapshotTable.VM_VECTORS, rows, WriteOptions.defaults());

    assertThat(Files.readAllBytes(dir.resolve("a/vm_vectors.parquet")))
        .isEqualTo(Files.readAllBytes(dir.resolve("b/vm_vectors.parquet")));
  }

  @Test
  void hostsAndVmsTablesHaveTheirColumnsAndNulls() throws IOException {
    SnapshotTableWriter.writeHosts(
        dir, List.of(new HostRow("h-0001", "cl-skylake-a"), new HostRow(null, null)));
    SnapshotTableWriter.writeVms(
        dir, List.of(new VmRow("vm-00001", 32769, "h-0001"), new VmRow("vm-00002", null, null)));

    Path hosts = dir.resolve("hosts.parquet");
    assertThat(column(hosts, "host_id").getLogicalTypeAnnotation())
        .isEqualTo(LogicalTypeAnnotation.stringType());
    assertThat(column(hosts, "cluster").getLogicalTypeAnnotation())
        .isEqualTo(LogicalTypeAnnotation.stringType());
    List<Group> hostRows = readRows(hosts);
    assertThat(hostRows.get(0).getString("cluster", 0)).isEqualTo("cl-skylake-a");
    assertThat(hostRows.get(1).getFieldRepetitionCount("host_id")).isZero();

    Path vms = dir.resolve("vms.parquet");
    assertThat(column(vms, "enabled_state").getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.INT32);
    assertThat(column(vms, "current_host_id").getLogicalTypeAnnotation())
        .isEqualTo(LogicalTypeAnnotation.stringType());
    List<Group> vmRows = readRows(vms);
    assertThat(vmRows.get(0).getInteger("enabled_state", 0)).isEqualTo(32769);
    assertThat(vmRows.get(0).getString("current_host_id", 0)).isEqualTo("h-0001");
    assertThat(vmRows.get(1).getFieldRepetitionCount("enabled_state")).isZero();
    assertThat(vmRows.get(1).getFieldRepetitionCount("current_host_id")).isZero();
  }

  @Test
  void writeVectorsRefusesNonVectorTables() {
    assertThatThrownBy(
            () ->
                SnapshotTableWriter.writeVectors(
                    dir, SnapshotTable.HOSTS, List.of(), WriteOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot write hosts as a vector table: expected host_vectors or vm_vectors");
  }

  @Test
  void vectorRowOfReadsTheBitsAsUnsigned() {
    assertThat(VectorRow.of("vm-1", 3, 5, -1L).value()).isEqualTo(TWO_64.subtract(BigInteger.ONE));
    assertThat(VectorRow.of("vm-1", 3, 5, Long.MIN_VALUE).value()).isEqualTo(TWO_63);
    assertThat(VectorRow.of("vm-1", 3, 5, 7).compareOperation()).isEqualTo(5L);
  }

  @Test
  void writeOptionsValidateAndCopy() {
    WriteOptions d = WriteOptions.defaults();
    assertThat(d)
        .isEqualTo(
            new WriteOptions(
                ValueEncoding.UNSIGNED_INT64, IntEncoding.INT64, IntEncoding.INT32, true, 0));
    assertThat(d.withRowsPerFile(5).withoutDictionaryEncoding().rowsPerFile()).isEqualTo(5);
    assertThatThrownBy(() -> d.withRowsPerFile(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rowsPerFile is -1: expected 0 (one file) or a positive row count");
    assertThatThrownBy(() -> d.withValue(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value");
  }

  private static BigInteger valueOf(Group g, ValueEncoding encoding) {
    return switch (encoding) {
      case SIGNED_INT64, UNSIGNED_INT64 ->
          new BigInteger(Long.toUnsignedString(g.getLong("compatibility_info", 0)));
      case DECIMAL_20_0 -> new BigInteger(g.getBinary("compatibility_info", 0).getBytes());
    };
  }

  private static List<String> listNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static MessageType schema(Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      return reader.getFooter().getFileMetaData().getSchema();
    }
  }

  private static PrimitiveType column(Path file, String name) throws IOException {
    return schema(file).getType(name).asPrimitiveType();
  }

  private static ColumnChunkMetaData chunk(Path file, String name) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      assertThat(reader.getRowGroups()).hasSize(1);
      return reader.getRowGroups().get(0).getColumns().stream()
          .filter(c -> Arrays.equals(c.getPath().toArray(), new String[] {name}))
          .findFirst()
          .orElseThrow();
    }
  }

  /** Every row of a file, through parquet-hadoop's own record reader. */
  static List<Group> readRows(Path file) throws IOException {
    List<Group> rows = new ArrayList<>();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records =
            new ColumnIOFactory()
                .getColumnIO(schema)
                .getRecordReader(pages, new GroupRecordConverter(schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          rows.add(records.read());
        }
      }
    }
    return rows;
  }
}
