package org.fleetcompat.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes snapshot tables (SPEC section 3) as Parquet files on the local file system, with
 * parquet-hadoop's own writer and no Spark, in every physical variant the snapshot readers must
 * accept. Tests and the sample generator use it to write fleets "as other tools would".
 *
 * <p>Every column is OPTIONAL so null fields can be written. A table is written either as {@code
 * <snapshot>/<table>.parquet} or as a directory {@code <snapshot>/<table>/} of files {@code
 * part-00000.parquet}, {@code part-00001.parquet}, ...; whatever the table had before, in either
 * form, is deleted first. Files are uncompressed, Parquet format v1 (Spark's default), one row
 * group each. The output is a function of the arguments only: the same rows give the same bytes.
 *
 * <pre>{@code
 * SnapshotTableWriter.writeVectors(dir, SnapshotTable.VM_VECTORS,
 *     List.of(VectorRow.of("vm-1", 0x10000102, 2, 0x3e98320bL)),
 *     WriteOptions.defaults().withValue(ValueEncoding.DECIMAL_20_0).withRowsPerFile(1000));
 * SnapshotTableWriter.writeHosts(dir, List.of(new HostRow("h-1", "cl-a")));
 * }</pre>
 *
 * <p>Stateless; calls for different tables may run concurrently, calls for the same table may not.
 * IO failures are thrown as {@link UncheckedIOException} naming the file.
 */
public final class SnapshotTableWriter {
  /** Spark stores DECIMAL(20,0) in the smallest fixed length that holds 20 digits. */
  private static final int DECIMAL_BYTES = 9;

  private static final int DECIMAL_PRECISION = 20;
  private static final String PART_FILE_FORMAT = "part-%05d.parquet";

  private SnapshotTableWriter() {}

  /**
   * Writes {@code host_vectors} or {@code vm_vectors}: columns {@code table.idColumn()} (string),
   * {@code vector_id}, {@code compare_operation}, {@code compatibility_info}, typed by {@code
   * options}, rows in list order.
   *
   * @param snapshotDir the snapshot directory; created if absent
   * @param table {@link SnapshotTable#HOST_VECTORS} or {@link SnapshotTable#VM_VECTORS}
   * @param rows the rows; a null row is not allowed, null fields are
   * @param options the physical layout
   * @throws IllegalArgumentException if {@code table} is not a vector table, a value does not fit
   *     the chosen encoding (a {@code vector_id} or operation outside the 32-bit range with {@link
   *     IntEncoding#INT32}, a decimal that needs more than 9 bytes)
   * @throws UncheckedIOException if a file cannot be written
   */
  public static void writeVectors(
      Path snapshotDir, SnapshotTable table, List<VectorRow> rows, WriteOptions options) {
    Objects.requireNonNull(snapshotDir, "snapshotDir");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(options, "options");
    if (!table.isVectorTable()) {
      throw new IllegalArgumentException(
          "Cannot write " + table + " as a vector table: expected host_vectors or vm_vectors");
    }
    boolean vectorIdInt32 = options.vectorId() == IntEncoding.INT32;
    boolean operationInt32 = options.operation() == IntEncoding.INT32;
    var schema =
        Types.buildMessage()
            .addField(stringColumn(table.idColumn()))
            .addField(
                intColumn(
                    table, SnapshotTable.VECTOR_ID, options.vectorId(), rows, VectorRow::vectorId))
            .addField(
                intColumn(
                    table,
                    SnapshotTable.COMPARE_OPERATION,
                    options.operation(),
                    rows,
                    VectorRow::compareOperation))
            .addField(valueColumn(options.value()))
            .named(table.tableName());
    BiConsumer<VectorRow, Group> fill =
        (row, g) -> {
          if (row.systemId() != null) {
            g.add(table.idColumn(), row.systemId());
          }
          addInt(g, SnapshotTable.VECTOR_ID, row.vectorId(), vectorIdInt32);
          addInt(g, SnapshotTable.COMPARE_OPERATION, row.compareOperation(), operationInt32);
          if (row.value() != null) {
            addValue(g, row.value(), options.value());
          }
        };
    deleteTable(snapshotDir, table.tableName());
    int perFile = options.rowsPerFile();
    if (perFile == 0) {
      writeFile(
          tableFile(snapshotDir, table.tableName()), schema, options.dictionary(), rows, fill);
      return;
    }
    Path dir = snapshotDir.resolve(table.tableName());
    int parts = Math.max(1, (rows.size() + perFile - 1) / perFile);
    for (int p = 0; p < parts; p++) {
      List<VectorRow> part = rows.subList(p * perFile, Math.min(rows.size(), (p + 1) * perFile));
      writeFile(
          dir.resolve(String.format(Locale.ROOT, PART_FILE_FORMAT, p)),
          schema,
          options.dictionary(),
          part,
          fill);
    }
  }

  /**
   * Writes {@code hosts.parquet}: {@code host_id} and {@code cluster}, both strings, and each
   * capacity column (INT64) that some row gives a value for; dictionary on.
   *
   * @param snapshotDir the snapshot directory; created if absent
   * @param rows the rows; a null row is not allowed, null fields are
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void writeHosts(Path snapshotDir, List<HostRow> rows) {
    SnapshotTable table = SnapshotTable.HOSTS;
    boolean cpu = rows.stream().anyMatch(r -> r.logicalProcessors() != null);
    boolean memory = rows.stream().anyMatch(r -> r.memoryMb() != null);
    boolean reserved = rows.stream().anyMatch(r -> r.reservedMemoryMb() != null);
    var builder =
        Types.buildMessage()
            .addField(stringColumn(table.idColumn()))
            .addField(stringColumn("cluster"));
    if (cpu) {
      builder = builder.addField(longColumn(ColumnContract.LOGICAL_PROCESSORS));
    }
    if (memory) {
      builder = builder.addField(longColumn(ColumnContract.MEMORY_MB));
    }
    if (reserved) {
      builder = builder.addField(longColumn(ColumnContract.RESERVED_MEMORY_MB));
    }
    var schema = builder.named(table.tableName());
    deleteTable(snapshotDir, table.tableName());
    writeFile(
        tableFile(snapshotDir, table.tableName()),
        schema,
        true,
        rows,
        (row, g) -> {
          addString(g, table.idColumn(), row.hostId());
          addString(g, "cluster", row.cluster());
          addLong(g, ColumnContract.LOGICAL_PROCESSORS, row.logicalProcessors());
          addLong(g, ColumnContract.MEMORY_MB, row.memoryMb());
          addLong(g, ColumnContract.RESERVED_MEMORY_MB, row.reservedMemoryMb());
        });
  }

  /**
   * Writes {@code vms.parquet}: {@code vm_id} (string), {@code enabled_state} (INT32), {@code
   * current_host_id} (string), and each demand column (INT64) that some row gives a value for;
   * dictionary on.
   *
   * @param snapshotDir the snapshot directory; created if absent
   * @param rows the rows; a null row is not allowed, null fields are
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void writeVms(Path snapshotDir, List<VmRow> rows) {
    SnapshotTable table = SnapshotTable.VMS;
    var schema =
        Types.buildMessage()
            .addField(stringColumn(table.idColumn()))
            .addField(Types.optional(PrimitiveTypeName.INT32).named("enabled_state"))
            .addField(stringColumn("current_host_id"));
    if (rows.stream().anyMatch(r -> r.virtualProcessors() != null)) {
      schema = schema.addField(longColumn(ColumnContract.VIRTUAL_PROCESSORS));
    }
    if (rows.stream().anyMatch(r -> r.memoryMb() != null)) {
      schema = schema.addField(longColumn(ColumnContract.MEMORY_MB));
    }
    var message = schema.named(table.tableName());
    deleteTable(snapshotDir, table.tableName());
    writeFile(
        tableFile(snapshotDir, table.tableName()),
        message,
        true,
        rows,
        (row, g) -> {
          addString(g, table.idColumn(), row.vmId());
          if (row.enabledState() != null) {
            g.add("enabled_state", row.enabledState().intValue());
          }
          addString(g, "current_host_id", row.currentHostId());
          addLong(g, ColumnContract.VIRTUAL_PROCESSORS, row.virtualProcessors());
          addLong(g, ColumnContract.MEMORY_MB, row.memoryMb());
        });
  }

  private static org.apache.parquet.schema.Type longColumn(String name) {
    return Types.optional(PrimitiveTypeName.INT64).named(name);
  }

  /** Adds {@code value} to the group when not null and the schema has the column. */
  private static void addLong(Group g, String column, Long value) {
    if (value != null && g.getType().containsField(column)) {
      g.add(column, value.longValue());
    }
  }

  private static Path tableFile(Path snapshotDir, String tableName) {
    return snapshotDir.resolve(tableName + ".parquet");
  }

  private static org.apache.parquet.schema.Type stringColumn(String name) {
    return Types.optional(PrimitiveTypeName.BINARY)
        .as(LogicalTypeAnnotation.stringType())
        .named(name);
  }

  /**
   * An INT32 column is plain while every value fits a signed int; values in 2^31..2^32-1 need the
   * UINT_32 annotation, and then negative values no longer fit. The type is chosen over all rows so
   * every part file of a table has the same schema.
   */
  private static org.apache.parquet.schema.Type intColumn(
      SnapshotTable table,
      String name,
      IntEncoding encoding,
      List<VectorRow> rows,
      Function<VectorRow, Long> field) {
    if (encoding == IntEncoding.INT64) {
      return Types.optional(PrimitiveTypeName.INT64).named(name);
    }
    boolean negative = false;
    boolean aboveSignedInt = false;
    for (VectorRow row : rows) {
      Long v = field.apply(row);
      if (v == null) {
        continue;
      }
      if (v < Integer.MIN_VALUE || v > 0xffff_ffffL) {
        throw int32Overflow(table, name, v);
      }
      negative |= v < 0;
      aboveSignedInt |= v > Integer.MAX_VALUE;
      if (negative && aboveSignedInt) {
        throw int32Overflow(table, name, v);
      }
    }
    var builder = Types.optional(PrimitiveTypeName.INT32);
    if (aboveSignedInt) {
      builder = builder.as(LogicalTypeAnnotation.intType(32, false));
    }
    return builder.named(name);
  }

  private static IllegalArgumentException int32Overflow(SnapshotTable table, String name, long v) {
    return new IllegalArgumentException(
        "Cannot write "
            + table
            + "."
            + name
            + " value "
            + v
            + " as INT32: INT32 holds either -2^31..2^31-1 (plain) or 0..2^32-1 (UINT_32) in one"
            + " column; use IntEncoding.INT64");
  }

  private static org.apache.parquet.schema.Type valueColumn(ValueEncoding encoding) {
    String name = SnapshotTable.COMPATIBILITY_INFO;
    return switch (encoding) {
      case SIGNED_INT64 -> Types.optional(PrimitiveTypeName.INT64).named(name);
      case UNSIGNED_INT64 ->
          Types.optional(PrimitiveTypeName.INT64)
              .as(LogicalTypeAnnotation.intType(64, false))
              .named(name);
      case DECIMAL_20_0 ->
          Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
              .length(DECIMAL_BYTES)
              .as(LogicalTypeAnnotation.decimalType(0, DECIMAL_PRECISION))
              .named(name);
    };
  }

  private static void addString(Group g, String column, String value) {
    if (value != null) {
      g.add(column, value);
    }
  }

  private static void addInt(Group g, String column, Long value, boolean int32) {
    if (value == null) {
      return;
    }
    if (int32) {
      // The low 32 bits: the plain int, or the pattern a UINT_32 reader turns back into it.
      g.add(column, (int) value.longValue());
    } else {
      g.add(column, value.longValue());
    }
  }

  private static void addValue(Group g, BigInteger value, ValueEncoding encoding) {
    String column = SnapshotTable.COMPATIBILITY_INFO;
    if (encoding == ValueEncoding.DECIMAL_20_0) {
      g.add(column, Binary.fromConstantByteArray(decimalBytes(value)));
    } else {
      g.add(column, value.longValue());
    }
  }

  /** Big-endian two's complement, sign-extended to exactly {@value #DECIMAL_BYTES} bytes. */
  static byte[] decimalBytes(BigInteger value) {
    byte[] minimal = value.toByteArray();
    if (minimal.length > DECIMAL_BYTES) {
      throw new IllegalArgumentException(
          "Cannot write compatibility_info "
              + value
              + " as DECIMAL(20,0): it needs "
              + minimal.length
              + " bytes, FIXED_LEN_BYTE_ARRAY("
              + DECIMAL_BYTES
              + ") holds -2^71..2^71-1");
    }
    byte[] out = new byte[DECIMAL_BYTES];
    Arrays.fill(out, 0, DECIMAL_BYTES - minimal.length, (byte) (value.signum() < 0 ? -1 : 0));
    System.arraycopy(minimal, 0, out, DECIMAL_BYTES - minimal.length, minimal.length);
    return out;
  }

  private static <T> void writeFile(
      Path file, MessageType schema, boolean dictionary, List<T> rows, BiConsumer<T, Group> fill) {
    var groups = new SimpleGroupFactory(schema);
    try {
      Files.createDirectories(file.getParent());
      // A plain configuration keeps Hadoop's Configuration (and its XML loading) out of the path.
      try (ParquetWriter<Group> writer =
          ExampleParquetWriter.builder(new LocalOutputFile(file))
              .withConf(new PlainParquetConfiguration())
              .withType(schema)
              .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
              .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
              .withDictionaryEncoding(dictionary)
              .build()) {
        for (T row : rows) {
          Objects.requireNonNull(row, "row");
          Group g = groups.newGroup();
          fill.accept(row, g);
          writer.write(g);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write Parquet file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Overwriting means the table's previous form goes too: a reader must not see both. */
  private static void deleteTable(Path snapshotDir, String tableName) {
    Path file = tableFile(snapshotDir, tableName);
    Path dir = snapshotDir.resolve(tableName);
    try {
      Files.deleteIfExists(file);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot overwrite table " + tableName + " in " + snapshotDir + ": " + e.getMessage(), e);
    }
  }
}
