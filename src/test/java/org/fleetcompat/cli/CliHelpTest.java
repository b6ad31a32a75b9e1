package org.fleetcompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command's {@code --help} lists the exit codes and shows examples. */
class CliHelpTest {
  @ParameterizedTest(name = "{0} --help")
  @ValueSource(
      strings = {
        "",
        "run",
        "nightly",
        "explain",
        "info",
        "check",
        "baseline",
        "generate-samples",
        "bench",
        "report",
        "diff"
      })
  void helpEndsWithExitCodesAndExamples(String command) {
    StringWriter out = new StringWriter();
    String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
    int exit =
        FleetcompatCommand.execute(
            new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
    assertThat(exit).isZero();
    String help = out.toString();
    assertThat(help).contains("Exit codes").contains("Examples:").contains("jobs/fleetcompat ");
    for (String line :
        List.of(
            "0   success",
            "2   wrong command line",
            "3   invalid parameter or input",
            "5   check: not compatible",
            "7   not available: the Spark master cannot be reached (status 32777)",
            "8   out of memory")) {
      assertThat(help).as("%s --help", command).contains(line);
    }
  }

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(strings = {"run", "explain", "info", "check", "baseline"})
  void theCommandsWithJsonSayWhatItPrints(String command) {
    StringWriter out = new StringWriter();
    FleetcompatCommand.execute(
        new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), command, "--help");
    assertThat(out.toString()).contains("--json").contains("JSON");
  }
}
