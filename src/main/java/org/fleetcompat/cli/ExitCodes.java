package org.fleetcompat.cli;

import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import picocli.CommandLine;

/**
 * Process exit codes of the launcher, and the mapping from failures to them. The SPEC section 2
 * status code is always printed in the one-line reason on standard error.
 *
 * <table>
 *   <caption>exit codes</caption>
 *   <tr><td>0</td><td>success</td></tr>
 *   <tr><td>1</td><td>the job failed (status 32768, or another status not listed here)</td></tr>
 *   <tr><td>2</td><td>the command line is wrong (picocli's usage error)</td></tr>
 *   <tr><td>3</td><td>invalid parameter or input (status 32773)</td></tr>
 *   <tr><td>4</td><td>incorrect data type in the input (status 32776)</td></tr>
 *   <tr><td>5</td><td>{@code check}: not compatible (status 32784, reasons printed)</td></tr>
 *   <tr><td>6</td><td>not supported, for example a blob of a newer format (status 32770)</td></tr>
 *   <tr><td>7</td><td>not available: the Spark master cannot be reached (status 32777)</td></tr>
 *   <tr><td>8</td><td>out of memory: the fleet needs more heap than the JVM has (status 32778)</td></tr>
 * </table>
 *
 * Every failure prints one line on standard error, {@code fleetcompat: error STATUS: reason}; a
 * stack trace follows only with {@code FLEETCOMPAT_DEBUG} set.
 */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** Any other failure. */
  public static final int FAILED = 1;

  /** The command line is wrong: an unknown option, a missing or malformed value. */
  public static final int USAGE = 2;

  /** Status 32773. */
  public static final int INVALID_PARAMETER = 3;

  /** Status 32776. */
  public static final int INCORRECT_DATA_TYPE = 4;

  /**
   * Status 32784, the answer of {@code check} when the system would not fit, and of {@code
   * maintenance} when a cluster's order gets stuck.
   */
  public static final int NOT_COMPATIBLE = 5;

  /** Status 32770. */
  public static final int NOT_SUPPORTED = 6;

  /** Status 32777: a system the command needs (the Spark master) cannot be reached. */
  public static final int NOT_AVAILABLE = 7;

  /** Status 32778: the job ran out of heap; nothing was published. */
  public static final int OUT_OF_MEMORY = 8;

  /** The exit codes as every command's {@code --help} lists them. */
  static java.util.Map<String, String> helpList() {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("0", "success (check: compatible, status 0)");
    m.put("1", "the job failed (status 32768)");
    m.put("2", "wrong command line: unknown option, missing or bad value (status 32773)");
    m.put("3", "invalid parameter or input: no such snapshot, table, column or system (32773)");
    m.put("4", "incorrect data type in the input (status 32776)");
    m.put("5", "check: not compatible (32784), failing vectors printed; maintenance: stuck");
    m.put("6", "not supported, e.g. a blob of a newer format (status 32770)");
    m.put("7", "not available: the Spark master cannot be reached (status 32777)");
    m.put("8", "out of memory: give the JVM more heap, nothing was published (status 32778)");
    return m;
  }

  private ExitCodes() {}

  /** The exit code for a status code. */
  public static int of(ReturnCode status) {
    return switch (status) {
      case COMPLETED -> OK;
      case NOT_COMPATIBLE -> NOT_COMPATIBLE;
      case NOT_SUPPORTED -> NOT_SUPPORTED;
      case INVALID_PARAMETER -> INVALID_PARAMETER;
      case INCORRECT_DATA_TYPE -> INCORRECT_DATA_TYPE;
      case SYSTEM_NOT_AVAILABLE -> NOT_AVAILABLE;
      case OUT_OF_MEMORY -> OUT_OF_MEMORY;
      default -> FAILED;
    };
  }

  /** Prints a failure as one line, {@code fleetcompat: error STATUS: message}, and maps it. */
  static final class ExceptionHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
      if (e instanceof CommandLine.ParameterException p) {
        return new UsageHandler().handleParseException(p, new String[0]);
      }
      if (ranOutOfMemory(e)) {
        e = CliErrors.outOfMemory(e);
      }
      ReturnCode status = e instanceof FleetcompatException f ? f.status() : ReturnCode.FAILED;
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      if (!(e instanceof FleetcompatException)) {
        message = e.getClass().getSimpleName() + ": " + message;
      }
      boolean debug = System.getenv("FLEETCOMPAT_DEBUG") != null;
      String line = message.lines().findFirst().orElse("");
      if (!(e instanceof FleetcompatException) && !debug) {
        line += " (set FLEETCOMPAT_DEBUG=1 for the stack trace)";
      }
      cl.getErr().println("fleetcompat: error " + status + ": " + line);
      if (debug) {
        e.printStackTrace(cl.getErr());
      }
      cl.getErr().flush();
      return ExitCodes.of(status);
    }
  }

  /**
   * Whether {@code t} is, or was caused by, running out of heap: an {@link OutOfMemoryError} in the
   * chain, or a Spark job aborted by a task's one (Spark sends a task's failure to the driver as
   * text, so its class name in the message is all there is to go by).
   */
  static boolean ranOutOfMemory(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof OutOfMemoryError) {
        return true;
      }
      if (c.getMessage() != null
          && c.getClass().getName().startsWith("org.apache.spark.")
          && c.getMessage().contains(OutOfMemoryError.class.getName())) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  /**
   * Prints an out-of-memory failure as one line and ends the JVM at once with {@link
   * #OUT_OF_MEMORY}: with the heap exhausted, shutdown hooks and Spark's non-daemon threads could
   * keep it alive, and the run's staging directory was already deleted on the way up.
   */
  static void haltOutOfMemory(OutOfMemoryError e) {
    FleetcompatException f = CliErrors.outOfMemory(e);
    System.err.println("fleetcompat: error " + f.status() + ": " + f.getMessage());
    if (System.getenv("FLEETCOMPAT_DEBUG") != null) {
      e.printStackTrace();
    }
    System.err.flush();
    Runtime.getRuntime().halt(OUT_OF_MEMORY);
  }

  /**
   * A wrong command line, as one line too: picocli's reason, status 32773, and where the help is;
   * exit {@link #USAGE}.
   */
  static final class UsageHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
      CommandLine cl = e.getCommandLine();
      String reason = e.getMessage() == null ? "wrong command line" : e.getMessage();
      cl.getErr()
          .println(
              "fleetcompat: error "
                  + ReturnCode.INVALID_PARAMETER
                  + ": "
                  + reason.lines().findFirst().orElse("")
                  + "; see '"
                  + cl.getCommandSpec().qualifiedName()
                  + " --help'");
      cl.getErr().flush();
      return USAGE;
    }
  }
}
