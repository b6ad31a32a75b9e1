package org.fleetcompat.cli;

import picocli.CommandLine.Option;

/** The {@code --snapshot DIR} option of the commands that read one snapshot. */
public final class SnapshotOption {
  @Option(
      names = "--snapshot",
      required = true,
      paramLabel = "DIR",
      description = "Snapshot directory (any Hadoop URI).")
  private String dir;

  /** The snapshot, a local path made absolute ({@link LocalPaths}). */
  String dir() {
    return LocalPaths.absolute(dir);
  }
}
