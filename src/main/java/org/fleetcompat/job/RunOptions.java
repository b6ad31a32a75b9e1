package org.fleetcompat.job;

import java.util.Objects;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.io.ResultFormat;

/**
 * What {@code fleetcompat run} is asked to do. Immutable; the {@code with...} methods return
 * copies.
 *
 * @param snapshot the snapshot directory URI (SPEC section 3)
 * @param out the result directory URI, published atomically
 * @param writePairs whether to write the (possibly huge) {@code compatible_pairs} table
 * @param catalog the vector catalog: names in the output, and what the cold-migration what-if drops
 * @param assumeStopped whether running VMs are evaluated as if shut down (the what-if)
 * @param writeReport whether to write {@code report.html} into the result, with the drift from the
 *     result {@code out} held before (when there is one)
 * @param format the file formats of the result tables (Parquet always; Arrow copies on request)
 */
public record RunOptions(
    String snapshot,
    String out,
    boolean writePairs,
    VectorCatalog catalog,
    boolean assumeStopped,
    boolean writeReport,
    ResultFormat format) {

  /** Checks the components: catalog and format are never null. */
  public RunOptions {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(format, "format");
  }

  /** A plain nightly run with an empty catalog, writing its report, in Parquet. */
  public RunOptions(String snapshot, String out, boolean writePairs) {
    this(snapshot, out, writePairs, VectorCatalog.empty(), false, true, ResultFormat.PARQUET);
  }

  /** A run in Parquet. */
  public RunOptions(
      String snapshot,
      String out,
      boolean writePairs,
      VectorCatalog catalog,
      boolean assumeStopped,
      boolean writeReport) {
    this(snapshot, out, writePairs, catalog, assumeStopped, writeReport, ResultFormat.PARQUET);
  }

  /** These options with {@code catalog}. */
  public RunOptions withCatalog(VectorCatalog catalog) {
    return new RunOptions(snapshot, out, writePairs, catalog, assumeStopped, writeReport, format);
  }

  /** These options with the cold-migration what-if on. */
  public RunOptions assumingStopped() {
    return new RunOptions(snapshot, out, writePairs, catalog, true, writeReport, format);
  }

  /** These options without {@code report.html} (a caller that writes its own, or none). */
  public RunOptions withoutReport() {
    return new RunOptions(snapshot, out, writePairs, catalog, assumeStopped, false, format);
  }

  /** These options with the result tables written in {@code format}. */
  public RunOptions withFormat(ResultFormat format) {
    return new RunOptions(snapshot, out, writePairs, catalog, assumeStopped, writeReport, format);
  }

  /** These options reading {@code snapshot} instead: one set of options serves every night. */
  public RunOptions withSnapshot(String snapshot) {
    return new RunOptions(snapshot, out, writePairs, catalog, assumeStopped, writeReport, format);
  }
}
