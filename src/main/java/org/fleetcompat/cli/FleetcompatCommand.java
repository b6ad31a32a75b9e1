package org.fleetcompat.cli;

import java.io.PrintWriter;
import org.fleetcompat.job.EngineVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code fleetcompat} launcher's entry point (SPEC section 8): parses the command line and maps
 * every failure to a non-zero exit with a one-line reason ({@link ExitCodes}).
 */
@Command(
    name = "fleetcompat",
    mixinStandardHelpOptions = true,
    versionProvider = FleetcompatCommand.Version.class,
    description = "Which VMs can migrate to which hosts: the fleet-wide compatibility matrix.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  jobs/fleetcompat run --snapshot data-samples/cpu-fleet --out target/cpu-fleet-result",
      "  jobs/fleetcompat explain --snapshot data-samples/cpu-fleet --vm vm-00074",
      "  jobs/fleetcompat COMMAND --help"
    },
    subcommands = {
      RunCommand.class,
      NightlyCommand.class,
      ExplainCommand.class,
      InfoCommand.class,
      CheckCommand.class,
      BaselineCommand.class,
      AdviseBaselineCommand.class,
      AdviseRetireCommand.class,
      WhatIfCommand.class,
      GenerateSamplesCommand.class,
      BenchCommand.class,
      ReportCommand.class,
      DiffCommand.class,
      MaintenanceCommand.class,
      CommandLine.HelpCommand.class
    })
public final class FleetcompatCommand {

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    int exit;
    try {
      exit = execute(args);
    } catch (OutOfMemoryError e) {
      ExitCodes.haltOutOfMemory(e);
      return;
    }
    System.exit(exit);
  }

  /**
   * Runs the command line and returns the process exit code, without exiting. Uses the live Spark
   * session if there is one, and leaves it running.
   */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /**
   * As {@link #execute(String...)}, printing the answer to {@code out} and the one-line reason of a
   * failure to {@code err} instead of standard output and error: for notebooks and tests that read
   * what a command prints. Neither writer is closed.
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return commandLine().setOut(out).setErr(err).execute(args);
  }

  private static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new FleetcompatCommand());
    cl.setExecutionExceptionHandler(new ExitCodes.ExceptionHandler());
    cl.setParameterExceptionHandler(new ExitCodes.UsageHandler());
    exitCodesInHelp(cl);
    return cl;
  }

  /** Every command's {@code --help} ends with the exit codes, before its examples. */
  private static void exitCodesInHelp(CommandLine cl) {
    cl.getCommandSpec()
        .usageMessage()
        .exitCodeListHeading(
            "%nExit codes (a failure prints one line on standard error:"
                + " fleetcompat: error STATUS: reason):%n")
        .exitCodeList(ExitCodes.helpList());
    cl.getSubcommands().values().forEach(FleetcompatCommand::exitCodesInHelp);
  }

  /** Prints fleetcompat's version for {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"fleetcompat " + EngineVersion.current()};
    }
  }
}
