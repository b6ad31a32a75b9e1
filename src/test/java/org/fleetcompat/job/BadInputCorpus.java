package org.fleetcompat.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.io.HostRow;
import org.fleetcompat.io.IntEncoding;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.VectorRow;
import org.fleetcompat.io.VmRow;
import org.fleetcompat.io.WriteOptions;

/**
 * A corpus of bad snapshots (issue 10), each built from code on a tiny fleet: what a snapshot looks
 * like when an exporter, a copy or a person gets it wrong. Every case says what the job must do:
 * stop before any work with one line and a status ({@link Fatal}), or complete with the faulty
 * systems quarantined ({@link Completes}). {@link BadInputCorpusTest} runs each on both runners.
 */
final class BadInputCorpus {
  /** Ids that must never reach a shell, a format string or a log pattern. */
  static final List<String> HOSTILE_IDS =
      List.of(
          "${jndi:ldap://x}",
          "%s%n%d",
          "$(touch PWNED)",
          "vm\nwith\r\nnewlines",
          "\uD83D\uDE80-rocket-\uD83C\uDDFA",
          "{}{0}\\u0000'\"<script>",
          "x".repeat(100 * 1024));

  private BadInputCorpus() {}

  /** What a case expects. */
  sealed interface Expect permits Fatal, Completes {}

  /**
   * The job stops with {@code status} and a one-line message holding every fragment; nothing is
   * published.
   */
  record Fatal(ReturnCode status, List<String> fragments) implements Expect {}

  /**
   * The job completes; {@code rejected} lists {@code "table system reason"} of every rejected row,
   * sorted; {@code rowsRead} the rows written per table.
   */
  record Completes(List<String> rejected, Map<String, Long> rowsRead) implements Expect {}

  /** One bad snapshot: a name, how to write it into a directory, what must happen. */
  record Case(String name, BiConsumer<Path, Path> write, Expect expect) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<VectorRow> HOSTS =
      List.of(
          VectorRow.of("h1", 1, 2, 0b111),
          VectorRow.of("h1", 2, 5, 10),
          VectorRow.of("h2", 1, 2, 0b011),
          VectorRow.of("h2", 2, 5, 4));

  static final List<VectorRow> VMS =
      List.of(
          VectorRow.of("vm-a", 1, 2, 0b011),
          VectorRow.of("vm-b", 1, 2, 0b100),
          VectorRow.of("vm-c", 2, 5, 5));

  /** Every case. The {@code Path} arguments are the snapshot and a scratch directory. */
  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    // Tables and columns.
    c.add(
        fatal(
            "missing vm_vectors table",
            (s, t) -> vectors(s, SnapshotTable.HOST_VECTORS, HOSTS),
            ReturnCode.INVALID_PARAMETER,
            "Cannot read vm_vectors",
            "has neither vm_vectors/"));
    c.add(
        fatal(
            "missing compatibility_info column",
            (s, t) -> {
              base(s);
              rows(
                  s.resolve("vm_vectors.parquet"),
                  "message m { required binary vm_id (STRING); required int64 vector_id;"
                      + " required int32 compare_operation; }",
                  row("vm-a", 1L, 2));
            },
            ReturnCode.INVALID_PARAMETER,
            "vm_vectors.parquet has no column compatibility_info",
            "found columns: vm_id, vector_id, compare_operation"));
    c.add(
        fatal(
            "missing host_id column",
            (s, t) -> {
              base(s);
              rows(
                  s.resolve("host_vectors.parquet"),
                  "message m { required binary hid (STRING); required int64 vector_id;"
                      + " required int32 compare_operation; required int64 compatibility_info; }",
                  row("h1", 1L, 2, 7L));
            },
            ReturnCode.INVALID_PARAMETER,
            "host_vectors.parquet has no column host_id"));
    c.add(
        fatal(
            "compatibility_info as STRING",
            (s, t) -> {
              base(s);
              rows(
                  s.resolve("vm_vectors.parquet"),
                  "message m { required binary vm_id (STRING); required int64 vector_id;"
                      + " required int32 compare_operation; required binary compatibility_info"
                      + " (STRING); }",
                  row("vm-a", 1L, 2, "abc"));
            },
            ReturnCode.INCORRECT_DATA_TYPE,
            "column compatibility_info",
            "vm_vectors.parquet is BINARY (STRING)"));
    c.add(
        fatal(
            "vector_id as DOUBLE",
            (s, t) -> {
              base(s);
              rows(
                  s.resolve("host_vectors.parquet"),
                  "message m { required binary host_id (STRING); required double vector_id;"
                      + " required int32 compare_operation; required int64 compatibility_info; }",
                  row("h1", 1.5d, 2, 7L));
            },
            ReturnCode.INCORRECT_DATA_TYPE,
            "column vector_id",
            "host_vectors.parquet is DOUBLE"));
    c.add(
        fatal(
            "part files with different schemas",
            (s, t) -> {
              vectors(s, SnapshotTable.HOST_VECTORS, HOSTS);
              SnapshotTableWriter.writeVectors(
                  s, SnapshotTable.VM_VECTORS, VMS, WriteOptions.defaults().withRowsPerFile(2));
              rows(
                  s.resolve("vm_vectors/part-00001.parquet"),
                  "message m { required binary vm_id (STRING); required int64 vector_id;"
                      + " required int32 compare_operation; required binary compatibility_info"
                      + " (STRING); }",
                  row("vm-c", 2L, 5, "5"));
            },
            ReturnCode.INCORRECT_DATA_TYPE,
            "part-00001.parquet",
            "column compatibility_info"));
    // Damaged files.
    c.add(
        fatal(
            "zero-byte part file",
            (s, t) -> {
              partsWith(s, "part-00009.parquet", new byte[0]);
            },
            ReturnCode.INVALID_PARAMETER,
            "part-00009.parquet"));
    c.add(
        fatal(
            "truncated part file",
            (s, t) -> {
              partsWith(s, null, null);
              Path part = s.resolve("vm_vectors/part-00000.parquet");
              byte[] all = bytes(part);
              write(part, Arrays.copyOf(all, all.length / 2));
            },
            ReturnCode.INVALID_PARAMETER,
            "part-00000.parquet"));
    c.add(
        fatal(
            "a part file that is not Parquet",
            (s, t) ->
                partsWith(
                    s,
                    "part-00009.parquet",
                    "vm_id,vector_id\nvm-a,1\n".getBytes(StandardCharsets.UTF_8)),
            ReturnCode.INVALID_PARAMETER,
            "part-00009.parquet"));
    c.add(
        fatal(
            "a damaged .crc sidecar",
            (s, t) -> {
              partsWith(s, null, null);
              Path part = s.resolve("vm_vectors/part-00000.parquet");
              crcSidecar(part);
              Path crc = part.resolveSibling(".part-00000.parquet.crc");
              byte[] b = bytes(crc);
              b[b.length - 1] ^= 0x5a;
              write(crc, b);
            },
            ReturnCode.INVALID_PARAMETER,
            "part-00000.parquet",
            "checksum"));
    c.add(
        completes(
            "hidden files among part files",
            (s, t) -> {
              partsWith(s, null, null);
              Path dir = s.resolve("vm_vectors");
              write(dir.resolve("_SUCCESS"), new byte[0]);
              write(dir.resolve(".hidden"), "not parquet".getBytes(StandardCharsets.UTF_8));
              write(dir.resolve("_committed_123"), "{}".getBytes(StandardCharsets.UTF_8));
              crcSidecar(dir.resolve("part-00000.parquet"));
            },
            List.of(),
            3));
    // Row-level faults: the whole system is quarantined, accounting balances.
    c.add(
        completes(
            "null in every column",
            (s, t) -> {
              vectors(s, SnapshotTable.HOST_VECTORS, HOSTS);
              List<VectorRow> vms = new ArrayList<>(VMS);
              vms.add(new VectorRow(null, 1L, 2L, java.math.BigInteger.ONE));
              vms.add(new VectorRow("vm-nv", null, 2L, java.math.BigInteger.ONE));
              vms.add(new VectorRow("vm-no", 1L, null, java.math.BigInteger.ONE));
              vms.add(new VectorRow("vm-nx", 1L, 2L, null));
              vms.add(VectorRow.of("vm-nx", 2, 5, 1));
              vectors(s, SnapshotTable.VM_VECTORS, vms);
            },
            List.of(
                "vm_vectors null NULL_SYSTEM_ID",
                "vm_vectors vm-no NULL_OPERATION",
                "vm_vectors vm-nv NULL_VECTOR_ID",
                "vm_vectors vm-nx NULL_VALUE",
                "vm_vectors vm-nx SYSTEM_QUARANTINED"),
            8));
    c.add(
        completes(
            "out-of-range vector ids and operations",
            (s, t) -> {
              SnapshotTableWriter.writeVectors(
                  s,
                  SnapshotTable.HOST_VECTORS,
                  List.of(
                      VectorRow.of("h1", 1, 2, 0b111),
                      VectorRow.of("h2", 1, 2, 0b011),
                      VectorRow.of("h-big", 1L << 32, 2, 1),
                      VectorRow.of("h-neg", -1, 2, 1)),
                  WriteOptions.defaults().withOperation(IntEncoding.INT64));
              SnapshotTableWriter.writeVectors(
                  s,
                  SnapshotTable.VM_VECTORS,
                  List.of(
                      VectorRow.of("vm-a", 1, 2, 0b011),
                      VectorRow.of("vm-op10", 1, 10, 1),
                      VectorRow.of("vm-opneg", 1, -1, 1),
                      VectorRow.of("vm-opbig", 1, 0, 1),
                      new VectorRow("vm-opbig", 2L, 1L << 33, java.math.BigInteger.ONE)),
                  WriteOptions.defaults().withOperation(IntEncoding.INT64));
            },
            List.of(
                "host_vectors h-big VECTOR_ID_OUT_OF_RANGE",
                "host_vectors h-neg VECTOR_ID_OUT_OF_RANGE",
                "vm_vectors vm-op10 UNKNOWN_OPERATION",
                "vm_vectors vm-opbig SYSTEM_QUARANTINED",
                "vm_vectors vm-opbig UNKNOWN_OPERATION",
                "vm_vectors vm-opneg UNKNOWN_OPERATION"),
            4,
            5));
    c.add(
        completes(
            "conflicting and exact duplicates",
            (s, t) -> {
              vectors(s, SnapshotTable.HOST_VECTORS, HOSTS);
              List<VectorRow> vms = new ArrayList<>(VMS);
              vms.add(VectorRow.of("vm-a", 1, 2, 0b011));
              vms.add(VectorRow.of("vm-a", 1, 2, 0b011));
              vms.add(VectorRow.of("vm-b", 1, 2, 0b101));
              vms.add(VectorRow.of("vm-c", 2, 4, 5));
              vectors(s, SnapshotTable.VM_VECTORS, vms);
            },
            List.of(
                "vm_vectors vm-b CONFLICTING_DUPLICATE",
                "vm_vectors vm-b CONFLICTING_DUPLICATE",
                "vm_vectors vm-c CONFLICTING_DUPLICATE",
                "vm_vectors vm-c CONFLICTING_DUPLICATE"),
            7));
    c.add(
        completes(
            "an empty vm_vectors table",
            (s, t) -> {
              vectors(s, SnapshotTable.HOST_VECTORS, HOSTS);
              vectors(s, SnapshotTable.VM_VECTORS, List.of());
            },
            List.of(),
            4,
            0));
    c.add(
        completes(
            "systems listed with no vectors",
            (s, t) -> {
              base(s);
              SnapshotTableWriter.writeHosts(
                  s, List.of(new HostRow("h1", "c1"), new HostRow("h-empty", "c1")));
              SnapshotTableWriter.writeVms(
                  s, List.of(new VmRow("vm-a", 2, "h1"), new VmRow("vm-empty", 3, "h1")));
            },
            List.of("hosts h-empty NO_VECTORS", "vms vm-empty NO_VECTORS"),
            4,
            3));
    c.add(
        completes(
            "hostile and very long ids",
            (s, t) -> {
              List<VectorRow> hosts = new ArrayList<>(HOSTS);
              List<VectorRow> vms = new ArrayList<>(VMS);
              for (String id : hostileIds(t)) {
                hosts.add(VectorRow.of("h-" + id, 1, 2, 0b001));
                vms.add(VectorRow.of(id, 1, 2, 0b001));
                vms.add(new VectorRow(id + "-bad", 1L, 77L, java.math.BigInteger.ONE));
              }
              vectors(s, SnapshotTable.HOST_VECTORS, hosts);
              vectors(s, SnapshotTable.VM_VECTORS, vms);
            },
            null,
            4 + HOSTILE_IDS.size(),
            3 + 2L * HOSTILE_IDS.size()));
    return c;
  }

  /** {@link #HOSTILE_IDS} with {@code PWNED} pointing into {@code scratch}. */
  static List<String> hostileIds(Path scratch) {
    return HOSTILE_IDS.stream()
        .map(id -> id.replace("PWNED", scratch.resolve("pwned").toString()))
        .toList();
  }

  private static Case fatal(
      String name, BiConsumer<Path, Path> write, ReturnCode status, String... fragments) {
    return new Case(name, write, new Fatal(status, List.of(fragments)));
  }

  private static Case completes(
      String name, BiConsumer<Path, Path> write, List<String> rejected, long vmRows) {
    return completes(name, write, rejected, 4, vmRows);
  }

  private static Case completes(
      String name,
      BiConsumer<Path, Path> write,
      List<String> rejected,
      long hostRows,
      long vmRows) {
    return new Case(
        name,
        write,
        new Completes(rejected, Map.of("host_vectors", hostRows, "vm_vectors", vmRows)));
  }

  static void base(Path s) {
    vectors(s, SnapshotTable.HOST_VECTORS, HOSTS);
    vectors(s, SnapshotTable.VM_VECTORS, VMS);
  }

  private static void vectors(Path s, SnapshotTable table, List<VectorRow> rows) {
    SnapshotTableWriter.writeVectors(s, table, rows, WriteOptions.defaults());
  }

  /** The base fleet with vm_vectors as two part files, plus {@code extra} bytes as a third. */
  private static void partsWith(Path s, String extra, byte[] content) {
    vectors(s, SnapshotTable.HOST_VECTORS, HOSTS);
    SnapshotTableWriter.writeVectors(
        s, SnapshotTable.VM_VECTORS, VMS, WriteOptions.defaults().withRowsPerFile(2));
    if (extra != null) {
      write(s.resolve("vm_vectors").resolve(extra), content);
    }
  }

  /**
   * Writes the Hadoop checksum sidecar {@code .NAME.crc} of {@code file}, as Spark's writers do.
   */
  private static void crcSidecar(Path file) {
    byte[] data = bytes(file);
    Path tmp = file.resolveSibling("crc-tmp-" + file.getFileName());
    try {
      FileSystem fs = FileSystem.getLocal(new Configuration());
      try (var out = fs.create(new org.apache.hadoop.fs.Path(tmp.toUri()), true)) {
        out.write(data);
      }
      Files.move(
          tmp.resolveSibling("." + tmp.getFileName() + ".crc"),
          file.resolveSibling("." + file.getFileName() + ".crc"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.delete(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object[] row(Object... values) {
    return values;
  }

  /** Writes rows of any schema (values in field order; Long, Integer, Double or String). */
  private static void rows(Path file, String schema, Object[]... rows) {
    MessageType type = MessageTypeParser.parseMessageType(schema);
    try {
      Files.createDirectories(file.getParent());
      try (Stream<Path> old = Files.exists(file) ? Stream.of(file) : Stream.empty()) {
        old.forEach(BadInputCorpus::deleteRecursively);
      }
      try (ParquetWriter<Group> writer =
          ExampleParquetWriter.builder(new LocalOutputFile(file))
              .withConf(new PlainParquetConfiguration())
              .withType(type)
              .build()) {
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        for (Object[] r : rows) {
          Group g = groups.newGroup();
          for (int i = 0; i < r.length; i++) {
            String name = type.getFieldName(i);
            Object v = r[i];
            if (v instanceof Long l) {
              g.add(name, l);
            } else if (v instanceof Integer n) {
              g.add(name, n);
            } else if (v instanceof Double d) {
              g.add(name, d);
            } else {
              g.add(name, (String) v);
            }
          }
          writer.write(g);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path p) {
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path p, byte[] b) {
    try {
      Files.createDirectories(p.getParent());
      Files.write(p, b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
