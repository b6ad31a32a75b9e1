package org.fleetcompat.job;

import static org.apache.spark.sql.functions.collect_list;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.io.ResultTable;
import org.fleetcompat.reference.ReferenceValidation.Rejection;
import org.fleetcompat.spark.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden test: {@link RunJob} on the {@code data-samples/cpu-fleet} sample, on both runners (which
 * must write the same files byte for byte), against the expected outputs kept beside it, which
 * {@link ExpectedOutputsWriter} computes with the independent reference (never with the engine).
 * The job runs once for the class, with {@code --pairs}. Checked: the manifest's counts and
 * accounting, the matrix (as pairs and as classes), the rejected rows, and the pool, baseline,
 * feasibility and blocker tables ({@link FeasibilityCsv}).
 *
 * <p>A failure names the first differing VM or row; for a VM it also prints what the reference says
 * about it (its vectors, the hosts only one side accepts). Never regenerate the expected files to
 * make this test pass without understanding the difference.
 */
class SampleGoldenTest {
  private static final Path ROOT = Path.of(System.getProperty("basedir", "."));
  private static final Path SNAPSHOT = ROOT.resolve("data-samples/cpu-fleet");
  private static final Path EXPECTED = SNAPSHOT.resolve("expected");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int HOSTS_SHOWN = 10;

  @TempDir static Path tmp;

  private static SparkSession spark;
  private static String out;
  private static ExpectedOutputsWriter.Expected reference;
  private static Map<String, List<String>> engineFeasibility;

  @BeforeAll
  static void runTheJobOnceOnEachRunner() {
    spark = SparkTestSession.get();
    out =
        RunnerKind.LOCAL
            .run(new RunOptions(SNAPSHOT.toString(), tmp.resolve("out").toString(), true))
            .outDir();
    String onSpark =
        RunnerKind.SPARK
            .run(new RunOptions(SNAPSHOT.toString(), tmp.resolve("out-spark").toString(), true))
            .outDir();
    SameResults.assertSame("data-samples/cpu-fleet, local vs Spark runner", out, onSpark);
  }

  @Test
  void manifestCountsAndAccountingEqualTheSummary() throws IOException {
    JsonNode summary = JSON.readTree(EXPECTED.resolve(ExpectedOutputsWriter.SUMMARY).toFile());
    JsonNode manifest = JSON.readTree(localPath(out).resolve("manifest.json").toFile());
    var counts = new TypeReference<LinkedHashMap<String, Long>>() {};

    assertThat(JSON.convertValue(manifest.get("fleet"), counts))
        .as("manifest.json fleet vs expected/summary.json")
        .isEqualTo(JSON.convertValue(summary.get("fleet"), counts));
    Map<String, Map<String, Long>> actualInputs = new LinkedHashMap<>();
    for (Iterator<String> t = manifest.get("inputs").fieldNames(); t.hasNext(); ) {
      String table = t.next();
      Map<String, Long> accounting = new LinkedHashMap<>();
      for (String key :
          List.of("rows_read", "rows_accepted", "rows_rejected", "duplicates_collapsed")) {
        accounting.put(key, manifest.get("inputs").get(table).get(key).longValue());
      }
      actualInputs.put(table, accounting);
    }
    assertThat(actualInputs)
        .as("manifest.json inputs accounting vs expected/summary.json")
        .isEqualTo(
            JSON.convertValue(
                summary.get("inputs"),
                new TypeReference<LinkedHashMap<String, Map<String, Long>>>() {}));
    assertThat(JSON.convertValue(manifest.get("feasibility"), counts))
        .as("manifest.json feasibility vs expected/summary.json")
        .isEqualTo(JSON.convertValue(summary.get("feasibility"), counts));
  }

  static Stream<String> feasibilityFiles() {
    return FeasibilityCsv.HEADERS.keySet().stream();
  }

  /**
   * The pool and feasibility tables, baselines included, line by line against the expected file of
   * the same name (see {@link FeasibilityCsv} for what each line holds).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("feasibilityFiles")
  void feasibilityTablesEqualTheExpectedFiles(String file) throws IOException {
    if (engineFeasibility == null) {
      engineFeasibility = EngineFeasibilityTables.read(spark, out);
    }
    SameLines.assertSame(
        "engine tables vs expected/" + file,
        FeasibilityCsv.HEADERS.get(file),
        expectedLines(file),
        engineFeasibility.get(file),
        line -> "");
  }

  @Test
  void compatiblePairsGiveTheExpectedHostsOfEveryVm() throws IOException {
    Map<String, List<String>> hosts = engineVms();
    for (Row r :
        spark
            .read()
            .parquet(out + "/" + ResultTable.COMPATIBLE_PAIRS.tableName())
            .groupBy("vm_id")
            .agg(collect_list("host_id").as("hosts"))
            .collectAsList()) {
      hosts.computeIfAbsent(r.getString(0), vm -> new ArrayList<>()).addAll(r.getList(1));
    }
    assertVmHosts("compatible_pairs", hosts);
  }

  @Test
  void classMatrixJoinedWithTheClassTablesGivesTheExpectedHostsOfEveryVm() throws IOException {
    Map<Long, List<String>> hostsOfClass = new TreeMap<>();
    for (Row r : table(ResultTable.HOST_CLASSES.tableName(), "host_id", "host_class")) {
      hostsOfClass.computeIfAbsent(number(r, 1), c -> new ArrayList<>()).add(r.getString(0));
    }
    Map<Long, List<Long>> hostClassesOfVmClass = new TreeMap<>();
    for (Row r : table(ResultTable.CLASS_MATRIX.tableName(), "vm_class", "host_class")) {
      hostClassesOfVmClass.computeIfAbsent(number(r, 0), c -> new ArrayList<>()).add(number(r, 1));
    }
    Map<String, List<String>> hosts = new TreeMap<>();
    for (Row r : table(ResultTable.VM_CLASSES.tableName(), "vm_id", "vm_class")) {
      List<String> vmHosts = hosts.computeIfAbsent(r.getString(0), vm -> new ArrayList<>());
      for (Long hostClass : hostClassesOfVmClass.getOrDefault(number(r, 1), List.of())) {
        vmHosts.addAll(hostsOfClass.getOrDefault(hostClass, List.of()));
      }
    }
    assertVmHosts("class_matrix x vm_classes x host_classes", hosts);
  }

  @Test
  void rejectedRowsAreTheExpectedOnes() throws IOException {
    List<Rejection> rejected = new ArrayList<>();
    for (Row r : table(ResultTable.REJECTED.tableName(), "source_table", "system_id", "reason")) {
      rejected.add(new Rejection(r.getString(0), r.getString(1), r.getString(2)));
    }
    rejected.sort(null);
    List<String> actual = new ArrayList<>();
    for (Rejection r : rejected) {
      actual.add(ExpectedOutputsWriter.rejectedLine(r.table(), r.systemId(), r.reason()));
    }
    SameLines.assertSame(
        "rejected (table, system_id, reason) vs expected/" + ExpectedOutputsWriter.REJECTED,
        ExpectedOutputsWriter.REJECTED_HEADER,
        expectedLines(ExpectedOutputsWriter.REJECTED),
        actual,
        line -> "");
  }

  @Test
  void expectedFilesAreWhatTheReferenceComputesFromTheCommittedSnapshot() throws IOException {
    Map<String, String> now = ExpectedOutputsWriter.render(SNAPSHOT);
    try (var files = Files.list(EXPECTED)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .as("files in " + EXPECTED)
          .containsExactlyElementsOf(new TreeSet<>(now.keySet()));
    }
    for (Map.Entry<String, String> file : now.entrySet()) {
      Path path = EXPECTED.resolve(file.getKey());
      String stored = Files.readString(path, StandardCharsets.UTF_8);
      List<String> storedLines = List.of(stored.split("\n", -1));
      List<String> nowLines = List.of(file.getValue().split("\n", -1));
      SameLines.assertSame(
          path
              + " is stale: it is not what ExpectedOutputsWriter computes from the snapshot now;"
              + " understand why, then rebuild it as its README says",
          null,
          storedLines,
          nowLines,
          line -> "");
    }
  }

  /** Every VM of {@code vm_classes}, each with an empty host list, sorted by id. */
  private static Map<String, List<String>> engineVms() {
    Map<String, List<String>> vms = new TreeMap<>();
    for (Row r : table(ResultTable.VM_CLASSES.tableName(), "vm_id")) {
      vms.put(r.getString(0), new ArrayList<>());
    }
    return vms;
  }

  private static void assertVmHosts(String source, Map<String, List<String>> engineHosts)
      throws IOException {
    List<String> actual = new ArrayList<>();
    engineHosts.forEach((vm, hosts) -> actual.add(ExpectedOutputsWriter.vmHostsLine(vm, hosts)));
    SameLines.assertSame(
        "per-VM compatible hosts from " + source + " vs expected/" + ExpectedOutputsWriter.VM_HOSTS,
        ExpectedOutputsWriter.VM_HOSTS_HEADER,
        expectedLines(ExpectedOutputsWriter.VM_HOSTS),
        actual,
        line -> explainVm(line.substring(0, line.indexOf(',')), engineHosts));
  }

  /** What the reference says about a VM the engine disagrees on. */
  private static String explainVm(String vmId, Map<String, List<String>> engineHosts) {
    if (reference == null) {
      reference = ExpectedOutputsWriter.compute(SNAPSHOT);
    }
    List<String> refHosts = reference.compatibleHosts().getOrDefault(vmId, List.of());
    List<String> engine = engineHosts.getOrDefault(vmId, List.of());
    List<String> engineOnly = new ArrayList<>(new TreeSet<>(engine));
    engineOnly.removeAll(refHosts);
    List<String> referenceOnly = new ArrayList<>(refHosts);
    referenceOnly.removeAll(engine);
    StringBuilder s = new StringBuilder();
    s.append("\n  ").append(vmId).append(" in the reference: ");
    s.append(
        reference.vmVectors().systems().containsKey(vmId)
            ? "accepted, vectors " + reference.vmVectors().systems().get(vmId)
            : "not an accepted VM");
    s.append("\n  hosts only the engine accepts: ").append(firstFew(engineOnly));
    s.append("\n  hosts only the reference accepts: ").append(firstFew(referenceOnly));
    if (engineOnly.isEmpty() && referenceOnly.isEmpty()) {
      s.append("\n  the reference computed now agrees with the engine on ")
          .append(vmId)
          .append(": is the expected file stale?");
    }
    String example =
        !engineOnly.isEmpty()
            ? engineOnly.get(0)
            : referenceOnly.isEmpty() ? null : referenceOnly.get(0);
    if (example != null) {
      s.append("\n  vectors of ")
          .append(example)
          .append(": ")
          .append(reference.hostVectors().systems().get(example));
    }
    return s.toString();
  }

  private static String firstFew(List<String> hosts) {
    return hosts.size() <= HOSTS_SHOWN
        ? hosts.toString()
        : hosts.subList(0, HOSTS_SHOWN) + " and " + (hosts.size() - HOSTS_SHOWN) + " more";
  }

  private static List<String> expectedLines(String file) throws IOException {
    return Files.readAllLines(EXPECTED.resolve(file), StandardCharsets.UTF_8);
  }

  private static List<Row> table(String name, String... columns) {
    String first = columns[0];
    String[] rest = List.of(columns).subList(1, columns.length).toArray(String[]::new);
    return spark.read().parquet(out + "/" + name).select(first, rest).collectAsList();
  }

  /** The published result directory as a local path ({@code outDir} may be a {@code file:} URI). */
  private static Path localPath(String dir) {
    return dir.startsWith("file:") ? Path.of(URI.create(dir)) : Path.of(dir);
  }

  private static long number(Row r, int i) {
    return ((Number) r.get(i)).longValue();
  }
}
