package org.fleetcompat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fleetcompat.core.BlobCodec;
import org.fleetcompat.core.SystemBlob;
import org.fleetcompat.job.SystemBlobJob;
import org.fleetcompat.pipeline.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetcompat info}: GetSystemCompatibilityInfo, the blob of a VM or a host, to a file. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Write the compatibility blob of a VM, or of a host (standing for every VM it runs), to a"
          + " file that `check` reads. --json prints {kind, system_id, vms, vectors, bytes, format,"
          + " file}."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  jobs/fleetcompat info --snapshot data-samples/cpu-fleet --system h-0044 --out h-0044.blob",
      "  jobs/fleetcompat info --snapshot data-samples/cpu-fleet --system vm-00001 --out vm.blob"
    })
final class InfoCommand extends SnapshotCommand {
  @Option(
      names = "--system",
      required = true,
      paramLabel = "ID",
      description = "A vm_id or a host_id.")
  String system;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The blob file.")
  Path out;

  @Override
  int answer(Runner runner, PrintWriter w) {
    SystemBlob blob = SystemBlobJob.info(runner.storage(snapshot.dir()), snapshot.dir(), system);
    byte[] bytes = BlobCodec.encode(blob);
    try {
      Files.write(out, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the blob to " + out, e);
    }
    if (json) {
      JsonOutput.print(JsonOutput.Info.of(blob, bytes.length, out.toAbsolutePath().toString()), w);
      return ExitCodes.OK;
    }
    int vectors = blob.members().stream().mapToInt(m -> m.vectors().size()).sum();
    w.printf(
        Locale.ROOT,
        "wrote the %s blob of %s (%d VM%s, %d vectors, %d bytes, format %d) to %s%n",
        blob.kind().name().toLowerCase(Locale.ROOT),
        blob.systemId(),
        blob.members().size(),
        blob.members().size() == 1 ? "" : "s",
        vectors,
        bytes.length,
        BlobCodec.FORMAT_VERSION,
        out);
    return ExitCodes.OK;
  }
}
