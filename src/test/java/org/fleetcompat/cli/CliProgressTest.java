package org.fleetcompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}'s progress: at a terminal, each phase with its counts and elapsed time and a bar
 * while pairs are written, on standard error; nothing with {@code --quiet}, nothing when standard
 * output is not a terminal; the summary on standard output either way.
 */
class CliProgressTest {
  private static final String SAMPLE = Launch.ROOT.resolve("data-samples/cpu-fleet").toString();

  @TempDir Path tmp;

  @Test
  void atATerminalEveryPhaseShowsItsCountsAndTheBarItsPairs() throws Exception {
    Launch.Outcome o =
        Launch.atTerminal(
            Launch.ROOT,
            tmp,
            "run",
            "--snapshot",
            SAMPLE,
            "--out",
            tmp.resolve("r").toString(),
            "--pairs");
    assertThat(o.exit()).as(o.err()).isZero();
    assertThat(o.err())
        .containsPattern(
            "inspect +\\d+\\.\\d\\d s  7,827 host_vectors rows, 31,120 vm_vectors rows")
        .containsPattern("validate +\\d+\\.\\d\\d s  42,255 rows accepted, 31 rows rejected")
        .contains("655 VM classes, 14 host classes, 12 pools, 340,047 compatible pairs")
        .containsPattern("expand +\\[#+\\] 100%  340,047 of 340,047 pairs")
        .contains("340,047 pairs written")
        .containsPattern("write +\\d+\\.\\d\\d s  6 class-level tables  \\(\\d+\\.\\d s in all\\)")
        .doesNotContain("WARN", "WARNING");
    assertThat(o.out()).contains("status            0 Completed with No Error");
  }

  @Test
  void quietAtATerminalAndSilentWhenNotATerminal() throws Exception {
    Launch.Outcome quiet =
        Launch.atTerminal(
            Launch.ROOT,
            tmp,
            "run",
            "--snapshot",
            SAMPLE,
            "--out",
            tmp.resolve("q").toString(),
            "--quiet");
    assertThat(quiet.exit()).as(quiet.err()).isZero();
    assertThat(quiet.err()).isEmpty();
    assertThat(quiet.out()).contains("status            0 Completed with No Error");

    Launch.Outcome piped =
        Launch.run(
            Launch.ROOT, tmp, "run", "--snapshot", SAMPLE, "--out", tmp.resolve("p").toString());
    assertThat(piped.exit()).as(piped.err()).isZero();
    assertThat(piped.err()).isEmpty();
  }
}
