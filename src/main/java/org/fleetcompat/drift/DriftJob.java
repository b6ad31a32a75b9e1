package org.fleetcompat.drift;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.io.OutputErrors;
import org.fleetcompat.io.ResultPublisher;
import org.fleetcompat.io.Storage;

/**
 * {@code fleetcompat diff}: the drift between two results of the same fleet, computed and, with an
 * output directory, written as the {@link DriftTable} tables plus {@value DriftTable#SUMMARY_FILE},
 * published atomically like a run's result (a reader sees the previous drift or the new one, never
 * half of one). Both results are read and checked whole before anything is written. Stateless.
 *
 * <pre>{@code
 * DriftJob.Result r = DriftJob.run("/data/last-night", "/data/tonight", "/data/drift");
 * r.summary().lines(r.drift()).forEach(System.out::println);
 * }</pre>
 */
public final class DriftJob {
  private DriftJob() {}

  /**
   * What a diff computed and wrote.
   *
   * @param drift the drift
   * @param summary its counts
   * @param rowsWritten rows per table written; empty without an output directory
   * @param outDir the published output directory; null without one
   */
  public record Result(
      Drift drift, DriftSummary summary, Map<DriftTable, Long> rowsWritten, String outDir) {
    /** Copies the map, in the tables' declaration order. */
    public Result {
      Map<DriftTable, Long> copy = new EnumMap<>(DriftTable.class);
      copy.putAll(rowsWritten);
      rowsWritten = java.util.Collections.unmodifiableMap(copy);
    }
  }

  /**
   * The drift from result {@code oldDir} to result {@code newDir}, written into {@code outDir} when
   * it is not null. Paths may be local or any Hadoop file system URI.
   *
   * @throws FleetcompatException 32773 or 32770 when a result is missing, damaged, partial, of
   *     another format version, or the two are results of different fleets; 32768 when the output
   *     cannot be written
   */
  public static Result run(String oldDir, String newDir, String outDir) {
    return run(
        ResultDirectory.open(oldDir),
        ResultDirectory.open(newDir),
        outDir == null ? null : ResultDirectory.storageFor(outDir),
        outDir);
  }

  /**
   * The drift between two opened results, written into {@code outDir} on {@code storage} when
   * {@code outDir} is not null.
   */
  public static Result run(
      ResultDirectory old, ResultDirectory neu, Storage storage, String outDir) {
    Drift d = DriftCalculator.compute(old, neu);
    DriftSummary summary = d.summary();
    Map<DriftTable, Long> written = new EnumMap<>(DriftTable.class);
    if (outDir == null) {
      return new Result(d, summary, written, null);
    }
    ResultPublisher out = ResultPublisher.prepare(storage, outDir);
    try {
      for (DriftTable t : DriftTable.values()) {
        List<Object[]> rows = DriftTableRows.of(t, d);
        DriftTableFiles.write(storage, storage.resolve(out.stagingDir(), t.tableName()), t, rows);
        written.put(t, (long) rows.size());
      }
      try (OutputStream s =
          storage.create(storage.resolve(out.stagingDir(), DriftTable.SUMMARY_FILE))) {
        s.write(summary.toJson(d).getBytes(StandardCharsets.UTF_8));
      }
      out.publish();
    } catch (IOException | RuntimeException e) {
      out.abandon();
      if (e instanceof FleetcompatException f) {
        throw f;
      }
      throw OutputErrors.cannotWrite("drift", outDir, e);
    }
    return new Result(d, summary, written, out.outDir());
  }
}
