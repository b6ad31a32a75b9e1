package org.fleetcompat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fleetcompat.core.BlobCodec;
import org.fleetcompat.core.CheckFinding;
import org.fleetcompat.core.CheckResult;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.Hex;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.core.SystemBlob;
import org.fleetcompat.core.VectorOutcome;
import org.fleetcompat.job.SystemBlobJob;
import org.fleetcompat.pipeline.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleetcompat check}: CheckSystemCompatibilityInfo. Prints the SPEC section 2 code and every
 * failing vector; exits 0 when compatible, {@link ExitCodes#NOT_COMPATIBLE} when not.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check a blob written by `info` against a host of the snapshot: prints 0 (compatible) or"
          + " 32784 (not compatible) and the reasons; 32773 for a corrupt blob or an unknown host,"
          + " 32770 for a blob of a newer format. --json prints {code, description, kind,"
          + " system_id, host_id, warnings, reasons: [...]} (the exit code is the same)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  jobs/fleetcompat check --snapshot data-samples/cpu-fleet --blob h-0044.blob --host h-0045",
      "  jobs/fleetcompat check --snapshot data-samples/cpu-fleet --blob vm.blob --host h-0001 --json"
    })
final class CheckCommand extends SnapshotCommand {
  @Option(names = "--blob", required = true, paramLabel = "FILE", description = "The blob file.")
  Path blobFile;

  @Option(names = "--host", required = true, paramLabel = "ID", description = "The target host.")
  String host;

  @Override
  int answer(Runner runner, PrintWriter w) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(blobFile);
    } catch (IOException e) {
      throw CliErrors.blobUnreadable(blobFile, e);
    }
    SystemBlob blob;
    try {
      blob = BlobCodec.decode(bytes);
    } catch (FleetcompatException e) {
      throw CliErrors.badBlob(blobFile, e);
    }
    CheckResult result =
        SystemBlobJob.check(runner.storage(snapshot.dir()), snapshot.dir(), blob, host);
    int exit = result.code() == ReturnCode.COMPLETED ? ExitCodes.OK : ExitCodes.of(result.code());
    if (json) {
      JsonOutput.print(JsonOutput.Check.of(result, blob, host, catalog.catalog()), w);
      return exit;
    }
    w.printf(
        Locale.ROOT,
        "%d %s: %s %s on host %s%n",
        result.code().code(),
        result.code().description(),
        blob.kind().name().toLowerCase(Locale.ROOT),
        blob.systemId(),
        host);
    for (String warning : result.warnings()) {
      w.printf(Locale.ROOT, "  warning: %s%n", warning);
    }
    for (CheckFinding f : result.reasons()) {
      VectorOutcome o = f.outcome();
      w.printf(
          Locale.ROOT,
          "  %s  %s %-26s %-18s vm %s  host %s  %s%n",
          f.vmId(),
          Hex.vectorId(o.vectorId()),
          catalog.catalog().name(o.vectorId()),
          o.operation().displayName(),
          Hex.value(o.vmValue()),
          o.isPresentOnHost() ? Hex.value(o.hostValue()) : "-",
          o.reason() + ExplainCommand.bits(o));
    }
    return exit;
  }
}
