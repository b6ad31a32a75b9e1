package org.fleetcompat.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.PairCheck;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.sample.SampleSnapshotGenerator.GeneratedSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleSnapshotGeneratorTest {
  private static final Path CPUS = Path.of("data-samples/source/cpus");
  private static final Path COMMITTED = Path.of("data-samples/cpu-fleet");
  private static final String REBUILD =
      "data-samples/cpu-fleet is stale: rebuild it with SampleSnapshotGenerator"
          + " data-samples/source/cpus data-samples/cpu-fleet (see its README)";

  @TempDir static Path shared;
  private static Path fleet;
  private static GeneratedSnapshot generated;

  @BeforeAll
  static void generateOnce() {
    fleet = shared.resolve("fleet");
    generated = SampleSnapshotGenerator.generate(CPUS, fleet, SampleSnapshotGenerator.DEFAULT_SEED);
  }

  @Test
  void sameSeedGivesTheSameBytes(@TempDir Path again) throws IOException {
    SampleSnapshotGenerator.generate(CPUS, again, SampleSnapshotGenerator.DEFAULT_SEED);

    assertThat(parquetFiles(again)).isEqualTo(parquetFiles(fleet));
    for (String f : parquetFiles(fleet)) {
      assertThat(Files.readAllBytes(again.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(fleet.resolve(f)));
    }
  }

  @Test
  void anotherSeedGivesAnotherFleet(@TempDir Path other) throws IOException {
    SampleSnapshotGenerator.generate(CPUS, other, 7L);

    assertThat(content(other, "vms.parquet")).isNotEqualTo(content(fleet, "vms.parquet"));
  }

  @Test
  void committedSampleIsWhatTheGeneratorWritesNow() throws IOException {
    assertThat(parquetFiles(COMMITTED)).as(REBUILD).isEqualTo(parquetFiles(fleet));
    for (String f : parquetFiles(fleet)) {
      assertThat(content(COMMITTED, f)).as(REBUILD + ": " + f).isEqualTo(content(fleet, f));
    }
  }

  @Test
  void layoutIsPartDirectoriesForVectorsAndFilesForAttributes() throws IOException {
    assertThat(parquetFiles(fleet))
        .containsExactly(
            "host_vectors/part-00000.parquet",
            "host_vectors/part-00001.parquet",
            "host_vectors/part-00002.parquet",
            "hosts.parquet",
            "vm_vectors/part-00000.parquet",
            "vm_vectors/part-00001.parquet",
            "vm_vectors/part-00002.parquet",
            "vm_vectors/part-00003.parquet",
            "vms.parquet");
    MessageType schema = schema(fleet.resolve("vm_vectors/part-00000.parquet"));
    assertThat(schema.getType("compatibility_info").getLogicalTypeAnnotation())
        .hasToString("INTEGER(64,false)");
  }

  @Test
  void countsMatchTheFiles() throws IOException {
    assertThat(rows(fleet.resolve("host_vectors"))).hasSize(generated.hostVectorRows());
    assertThat(rows(fleet.resolve("vm_vectors"))).hasSize(generated.vmVectorRows());
    assertThat(rows(fleet.resolve("hosts.parquet"))).hasSize(generated.hosts());
    assertThat(rows(fleet.resolve("vms.parquet"))).hasSize(generated.vms());
    assertThat(generated.vms()).isEqualTo(SampleSnapshotGenerator.VM_COUNT + 1);
    assertThat(generated.hosts()).isBetween(240, 400);
    assertThat(generated.vmsByState().keySet()).containsExactly(2, 3, 32769);
    assertThat(generated.clusters()).hasSize(SampleSnapshotGenerator.CLUSTER_COUNT);
    assertThat(generated.clusters()).allMatch(c -> c.matches("cl-[a-z0-9]+-[a-z]: \\d+ hosts, .+"));
    assertThat(generated.badRowsInjected()).isEqualTo(6);
    assertThat(generated.injectedFaults()).hasSize(5);
  }

  @Test
  void hostRowsCarryTheOperationTheVmsUse() throws IOException {
    for (Group g : rows(fleet.resolve("host_vectors"))) {
      long id = g.getLong("vector_id", 0);
      int op = g.getInteger("compare_operation", 0);
      CompareOperation expected =
          id >= 0x10000000L
              ? CompareOperation.SUB_SET
              : switch ((int) id) {
                case SampleSnapshotGenerator.CONFIG_VERSION_ID ->
                    CompareOperation.GREATER_THAN_OR_EQUAL;
                case SampleSnapshotGenerator.ADDRESS_WIDTH_ID ->
                    CompareOperation.LESS_THAN_OR_EQUAL;
                case SampleSnapshotGenerator.CACHE_FLUSH_SIZE_MULTIPLE_ID ->
                    CompareOperation.MULTIPLE;
                default -> CompareOperation.EQUAL;
              };
      assertThat(op).as("vector 0x%x", id).isEqualTo(expected.code());
    }
  }

  /** The placement the generator claims: all VMs on a compatible host except the misplaced. */
  @Test
  void vmsSitOnCompatibleHostsExceptTheMisplacedOnes() throws IOException {
    Set<String> badVms = new HashSet<>();
    Map<String, VectorSet> hosts =
        vectorSets(rows(fleet.resolve("host_vectors")), "host_id", badVms);
    Map<String, VectorSet> vms = vectorSets(rows(fleet.resolve("vm_vectors")), "vm_id", badVms);
    assertThat(badVms).hasSize(2);
    assertThat(generated.injectedFaults())
        .anyMatch(f -> badVms.stream().anyMatch(vm -> f.startsWith("vm_vectors: " + vm)));

    int compatible = 0;
    int incompatible = 0;
    Set<String> withoutVectors = new HashSet<>();
    for (Group g : rows(fleet.resolve("vms.parquet"))) {
      String vm = g.getString("vm_id", 0);
      VectorSet host = hosts.get(g.getString("current_host_id", 0));
      assertThat(host).as(vm).isNotNull();
      if (badVms.contains(vm)) {
        continue;
      }
      if (!vms.containsKey(vm)) {
        withoutVectors.add(vm);
      } else if (PairCheck.isCompatible(vms.get(vm), host)) {
        compatible++;
      } else {
        incompatible++;
      }
    }
    assertThat(withoutVectors).containsExactly("vm-03001");
    assertThat(incompatible).isEqualTo(generated.misplacedVms());
    assertThat(incompatible)
        .isBetween(SampleSnapshotGenerator.VM_COUNT / 200, SampleSnapshotGenerator.VM_COUNT / 50);
    assertThat(compatible + incompatible + badVms.size())
        .isEqualTo(SampleSnapshotGenerator.VM_COUNT);
  }

  @Test
  void csvWithQuotesIsRefused(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("hosts.csv");
    Files.writeString(csv, "host,brand\nh1,\"Intel, Inc\"\n");

    assertThatThrownBy(() -> CpuCsv.read(csv))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot read "
                + csv
                + " line 2: expected 2 unquoted comma-separated fields, found 3 and a quote");
  }

  /**
   * Vector sets per system, leaving out the systems a reader quarantines (unknown operation,
   * conflicting duplicate) and rows without a system id; exact duplicates collapse.
   */
  private static Map<String, VectorSet> vectorSets(
      List<Group> rows, String idColumn, Set<String> bad) {
    Map<String, Map<Long, List<Long>>> bySystem = new TreeMap<>();
    for (Group g : rows) {
      if (g.getFieldRepetitionCount(idColumn) == 0) {
        continue;
      }
      String id = g.getString(idColumn, 0);
      long op = g.getInteger("compare_operation", 0);
      List<Long> vector = List.of(op, g.getLong("compatibility_info", 0));
      List<Long> before =
          bySystem
              .computeIfAbsent(id, k -> new LinkedHashMap<>())
              .put(g.getLong("vector_id", 0), vector);
      if (!CompareOperation.isKnown(op) || (before != null && !before.equals(vector))) {
        bad.add(id);
      }
    }
    Map<String, VectorSet> out = new HashMap<>();
    bySystem.forEach(
        (id, vectors) -> {
          if (!bad.contains(id)) {
            VectorSet.Builder b = VectorSet.builder();
            vectors.forEach(
                (v, ov) -> b.add(v.intValue(), CompareOperation.ofCode(ov.get(0)), ov.get(1)));
            out.put(id, b.build());
          }
        });
    return out;
  }

  private static List<String> parquetFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".parquet"))
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  /** The schema and every row, as text: what a reader sees, not how the bytes are laid out. */
  private static List<String> content(Path dir, String file) throws IOException {
    List<String> out = new ArrayList<>();
    out.add(schema(dir.resolve(file)).toString());
    rows(dir.resolve(file)).forEach(g -> out.add(g.toString()));
    return out;
  }

  private static MessageType schema(Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      return reader.getFooter().getFileMetaData().getSchema();
    }
  }

  /** Every row of a file, or of the part files of a directory in name order. */
  private static List<Group> rows(Path fileOrDir) throws IOException {
    List<Group> rows = new ArrayList<>();
    if (Files.isDirectory(fileOrDir)) {
      try (Stream<Path> parts = Files.list(fileOrDir)) {
        for (Path p : parts.sorted().toList()) {
          rows.addAll(rows(p));
        }
      }
      return rows;
    }
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(fileOrDir))) {
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
