package org.fleetcompat.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;

/**
 * Every user-facing error the command line itself raises, built in one place: each names the option
 * and the value at fault, what was found, and what to do. (Errors about input and output files come
 * from io's {@code InputErrors}, {@code OutputErrors} and {@code ResultFileErrors}.)
 */
final class CliErrors {
  private CliErrors() {}

  /** {@code --config FILE} (or {@code $FLEETCOMPAT_CONF}) cannot be read (status 32773). */
  static FleetcompatException configFile(Path file, IOException e) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot read the config file "
            + file.toAbsolutePath()
            + " ("
            + (e == null ? "no such file" : e.getClass().getSimpleName())
            + "); check --config or $FLEETCOMPAT_CONF",
        e);
  }

  /**
   * The job ran out of heap (status 32778): says how much the JVM had and which settings give more.
   */
  static FleetcompatException outOfMemory(Throwable cause) {
    long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return new FleetcompatException(
        ReturnCode.OUT_OF_MEMORY,
        "Out of memory: the fleet needs more than this JVM's "
            + maxMb
            + " MB of heap; nothing was published; raise -Xmx in FLEETCOMPAT_JAVA_OPTS (on a"
            + " cluster spark.driver.memory and spark.executor.memory), or leave out --pairs",
        cause);
  }

  /** No address of a {@code spark://} master accepts connections (status 32777). */
  static FleetcompatException masterUnreachable(String master, String address, IOException e) {
    return new FleetcompatException(
        ReturnCode.SYSTEM_NOT_AVAILABLE,
        "Cannot reach the Spark master "
            + master
            + ": nothing answers at "
            + address
            + " ("
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : " " + e.getMessage())
            + "); start the master or fix --master",
        e);
  }

  /** A {@code spark://} master URL that names no host and port (status 32773). */
  static FleetcompatException badMaster(String master) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "--master "
            + master
            + " is not a Spark master URL: expected spark://HOST:PORT[,HOST:PORT...], local[N],"
            + " yarn or k8s://...");
  }

  /** {@code --threads} below one (status 32773). */
  static FleetcompatException tooFewThreads(int threads) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER, "--threads is " + threads + ": expected at least 1");
  }

  /** {@code --master} with {@code --engine local} (status 32773). */
  static FleetcompatException masterNeedsSpark(String master) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "--master " + master + " needs --engine spark; drop one of them");
  }

  /** An {@code --engine} that is not a runner (status 32773). */
  static FleetcompatException unknownEngine(String engine) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER, "--engine " + engine + " is not one of local, spark");
  }

  /** {@code check --blob FILE} cannot be read (status 32773). */
  static FleetcompatException blobUnreadable(Path file, IOException e) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot read blob file "
            + file
            + " ("
            + e.getClass().getSimpleName()
            + "); check --blob, or write it with: fleetcompat info --out FILE",
        e);
  }

  /** {@code check --blob FILE} is not a blob this version reads (the decoder's status). */
  static FleetcompatException badBlob(Path file, FleetcompatException e) {
    return new FleetcompatException(e.status(), "Blob file " + file + ": " + e.getMessage(), e);
  }

  /** The CPU data of {@code generate-samples} is not there (status 32773). */
  static FleetcompatException noCpuData(Path cpus) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot read the CPU data: "
            + cpus.toAbsolutePath()
            + " has no hosts.csv, models.csv and features.csv; pass --cpus DIR (default: the"
            + " repository's data-samples/source/cpus)");
  }

  /** A value the command line does not allow, found after parsing (status 32773, exit 2). */
  static String usage(String option, Object value, String expected) {
    return option + " is " + value + ": expected " + expected;
  }
}
