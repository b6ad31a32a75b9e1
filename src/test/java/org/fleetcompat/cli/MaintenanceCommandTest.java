package org.fleetcompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code maintenance} on the sample: from a result and from the snapshot it gives the same order,
 * the text names each step and the stuck hosts with the VM that blocks them, {@code --json} holds
 * the same steps, the exit code says whether the order is complete (0) or stuck (5), and an unknown
 * cluster is a one-line error (exit 3) listing the clusters there are.
 */
class MaintenanceCommandTest {
  private static final String SAMPLE = Launch.ROOT.resolve("data-samples/cpu-fleet").toString();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;

  private static String result;

  private record Outcome(int exit, String out, String err) {}

  private static Outcome fleetcompat(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        FleetcompatCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Outcome(exit, out.toString(), err.toString());
  }

  @BeforeAll
  static void runTheSample() {
    result = tmp.resolve("result").toString();
    Outcome run = fleetcompat("run", "--snapshot", SAMPLE, "--out", result, "--quiet");
    assertThat(run.exit()).as(run.err()).isZero();
    // The sample's hosts have room: capacity blocks no drain that compatibility allows. N+2 is
    // 11 with CP-SAT (first fit alone finds 10: one pool needs the exact plan).
    assertThat(run.out())
        .contains(
            "  drain plans       325 of 340 hosts running VMs can be drained alone with room for"
                + " every VM (0 VMs lack room); pools surviving N+1 11 of 12, N+2 11");
  }

  @Test
  void aClusterWithABlockedHostIsStuckThereWithItsReason() throws Exception {
    Outcome text = fleetcompat("maintenance", "--cluster", "cl-icelake-a", "--result", result);
    assertThat(text.exit()).as(text.err()).isEqualTo(ExitCodes.NOT_COMPATIBLE);
    assertThat(text.out())
        .startsWith(
            "fleetcompat maintenance: cluster cl-icelake-a ("
                + result
                + "): 39 of 41 hosts can be drained one at a time; then it gets stuck")
        .contains("    1  h-0001 ")
        .contains("  stuck h-0019        11 VMs; vm-02618 cannot move: NO_COMPATIBLE_HOST");

    Outcome json =
        fleetcompat("maintenance", "--cluster", "cl-icelake-a", "--result", result, "--json");
    JsonNode j = JSON.readTree(json.out());
    assertThat(j.get("complete").asBoolean()).isFalse();
    assertThat(j.get("order")).hasSize(39);
    assertThat(j.get("steps")).hasSize(41);
    JsonNode last = j.get("steps").get(40);
    assertThat(last.get("drained").asBoolean()).isFalse();
    assertThat(last.get("reason").asText())
        .isIn("NO_COMPATIBLE_HOST", "NO_CAPACITY", "NOT_EVALUATED");
    assertThat(last.get("first_unplaced_vm_id").asText()).startsWith("vm-");

    Outcome fromSnapshot =
        fleetcompat("maintenance", "--cluster", "cl-icelake-a", "--snapshot", SAMPLE, "--json");
    assertThat(fromSnapshot.exit()).as(fromSnapshot.err()).isEqualTo(ExitCodes.NOT_COMPATIBLE);
    JsonNode s = JSON.readTree(fromSnapshot.out());
    assertThat(s.get("steps")).isEqualTo(j.get("steps"));
  }

  @Test
  void everyClusterOfTheSampleHasAnOrderThatDrainsOrNamesItsBlocker() throws Exception {
    // Every cluster of the sample has a stranded or quarantined VM somewhere, so none drains whole.
    for (String cluster :
        List.of("cl-icelake-a", "cl-graniterapids-a", "cl-haswell-a", "cl-cooperlake-a")) {
      Outcome o = fleetcompat("maintenance", "--cluster", cluster, "--result", result, "--json");
      assertThat(o.exit()).as(cluster + ": " + o.err()).isIn(0, ExitCodes.NOT_COMPATIBLE);
      JsonNode j = JSON.readTree(o.out());
      assertThat(j.get("complete").asBoolean()).isEqualTo(o.exit() == 0);
      int expectedStep = 1;
      for (JsonNode step : j.get("steps")) {
        boolean drained = step.get("drained").asBoolean();
        assertThat(drained)
            .as(cluster + " " + step)
            .isEqualTo(step.get("reason").isNull() && step.get("first_unplaced_vm_id").isNull());
        assertThat(step.get("step").asInt()).as(cluster + " " + step).isEqualTo(expectedStep);
        expectedStep += drained ? 1 : 0;
      }
    }
  }

  @Test
  void anUnknownClusterIsAOneLineError() {
    Outcome o = fleetcompat("maintenance", "--cluster", "cl-nowhere", "--result", result);
    assertThat(o.exit()).isEqualTo(ExitCodes.INVALID_PARAMETER);
    assertThat(o.err().strip())
        .startsWith("fleetcompat: error 32773 (Invalid parameter): Cannot plan maintenance of")
        .contains("cl-nowhere")
        .contains("its clusters: cl-")
        .endsWith("check --cluster")
        .doesNotContain("\n");
  }
}
