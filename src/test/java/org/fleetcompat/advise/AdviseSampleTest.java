package org.fleetcompat.advise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.fleetcompat.cli.FleetcompatCommand;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.drift.ResultRows;
import org.fleetcompat.io.HostRow;
import org.fleetcompat.io.LocalStorage;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.VectorRow;
import org.fleetcompat.io.WriteOptions;
import org.fleetcompat.job.RunOptions;
import org.fleetcompat.job.RunnerKind;
import org.fleetcompat.reference.SnapshotFileReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The advisors on {@code data-samples/cpu-fleet}, through the command line with {@code --json}:
 * what they claim for cluster {@code cl-cascadelake-a} (six host classes) equals a full re-run of
 * the pipeline on the sample with the dropped or retired hosts taken out of its host tables.
 */
class AdviseSampleTest {
  private static final Path SAMPLE =
      Path.of(System.getProperty("basedir", ".")).resolve("data-samples/cpu-fleet");
  private static final String CLUSTER = "cl-cascadelake-a";
  private static final Path CATALOG =
      Path.of(System.getProperty("basedir", ".")).resolve("conf/vector-catalog.json");

  @TempDir static Path tmp;
  static String result;

  @BeforeAll
  static void runSample() {
    result = tmp.resolve("result").toString();
    RunnerKind.LOCAL.run(new RunOptions(SAMPLE.toString(), result, false));
  }

  @Test
  void baselineCandidatesMatchReRunsOfTheKeptHosts() {
    JsonNode answer =
        json(
            "advise-baseline",
            "--result",
            result,
            "--cluster",
            CLUSTER,
            "--catalog",
            CATALOG.toString(),
            "--json");
    JsonNode candidates = answer.get("candidates");
    assertThat(candidates.get(0).get("kept_host_count").asInt()).isEqualTo(46);
    assertThat(candidates.size()).isEqualTo(6); // one per host class of the cluster
    JsonNode last = candidates.get(candidates.size() - 1);
    assertThat(last.get("features_lost").asLong()).isZero(); // one class loses nothing
    int checked = 0;
    for (JsonNode c : candidates) {
      if (!c.get("pareto").asBoolean() || c.get("step").asInt() == 0) {
        continue;
      }
      List<String> kept = strings(c.get("kept_host_ids"));
      ResultDirectory rerun = rerun("kept-" + c.get("step").asInt(), Set.copyOf(kept));
      long mobile = rerun.vms().stream().filter(v -> v.compatibleHosts() == kept.size()).count();
      assertThat(mobile).as("step " + c.get("step")).isEqualTo(c.get("mobile_vms").asLong());
      checked++;
    }
    assertThat(checked).isGreaterThan(0);
    // The whole cluster gives up TSX (cpuid 0x10000701 bits 4 and 11) against its best host: bits
    // are named from the catalog's "bits" (conf/vector-catalog.json, from features.csv).
    JsonNode tsx = null;
    for (JsonNode l : candidates.get(0).get("losses")) {
      if (l.get("vector_id").asLong() == 0x10000701L) {
        tsx = l;
      }
    }
    assertThat(tsx).isNotNull();
    assertThat(strings(tsx.get("lost_bit_names"))).containsExactly("hle", "rtm");
    assertThat(tsx.get("lost_bits_hex").asText()).isEqualTo("0x810");
  }

  @Test
  void retireEffectMatchesReRunWithoutTheHosts() {
    JsonNode answer =
        json("advise-retire", "--result", result, "--cluster", CLUSTER, "--max", "12", "--json");
    JsonNode options = answer.get("options");
    assertThat(options.size()).isGreaterThan(0);
    int run = 0;
    for (JsonNode o : options) {
      Set<String> retired = Set.copyOf(strings(o.get("retired_host_ids")));
      List<String> kept = new ArrayList<>();
      for (ResultRows.Host h : ResultDirectory.open(LocalStorage.INSTANCE, result).hosts()) {
        if (!retired.contains(h.hostId())) {
          kept.add(h.hostId());
        }
      }
      ResultDirectory rerun = rerun("retired-" + run++, Set.copyOf(kept));
      assertThat(o.get("stranded_after").asLong())
          .as("retiring " + retired)
          .isEqualTo(rerun.vms().stream().filter(ResultRows.Vm::stranded).count());
      assertThat(o.get("exact").asBoolean()).isTrue();
    }
  }

  @Test
  void wrongHostSetsFailWithOneLine() {
    assertFails(3, "Pool 99 has no hosts in", "advise-retire", "--result", result, "--pool", "99");
    assertFails(
        3,
        "Host h-nope is not an evaluated host of",
        "advise-baseline",
        "--result",
        result,
        "--hosts",
        "h-0001,h-nope");
    assertFails(
        2,
        "--max is 0: expected",
        "advise-retire",
        "--result",
        result,
        "--pool",
        "0",
        "--max",
        "0");
    assertFails(
        3,
        "--like nope: no evaluated host of that id",
        "what-if",
        "--snapshot",
        SAMPLE.toString(),
        "--like",
        "nope:2");
  }

  private static void assertFails(int exit, String message, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = FleetcompatCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(code).as(err.toString()).isEqualTo(exit);
    assertThat(err.toString().strip()).contains(message).doesNotContain("\n");
  }

  /** Runs a command and parses what it prints. */
  private static JsonNode json(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = FleetcompatCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(code).as(err.toString()).isZero();
    try {
      return new ObjectMapper().readTree(out.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample with only {@code keptHosts} in its host tables, run through the pipeline. */
  private static ResultDirectory rerun(String name, Set<String> keptHosts) {
    Path snapshot = tmp.resolve(name + "-snapshot");
    try {
      Files.createDirectories(snapshot);
      copyTree(SAMPLE.resolve("vm_vectors"), snapshot.resolve("vm_vectors"));
      Files.copy(SAMPLE.resolve("vms.parquet"), snapshot.resolve("vms.parquet"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<VectorRow> hostRows = new ArrayList<>();
    for (SnapshotFileReader.RawVectorRow r : SnapshotFileReader.readHostVectors(SAMPLE)) {
      if (r.systemId() == null || keptHosts.contains(r.systemId())) {
        hostRows.add(
            new VectorRow(
                r.systemId(),
                r.vectorId() == null ? null : r.vectorId().longValue(),
                r.op() == null ? null : r.op().longValue(),
                r.value()));
      }
    }
    SnapshotTableWriter.writeVectors(
        snapshot, SnapshotTable.HOST_VECTORS, hostRows, WriteOptions.defaults());
    List<HostRow> hosts = new ArrayList<>();
    SnapshotFileReader.readHosts(SAMPLE)
        .orElseThrow()
        .forEach(
            h -> {
              if (keptHosts.contains(h.hostId())) {
                hosts.add(new HostRow(h.hostId(), h.cluster()));
              }
            });
    SnapshotTableWriter.writeHosts(snapshot, hosts);
    String out = tmp.resolve(name + "-result").toString();
    RunnerKind.LOCAL.run(new RunOptions(snapshot.toString(), out, false));
    return ResultDirectory.open(LocalStorage.INSTANCE, out);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
