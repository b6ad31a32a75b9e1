package org.fleetcompat.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Reads a local snapshot directory (SPEC section 3) into plain raw rows with parquet-hadoop's own
 * record reader ({@link ParquetFileReader}, {@link ColumnIOFactory}, {@link GroupRecordConverter}):
 * no Spark and none of the engine's io or spark classes, so golden outputs computed from these rows
 * are independent of the engine's readers.
 *
 * <p>Nothing is validated here: every field is kept as found, as a nullable {@link BigInteger} for
 * integers, so {@link ReferenceValidation} sees the faulty rows too. Integers are decoded from
 * every physical type the SPEC accepts:
 *
 * <ul>
 *   <li>{@code compatibility_info}: INT64 (signed or not) is the 64-bit pattern, read as unsigned
 *       (0..2^64-1); DECIMAL(p,0) in INT32, INT64, FIXED_LEN_BYTE_ARRAY or BINARY is the exact
 *       decimal, which may be negative or too large (the validation rejects it).
 *   <li>{@code vector_id}, {@code compare_operation}, {@code enabled_state}: INT32 or INT64 read as
 *       signed unless annotated unsigned (UINT_32, UINT_64), or a whole decimal.
 *   <li>system ids: a UTF-8 string, or an integer written as its decimal text.
 * </ul>
 *
 * <p>A table is {@code NAME.parquet} or a directory {@code NAME/} of part files (searched
 * recursively, hidden {@code _*} and {@code .*} files skipped, sorted by path); the directory wins
 * when both exist. Rows come in file order, then row order. Stateless; loads whole tables into
 * memory, meant for small sample snapshots.
 */
public final class SnapshotFileReader {
  private SnapshotFileReader() {}

  /**
   * One row of {@code host_vectors} or {@code vm_vectors}, as read.
   *
   * @param systemId the {@code host_id} or {@code vm_id}; nullable
   * @param vectorId the {@code vector_id}; nullable, any integer
   * @param op the {@code compare_operation}; nullable, any integer
   * @param value the {@code compatibility_info} as an unsigned number (INT64 pattern) or the exact
   *     decimal; nullable, any integer
   */
  public record RawVectorRow(
      String systemId, BigInteger vectorId, BigInteger op, BigInteger value) {}

  /**
   * One row of {@code hosts}, as read.
   *
   * @param hostId the {@code host_id}; nullable
   * @param cluster the {@code cluster}; null when null or when the file has no such column
   */
  public record RawHostRow(String hostId, String cluster) {}

  /**
   * One row of {@code vms}, as read.
   *
   * @param vmId the {@code vm_id}; nullable
   * @param enabledState the {@code enabled_state}; null when null or absent
   * @param currentHostId the {@code current_host_id}; null when null or absent
   */
  public record RawVmRow(String vmId, BigInteger enabledState, String currentHostId) {}

  /** Every row of {@code host_vectors}; fails if the table is absent. */
  public static List<RawVectorRow> readHostVectors(Path snapshot) {
    return readVectors(snapshot, "host_vectors", "host_id");
  }

  /** Every row of {@code vm_vectors}; fails if the table is absent. */
  public static List<RawVectorRow> readVmVectors(Path snapshot) {
    return readVectors(snapshot, "vm_vectors", "vm_id");
  }

  /** Every row of {@code hosts}, or empty when the snapshot has no such table. */
  public static Optional<List<RawHostRow>> readHosts(Path snapshot) {
    return readTable(
        snapshot,
        "hosts",
        List.of("host_id"),
        (g, s) -> new RawHostRow(text(g, s, "host_id"), text(g, s, "cluster")));
  }

  /** Every row of {@code vms}, or empty when the snapshot has no such table. */
  public static Optional<List<RawVmRow>> readVms(Path snapshot) {
    return readTable(
        snapshot,
        "vms",
        List.of("vm_id"),
        (g, s) ->
            new RawVmRow(
                text(g, s, "vm_id"),
                integer(g, s, "enabled_state"),
                text(g, s, "current_host_id")));
  }

  /**
   * The data files of table {@code name}: the part files of {@code NAME/}, else {@code
   * NAME.parquet}, else an empty list.
   */
  public static List<Path> tableFiles(Path snapshot, String name) {
    Path dir = snapshot.resolve(name);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        return walk.filter(Files::isRegularFile).filter(p -> isVisible(dir, p)).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + dir, e);
      }
    }
    Path single = snapshot.resolve(name + ".parquet");
    return Files.isRegularFile(single) ? List.of(single) : List.of();
  }

  private static List<RawVectorRow> readVectors(Path snapshot, String table, String idColumn) {
    return readTable(
            snapshot,
            table,
            List.of(idColumn, "vector_id", "compare_operation", "compatibility_info"),
            (g, s) ->
                new RawVectorRow(
                    text(g, s, idColumn),
                    integer(g, s, "vector_id"),
                    integer(g, s, "compare_operation"),
                    value(g, s, "compatibility_info")))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Cannot read "
                        + table
                        + ": no "
                        + table
                        + "/ or "
                        + table
                        + ".parquet in "
                        + snapshot));
  }

  /** One record of a file and its schema, to a row. */
  private interface RowMapper<T> {
    T map(Group record, MessageType schema);
  }

  private static <T> Optional<List<T>> readTable(
      Path snapshot, String table, List<String> required, RowMapper<T> mapper) {
    List<Path> files = tableFiles(snapshot, table);
    if (files.isEmpty()) {
      return Optional.empty();
    }
    List<T> rows = new ArrayList<>();
    for (Path file : files) {
      readFile(file, required, mapper, rows);
    }
    return Optional.of(rows);
  }

  private static <T> void readFile(
      Path file, List<String> required, RowMapper<T> mapper, List<T> out) {
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      for (String column : required) {
        if (!schema.containsField(column)) {
          throw new IllegalArgumentException(
              "Cannot read " + file + ": no column " + column + " in " + schema);
        }
      }
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
      PageReadStore rowGroup;
      while ((rowGroup = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records =
            io.getRecordReader(rowGroup, new GroupRecordConverter(schema));
        for (long i = 0; i < rowGroup.getRowCount(); i++) {
          out.add(mapper.map(records.read(), schema));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Parquet file " + file, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Cannot read Parquet file " + file + ": " + e, e);
    }
  }

  private static boolean isVisible(Path dir, Path file) {
    for (Path p = dir.relativize(file); p != null; p = p.getParent()) {
      String name = p.getFileName().toString();
      if (name.startsWith("_") || name.startsWith(".")) {
        return false;
      }
    }
    return true;
  }

  /** The column's primitive type, or null when the file has no such column. */
  private static PrimitiveType column(MessageType schema, String name) {
    return schema.containsField(name) ? schema.getType(name).asPrimitiveType() : null;
  }

  private static boolean isNull(Group g, MessageType schema, String name) {
    return column(schema, name) == null || g.getFieldRepetitionCount(name) == 0;
  }

  /** A string column, or an integer id column as its decimal text. */
  private static String text(Group g, MessageType schema, String name) {
    if (isNull(g, schema, name)) {
      return null;
    }
    PrimitiveType type = column(schema, name);
    return switch (type.getPrimitiveTypeName()) {
      case BINARY -> g.getBinary(name, 0).toStringUsingUTF8();
      case INT32, INT64 -> integer(g, schema, name).toString();
      default -> throw unsupported(type, name);
    };
  }

  /** An integer column: signed unless annotated unsigned, or a whole decimal. */
  private static BigInteger integer(Group g, MessageType schema, String name) {
    if (isNull(g, schema, name)) {
      return null;
    }
    PrimitiveType type = column(schema, name);
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    if (logical instanceof DecimalLogicalTypeAnnotation) {
      return decimal(g, type, name);
    }
    boolean unsigned = logical instanceof IntLogicalTypeAnnotation i && !i.isSigned();
    return switch (type.getPrimitiveTypeName()) {
      case INT32 -> {
        int v = g.getInteger(name, 0);
        yield BigInteger.valueOf(unsigned ? Integer.toUnsignedLong(v) : v);
      }
      case INT64 -> {
        long v = g.getLong(name, 0);
        yield unsigned ? NestedLoopReference.unsigned(v) : BigInteger.valueOf(v);
      }
      default -> throw unsupported(type, name);
    };
  }

  /**
   * {@code compatibility_info}: a plain or annotated INT64 is the raw 64-bit pattern (SPEC section
   * 3), so it is read as unsigned; a decimal is read exactly.
   */
  private static BigInteger value(Group g, MessageType schema, String name) {
    if (isNull(g, schema, name)) {
      return null;
    }
    PrimitiveType type = column(schema, name);
    if (type.getLogicalTypeAnnotation() instanceof DecimalLogicalTypeAnnotation) {
      return decimal(g, type, name);
    }
    return switch (type.getPrimitiveTypeName()) {
      case INT64 -> NestedLoopReference.unsigned(g.getLong(name, 0));
      default -> throw unsupported(type, name);
    };
  }

  /** A DECIMAL(p,0): the unscaled value, which is the number itself. */
  private static BigInteger decimal(Group g, PrimitiveType type, String name) {
    DecimalLogicalTypeAnnotation d = (DecimalLogicalTypeAnnotation) type.getLogicalTypeAnnotation();
    if (d.getScale() != 0) {
      throw unsupported(type, name);
    }
    return switch (type.getPrimitiveTypeName()) {
      case INT32 -> BigInteger.valueOf(g.getInteger(name, 0));
      case INT64 -> BigInteger.valueOf(g.getLong(name, 0));
      // Big-endian two's complement, whatever the length.
      case FIXED_LEN_BYTE_ARRAY, BINARY -> new BigInteger(g.getBinary(name, 0).getBytes());
      default -> throw unsupported(type, name);
    };
  }

  private static IllegalArgumentException unsupported(PrimitiveType type, String name) {
    return new IllegalArgumentException(
        "Cannot read column " + name + ": type " + type + " is not one the SPEC accepts");
  }
}
