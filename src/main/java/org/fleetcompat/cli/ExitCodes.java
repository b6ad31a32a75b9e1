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
 * </table>
 */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** Any other failure. */
  public static final int FAILED = 1;

  /** Status 32773. */
  public static final int INVALID_PARAMETER = 3;

  /** Status 32776. */
  public static final int INCORRECT_DATA_TYPE = 4;

  /** Status 32784, the answer of {@code check} when the system would not fit. */
  public static final int NOT_COMPATIBLE = 5;

  /** Status 32770. */
  public static final int NOT_SUPPORTED = 6;

  private ExitCodes() {}

  /** The exit code for a status code. */
  public static int of(ReturnCode status) {
    return switch (status) {
      case COMPLETED -> OK;
      case NOT_COMPATIBLE -> NOT_COMPATIBLE;
      case NOT_SUPPORTED -> NOT_SUPPORTED;
      case INVALID_PARAMETER -> INVALID_PARAMETER;
      case INCORRECT_DATA_TYPE -> INCORRECT_DATA_TYPE;
      default -> FAILED;
    };
  }

  /** Prints a failure as one line, {@code fleetcompat: error STATUS: message}, and maps it. */
  static final class ExceptionHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
      ReturnCode status = e instanceof FleetcompatException f ? f.status() : ReturnCode.FAILED;
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      cl.getErr()
          .println("fleetcompat: error " + status + ": " + message.lines().findFirst().orElse(""));
      if (!(e instanceof FleetcompatException) || System.getenv("FLEETCOMPAT_DEBUG") != null) {
        e.printStackTrace(cl.getErr());
      }
      cl.getErr().flush();
      return ExitCodes.of(status);
    }
  }
}
