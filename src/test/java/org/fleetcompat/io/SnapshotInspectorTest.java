package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotInspectorTest {
  private static final List<String> VECTOR_COLUMNS =
      List.of("vector_id", "compare_operation", "compatibility_info");
  private static final String VALUE_EXPECTED = "INT64, INT64 annotated UINT_64, or DECIMAL(20,0)";

  private static final Storage storage = LocalStorage.INSTANCE;

  @TempDir Path dir;

  @Test
  void singleFileTablesAreFoundAndOptionalTablesMayBeAbsent() {
    writeVectorTables(dir, WriteOptions.defaults());

    SnapshotInputs inputs = SnapshotInspector.inspect(storage, dir.toString());

    assertThat(inputs.snapshot()).isEqualTo(dir.toString());
    assertThat(inputs.tables())
        .containsOnlyKeys(SnapshotTable.HOST_VECTORS, SnapshotTable.VM_VECTORS);
    TableInput vms = inputs.required(SnapshotTable.VM_VECTORS);
    assertThat(vms.table()).isEqualTo(SnapshotTable.VM_VECTORS);
    assertThat(vms.files()).containsExactly(uri(dir.resolve("vm_vectors.parquet")));
    assertThat(vms.columns())
        .containsExactly("vm_id", "vector_id", "compare_operation", "compatibility_info");
    assertThat(inputs.required(SnapshotTable.HOST_VECTORS).files())
        .containsExactly(uri(dir.resolve("host_vectors.parquet")));
    assertThat(inputs.required(SnapshotTable.HOST_VECTORS).columns())
        .containsExactly("host_id", "vector_id", "compare_operation", "compatibility_info");
    assertThat(inputs.optional(SnapshotTable.HOSTS)).isEmpty();
    assertThat(inputs.optional(SnapshotTable.VMS)).isEmpty();
    assertThatThrownBy(() -> inputs.required(SnapshotTable.HOSTS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("hosts was not inspected");
  }

  @Test
  void partFileDirectoriesAreListedSortedWithoutHiddenFiles() throws IOException {
    writeVectorTables(dir, WriteOptions.defaults().withRowsPerFile(2));
    Path table = dir.resolve("vm_vectors");
    Files.write(table.resolve("_SUCCESS"), new byte[0]);
    Files.write(table.resolve(".part-00000.parquet.crc"), garbage());
    Files.write(table.resolve("_common_metadata"), garbage());
    Files.createDirectories(table.resolve("_temporary/0"));
    Files.write(table.resolve("_temporary/0/part-00009.parquet"), garbage());

    SnapshotInputs inputs = SnapshotInspector.inspect(storage, dir.toUri().toString());

    TableInput vms = inputs.required(SnapshotTable.VM_VECTORS);
    assertThat(vms.files())
        .containsExactly(
            uri(table.resolve("part-00000.parquet")),
            uri(table.resolve("part-00001.parquet")),
            uri(table.resolve("part-00002.parquet")));
    assertThat(vms.location()).endsWith("vm_vectors");
    assertThat(vms.columns()).containsAll(VECTOR_COLUMNS);
    assertThat(inputs.required(SnapshotTable.HOST_VECTORS).files()).hasSize(2);
  }

  @Test
  void theRowCountIsTheSumOfTheFootersOfEveryPartFile() {
    writeVectorTables(dir, WriteOptions.defaults().withRowsPerFile(2));
    SnapshotTableWriter.writeVectors(
        dir.resolve("single"), SnapshotTable.VM_VECTORS, vmRows(), WriteOptions.defaults());

    SnapshotInputs parts = SnapshotInspector.inspect(storage, dir.toString());

    assertThat(parts.required(SnapshotTable.VM_VECTORS).files()).hasSize(3);
    assertThat(parts.required(SnapshotTable.VM_VECTORS).rowCount()).isEqualTo(vmRows().size());
    assertThat(parts.required(SnapshotTable.HOST_VECTORS).rowCount()).isEqualTo(hostRows().size());
    SnapshotTableWriter.writeVectors(
        dir.resolve("single"), SnapshotTable.HOST_VECTORS, List.of(), WriteOptions.defaults());
    SnapshotInputs single = SnapshotInspector.inspect(storage, dir.resolve("single").toString());
    assertThat(single.required(SnapshotTable.VM_VECTORS).rowCount()).isEqualTo(vmRows().size());
    assertThat(single.required(SnapshotTable.HOST_VECTORS).rowCount()).isZero();
  }

  @Test
  void aDirectoryNamedLikeAFileIsReadAsPartFiles() throws IOException {
    // What Spark writes for df.write.parquet("snap/vm_vectors.parquet").
    writeVectorTables(dir, WriteOptions.defaults().withRowsPerFile(2));
    Path table = dir.resolve("vm_vectors.parquet");
    Files.move(dir.resolve("vm_vectors"), table);
    Files.write(table.resolve("_SUCCESS"), new byte[0]);

    TableInput vms =
        SnapshotInspector.inspect(storage, dir.toString()).required(SnapshotTable.VM_VECTORS);

    assertThat(vms.files()).hasSize(3).allMatch(f -> f.contains("vm_vectors.parquet/part-"));
    assertThat(vms.location()).endsWith("vm_vectors.parquet");
  }

  @ParameterizedTest
  @ValueSource(strings = {"_staging", ".cache", "_temporary"})
  void aSnapshotUnderAHiddenLookingDirectoryIsStillRead(String parent) {
    Path snapshot = dir.resolve(parent).resolve("snap-2024-05-01");
    writeVectorTables(snapshot, WriteOptions.defaults().withRowsPerFile(2));

    SnapshotInputs inputs = SnapshotInspector.inspect(storage, snapshot.toString());

    assertThat(inputs.required(SnapshotTable.VM_VECTORS).files())
        .containsExactly(
            uri(snapshot.resolve("vm_vectors/part-00000.parquet")),
            uri(snapshot.resolve("vm_vectors/part-00001.parquet")),
            uri(snapshot.resolve("vm_vectors/part-00002.parquet")));
  }

  @Test
  void optionalTablesAndTheirOptionalColumnsAreFound() {
    writeVectorTables(dir, WriteOptions.defaults());
    SnapshotTableWriter.writeHosts(dir, List.of(new HostRow("h-1", "cl-a")));
    SnapshotTableWriter.writeVms(dir, List.of(new VmRow("vm-1", 2, "h-1")));

    SnapshotInputs inputs = SnapshotInspector.inspect(storage, dir.toString());

    TableInput vms = inputs.optional(SnapshotTable.VMS).orElseThrow();
    assertThat(vms.files()).containsExactly(uri(dir.resolve("vms.parquet")));
    assertThat(vms.columns()).containsExactly("vm_id", "enabled_state", "current_host_id");
    assertThat(vms.hasColumn("enabled_state")).isTrue();
    TableInput hosts = inputs.optional(SnapshotTable.HOSTS).orElseThrow();
    assertThat(hosts.columns()).containsExactly("host_id", "cluster");
  }

  @Test
  void anAbsentOptionalColumnIsLeftOutOfTheColumns() throws IOException {
    writeVectorTables(dir, WriteOptions.defaults());
    writeSchema(
        dir.resolve("vms.parquet"),
        "message vms { optional binary vm_id (STRING); optional binary owner (STRING); }");

    TableInput vms =
        SnapshotInspector.inspect(storage, dir.toString())
            .optional(SnapshotTable.VMS)
            .orElseThrow();

    assertThat(vms.columns()).containsExactly("vm_id");
    assertThat(vms.hasColumn("enabled_state")).isFalse();
    assertThat(vms.hasColumn("owner")).isFalse();
  }

  @Test
  void anOptionalColumnMissingFromOnePartFileIsNotPresent() throws IOException {
    writeVectorTables(dir, WriteOptions.defaults());
    writeSchema(
        dir.resolve("vms/part-00000.parquet"),
        "message vms { optional binary vm_id (STRING); optional int32 enabled_state; }");
    writeSchema(
        dir.resolve("vms/part-00001.parquet"), "message vms { optional binary vm_id (STRING); }");

    TableInput vms =
        SnapshotInspector.inspect(storage, dir.toString())
            .optional(SnapshotTable.VMS)
            .orElseThrow();

    assertThat(vms.files()).hasSize(2);
    assertThat(vms.columns()).containsExactly("vm_id");
  }

  @Test
  void aMissingSnapshotDirectoryIsAnInvalidParameter() {
    String missing = dir.resolve("no-such-snapshot").toString();

    assertThatThrownBy(() -> SnapshotInspector.inspect(storage, missing))
        .isInstanceOfSatisfying(
            FleetcompatException.class,
            e -> assertThat(e.status()).isEqualTo(ReturnCode.INVALID_PARAMETER))
        .hasMessage("Cannot read snapshot " + missing + ": no such directory; check --snapshot");
  }

  @Test
  void aMissingRequiredTableNamesTheTableTheSnapshotAndBothLayouts() {
    SnapshotTableWriter.writeVectors(
        dir, SnapshotTable.HOST_VECTORS, hostRows(), WriteOptions.defaults());
    SnapshotTableWriter.writeVms(dir, List.of(new VmRow("vm-1", 2, "h-1")));

    FleetcompatException e = inspectFails(dir.toString());

    assertThat(e.status()).isEqualTo(ReturnCode.INVALID_PARAMETER);
    assertThat(e.status().code()).isEqualTo(32773);
    assertThat(e)
        .hasMessage(
            "Cannot read vm_vectors: snapshot "
                + dir
                + " has neither vm_vectors/ (a directory of Parquet part files) nor"
                + " vm_vectors.parquet; write the table there or pass the right --snapshot");
  }

  @Test
  void aTableDirectoryWithoutDataFilesIsAnInvalidParameter() throws IOException {
    writeVectorTables(dir, WriteOptions.defaults());
    Path table = Files.createDirectories(dir.resolve("vm_vectors"));
    Files.delete(dir.resolve("vm_vectors.parquet"));
    Files.write(table.resolve("_SUCCESS"), new byte[0]);
    Files.write(table.resolve(".part-00000.parquet.crc"), garbage());

    FleetcompatException e = inspectFails(dir.toString());

    assertThat(e.status()).isEqualTo(ReturnCode.INVALID_PARAMETER);
    assertThat(e)
        .hasMessage(
            "Cannot read vm_vectors: directory "
                + dir.resolve("vm_vectors")
                + " holds no Parquet"
                + " file");
  }

  @Test
  void aMissingRequiredColumnNamesTheFileTheColumnAndTheColumnsFound() throws IOException {
    writeVectorTables(dir, WriteOptions.defaults());
    Path file = dir.resolve("vm_vectors.parquet");
    writeSchema(
        file,
        "message vm_vectors { optional binary vm_id (STRING); optional int64 vector_id;"
            + " optional int64 compatibility_info; optional int32 compare_op; }");

    FleetcompatException e = inspectFails(dir.toString());

    assertThat(e.status()).isEqualTo(ReturnCode.INVALID_PARAMETER);
    assertThat(e)
        .hasMessage(
            "Cannot read vm_vectors: file "
                + uri(file)
                + " has no column compare_operation (found columns: vm_id, vector_id,"
                + " compatibility_info, compare_op); expected compare_operation as INT32 or INT64");
  }

  @Test
  void aMissingIdColumnIsReportedForTheOptionalTablesToo() throws IOException {
    writeVectorTables(dir, WriteOptions.defaults());
    Path file = dir.resolve("hosts.parquet");
    writeSchema(file, "message hosts { optional binary cluster (STRING); }");

    FleetcompatException e = inspectFails(dir.toString());

    assertThat(e.status()).isEqualTo(ReturnCode.INVALID_PARAMETER);
    assertThat(e)
        .hasMessage(
            "Cannot read hosts: file "
                + uri(file)
                + " has no column host_id (found columns: cluster); expected host_id as STRING"
                + " (BINARY UTF8), INT32 or INT64");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "optional binary compatibility_info (STRING)        | BINARY (STRING)",
        "optional binary compatibility_info                 | BINARY",
        "optional int32 compatibility_info                  | INT32",
        "optional int32 compatibility_info (UINT_32)        | INT32 (INTEGER(32,false))",
        "optional double compatibility_info                 | DOUBLE",
        "optional float compatibility_info                  | FLOAT",
        "optional int64 compatibility_info (TIMESTAMP_MILLIS) | INT64 (TIMESTAMP(MILLIS,true))",
        "optional fixed_len_byte_array(9) compatibility_info (DECIMAL(20,2)) |"
            + " FIXED_LEN_BYTE_ARRAY(9) (DECIMAL(20,2))",
        "optional int64 compatibility_info (DECIMAL(18,4))  | INT64 (DECIMAL(18,4))",
        "repeated int64 compatibility_info                  | INT64 REPEATED",
        "optional group compatibility_info { optional int64 bits; } | a nested group"
      })
  void aValueColumnOfAnUnusableTypeIsAnIncorrectDataType(String field, String found)
      throws IOException {
    writeVectorTables(dir, WriteOptions.defaults());
    Path file = dir.resolve("vm_vectors.parquet");
    writeSchema(
        file,
        "message vm_vectors { optional binary vm_id (STRING); optional int64 vector_id;"
            + " optional int32 compare_operation; "
            + field
            + (field.endsWith("}") ? " }" : "; }"));

    FleetcompatException e = inspectFails(dir.toString());

    assertThat(e.status()).isEqualTo(ReturnCode.INCORRECT_DATA_TYPE);
    assertThat(e.status().code()).isEqualTo(32776);
    assertThat(e)
        .hasMessage(
            "Cannot read vm_vectors: column compatibility_info in file "
                + uri(file)
                + " is "
                + found
                + ", expected "
                + VALUE_EXPECTED
                + "; rewrite the column with one of the expected types");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "vector_id         | optional binary vector_id (STRING) | BINARY (STRING)"
            + " | INT32 or INT64 with values in 0..2^32-1",
        "compare_operation | optional double compare_operation  | DOUBLE | INT32 or INT64",
        "vm_id             | optional double vm_id              | DOUBLE"
            + " | STRING (BINARY UTF8), INT32 or INT64"
      })
  void otherVectorColumnsOfAnUnusableTypeAreIncorrectDataTypes(
      String column, String field, String found, String expected) throws IOException {
    writeVectorTables(dir, WriteOptions.defaults());
    Path file = dir.resolve("vm_vectors.parquet");
    List<String> fields =
        new ArrayList<>(
            List.of(
                "optional binary vm_id (STRING)",
                "optional int64 vector_id",
                "optional int32 compare_operation",
                "optional int64 compatibility_info"));
    fields.replaceAll(f -> f.endsWith(" " + column) || f.contains(" " + column + " ") ? field : f);
    writeSchema(file, "message vm_vectors { " + String.join("; ", fields) + "; }");

    FleetcompatException e = inspectFails(dir.toString());

    assertThat(e.status()).isEqualTo(ReturnCode.INCORRECT_DATA_TYPE);
    assertThat(e)
        .hasMessage(
            "Cannot read vm_vectors: column "
                + column
                + " in file "
                + uri(file)
                + " is "
                + found
                + ", expected "
                + expected
                + "; rewrite the column with one of the expected types");
  }

  @Test
  void anOptionalColumnOfAnUnusableTypeIsAnIncorrectDataType() throws IOException {
    writeVectorTables(dir, WriteOptions.defaults());
    Path file = dir.resolve("vms.parquet");
    writeSchema(
        file,
        "message vms { optional binary vm_id (STRING); optional binary enabled_state (STRING); }");

    FleetcompatException e = inspectFails(dir.toString());

    assertThat(e.status()).isEqualTo(ReturnCode.INCORRECT_DATA_TYPE);
    assertThat(e)
        .hasMessage(
            "Cannot read vms: column enabled_state in file "
                + uri(file)
                + " is BINARY (STRING), expected INT32 or INT64; rewrite the column with one of"
                + " the expected types");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "optional int64 compatibility_info",
        "required int64 compatibility_info",
        "optional int64 compatibility_info (UINT_64)",
        "optional int64 compatibility_info (INTEGER(64,true))",
        "optional fixed_len_byte_array(9) compatibility_info (DECIMAL(20,0))",
        "optional binary compatibility_info (DECIMAL(20,0))",
        "optional int32 vector_id",
        "optional int32 vector_id (UINT_32)",
        "optional int64 vector_id (UINT_64)",
        "optional int32 compare_operation (UINT_8)",
        "optional int64 compare_operation",
        "optional binary vm_id",
        "optional binary vm_id (ENUM)",
        "optional int64 vm_id"
      })
  void everyAcceptedTypePasses(String field) throws IOException {
    writeVectorTables(dir, WriteOptions.defaults());
    String column = field.split(" ")[2];
    List<String> fields =
        new ArrayList<>(
            List.of(
                "optional binary vm_id (STRING)",
                "optional int64 vector_id",
                "optional int32 compare_operation",
                "optional int64 compatibility_info"));
    fields.replaceAll(f -> f.split(" ")[2].equals(column) ? field : f);
    writeSchema(
        dir.resolve("vm_vectors.parquet"),
        "message vm_vectors { " + String.join("; ", fields) + "; }");

    TableInput vms =
        SnapshotInspector.inspect(storage, dir.toString()).required(SnapshotTable.VM_VECTORS);

    assertThat(vms.columns())
        .containsExactly("vm_id", "vector_id", "compare_operation", "compatibility_info");
  }

  @ParameterizedTest
  @EnumSource(ValueEncoding.class)
  void everyEncodingTheWriterProducesPasses(ValueEncoding value) {
    // Each id encoding with the other operation encoding: every column type is written once.
    for (IntEncoding ids : IntEncoding.values()) {
      IntEncoding ops = ids == IntEncoding.INT32 ? IntEncoding.INT64 : IntEncoding.INT32;
      WriteOptions options =
          WriteOptions.defaults()
              .withValue(value)
              .withVectorId(ids)
              .withOperation(ops)
              .withRowsPerFile(2);
      writeVectorTables(dir, options);

      SnapshotInputs inputs = SnapshotInspector.inspect(storage, dir.toString());

      assertThat(inputs.required(SnapshotTable.VM_VECTORS).columns())
          .as("%s", options)
          .containsAll(VECTOR_COLUMNS);
      assertThat(inputs.required(SnapshotTable.HOST_VECTORS).files()).as("%s", options).hasSize(2);
    }
  }

  @Test
  void partFilesThatDisagreeOnAColumnTypeNameBothFiles() {
    Path other = dir.resolve("other");
    writeVectorTables(dir, WriteOptions.defaults().withRowsPerFile(2));
    SnapshotTableWriter.writeVectors(
        other,
        SnapshotTable.VM_VECTORS,
        vmRows(),
        WriteOptions.defaults().withValue(ValueEncoding.DECIMAL_20_0).withRowsPerFile(2));
    Path first = dir.resolve("vm_vectors/part-00000.parquet");
    Path second = dir.resolve("vm_vectors/part-00001.parquet");
    copy(other.resolve("vm_vectors/part-00001.parquet"), second);

    FleetcompatException e = inspectFails(dir.toString());

    assertThat(e.status()).isEqualTo(ReturnCode.INCORRECT_DATA_TYPE);
    assertThat(e)
        .hasMessage(
            "Cannot read vm_vectors: column compatibility_info is INT64 (INTEGER(64,false)) in "
                + uri(first)
                + " but FIXED_LEN_BYTE_ARRAY(9) (DECIMAL(20,0)) in "
                + uri(second)
                + "; all part files of a table must use one type");
  }

  @Test
  void aSingleFileThatIsNotParquetIsAnInvalidParameterNamingTheFile() throws IOException {
    writeVectorTables(dir, WriteOptions.defaults());
    Path file = dir.resolve("host_vectors.parquet");
    Files.write(file, garbage());

    FleetcompatException e = inspectFails(dir.toString());

    assertThat(e.status()).isEqualTo(ReturnCode.INVALID_PARAMETER);
    assertThat(e.getMessage())
        .startsWith(
            "Cannot read host_vectors: file " + uri(file) + " is not a readable Parquet file (");
    assertThat(e.getCause()).isNotNull();
  }

  @Test
  void aPartFileThatIsNotParquetIsAnInvalidParameterNamingTheFile() throws IOException {
    writeVectorTables(dir, WriteOptions.defaults().withRowsPerFile(2));
    Path file = dir.resolve("vm_vectors/part-00001.parquet");
    Files.write(file, "vm_id,vector_id\nvm-1,1\n".getBytes(StandardCharsets.UTF_8));

    FleetcompatException e = inspectFails(dir.toString());

    assertThat(e.status()).isEqualTo(ReturnCode.INVALID_PARAMETER);
    assertThat(e.getMessage())
        .startsWith(
            "Cannot read vm_vectors: file " + uri(file) + " is not a readable Parquet file (");
  }

  @Test
  void anEmptyFileIsAnInvalidParameterNamingTheFile() throws IOException {
    writeVectorTables(dir, WriteOptions.defaults());
    Path file = dir.resolve("vm_vectors.parquet");
    Files.write(file, new byte[0]);

    FleetcompatException e = inspectFails(dir.toString());

    assertThat(e.status()).isEqualTo(ReturnCode.INVALID_PARAMETER);
    assertThat(e.getMessage())
        .startsWith(
            "Cannot read vm_vectors: file " + uri(file) + " is not a readable Parquet file (");
  }

  private static FleetcompatException inspectFails(String snapshot) {
    try {
      SnapshotInspector.inspect(storage, snapshot);
    } catch (FleetcompatException e) {
      return e;
    }
    throw new AssertionError("inspect(" + snapshot + ") did not fail");
  }

  private static void writeVectorTables(Path snapshot, WriteOptions options) {
    SnapshotTableWriter.writeVectors(snapshot, SnapshotTable.HOST_VECTORS, hostRows(), options);
    SnapshotTableWriter.writeVectors(snapshot, SnapshotTable.VM_VECTORS, vmRows(), options);
  }

  private static List<VectorRow> hostRows() {
    return List.of(
        VectorRow.of("h-1", 0x10000102L, 2, 0x3e98320bL),
        VectorRow.of("h-1", 0x8000_0000L, 0, -1L),
        VectorRow.of("h-2", 0x10000102L, 2, 0x3e983207L));
  }

  private static List<VectorRow> vmRows() {
    return List.of(
        VectorRow.of("vm-1", 0x10000102L, 2, 0x3e98320bL),
        VectorRow.of("vm-1", 0xffff_ffffL, 5, Long.MIN_VALUE),
        VectorRow.of("vm-2", 0x10000102L, 2, 1),
        VectorRow.of("vm-3", 7, 9, 3),
        VectorRow.of("vm-3", 8, 4, 0));
  }

  /** Writes a file with the schema and no rows, as a tool with other conventions would. */
  private static void writeSchema(Path file, String schema) throws IOException {
    MessageType type = MessageTypeParser.parseMessageType(schema);
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(type)
            .build()) {
      // Only the footer matters here.
    }
  }

  private static void copy(Path from, Path to) {
    try {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] garbage() {
    byte[] bytes = new byte[64];
    new Random(42).nextBytes(bytes);
    return bytes;
  }

  /** The path SnapshotInspector reports for a local file: absolute and normalized. */
  private static String uri(Path p) {
    return p.toAbsolutePath().normalize().toString();
  }
}
