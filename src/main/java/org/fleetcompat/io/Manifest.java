package org.fleetcompat.io;

import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a result directory (SPEC section 5): what was read, where every row
 * went, what was written, how long each phase took and how the job ended. Written with snake_case
 * keys by {@link ManifestWriter}; notebooks read it as plain JSON.
 *
 * @param engineVersion fleetcompat's version
 * @param sparkVersion the Spark version the job ran on
 * @param statusCode the SPEC section 2 code the job ended with (0 on success)
 * @param status that code's description
 * @param snapshot the snapshot directory read
 * @param startedAt ISO-8601 UTC start time
 * @param options the job options that change the result
 * @param inputs per input table: its files and row accounting
 * @param outputs per output table: its row count
 * @param fleet headline counts: VMs, hosts, classes, compatible pairs
 * @param feasibility pools, stranded VMs, drainable hosts
 * @param whatIf what the cold-migration what-if gains ({@code run --assume-stopped}); empty
 *     otherwise
 * @param timingsMillis wall time per phase, in milliseconds
 */
public record Manifest(
    String engineVersion,
    String sparkVersion,
    int statusCode,
    String status,
    String snapshot,
    String startedAt,
    Map<String, Object> options,
    Map<String, InputTable> inputs,
    Map<String, Long> outputs,
    Map<String, Long> fleet,
    Map<String, Long> feasibility,
    Map<String, Long> whatIf,
    Map<String, Long> timingsMillis) {

  /**
   * One input table in the manifest.
   *
   * @param files the data files read
   * @param rowsRead rows in the files
   * @param rowsAccepted rows kept
   * @param rowsRejected rows quarantined
   * @param duplicatesCollapsed exact duplicates folded
   * @param balanced whether the four counts balance
   */
  public record InputTable(
      List<String> files,
      long rowsRead,
      long rowsAccepted,
      long rowsRejected,
      long duplicatesCollapsed,
      boolean balanced) {

    /** The manifest entry for a table's files and accounting. */
    public static InputTable of(List<String> files, RowAccounting a) {
      return new InputTable(
          files,
          a.rowsRead(),
          a.rowsAccepted(),
          a.rowsRejected(),
          a.duplicatesCollapsed(),
          a.isBalanced());
    }
  }
}
