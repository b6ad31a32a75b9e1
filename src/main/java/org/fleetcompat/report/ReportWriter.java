package org.fleetcompat.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.io.OutputErrors;
import org.fleetcompat.io.Storage;

/**
 * Writes the self-contained HTML report of a result directory (SPEC section 5, {@code
 * report.html}): what {@code fleetcompat report} does, and what {@code run} calls to put {@code
 * report.html} into every result. The whole model is built (every table read and checked) before a
 * byte is written, and the page goes to a temporary file renamed over {@code outFile}, so a reader
 * never sees half a report. Stateless.
 *
 * <pre>{@code
 * ReportWriter.write(storage, resultDir, previousDirOrNull, resultDir + "/report.html");
 * }</pre>
 */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * What {@code run} calls to write {@code report.html} into the result it is about to publish: as
   * {@link #write(Storage, String, String, String)}, except that a previous result that cannot be
   * compared (missing, damaged, of another format version or of another fleet) does not fail the
   * night: the page says why it shows no drift instead. Call it once {@code manifest.json} is in
   * the staging directory, before publishing; {@code previousDirOrNull} is the {@code --out}
   * readers see now (null on the first night).
   *
   * @return the bytes written
   * @throws FleetcompatException when {@code resultDir} itself cannot be read or the file cannot be
   *     written
   */
  public static long writeNightly(
      Storage storage, String resultDir, String previousDirOrNull, String outFile) {
    ResultDirectory result = ResultDirectory.open(storage, resultDir);
    ReportModel model;
    if (previousDirOrNull == null) {
      model = ReportModelBuilder.build(result, null);
    } else {
      try {
        model = ReportModelBuilder.build(result, ResultDirectory.open(storage, previousDirOrNull));
      } catch (FleetcompatException e) {
        model =
            ReportModelBuilder.withoutDrift(
                ReportModelBuilder.build(result, null), previousDirOrNull, e.getMessage());
      }
    }
    return writePage(storage, ReportPage.render(model), outFile);
  }

  /**
   * Builds and writes the report of result directory {@code resultDir}, with the drift from {@code
   * previousDirOrNull} when it is not null: what {@code run} calls to write {@code report.html}
   * into a result (pass the staging directory and its {@code report.html}; the previous result is
   * the {@code --out} readers see now, or null on the first night).
   *
   * @param storage where all three are
   * @return the bytes written
   * @throws FleetcompatException as {@link #write(Storage, ResultDirectory, ResultDirectory,
   *     String)}
   */
  public static long write(
      Storage storage, String resultDir, String previousDirOrNull, String outFile) {
    ResultDirectory result = ResultDirectory.open(storage, resultDir);
    ResultDirectory previous =
        previousDirOrNull == null ? null : ResultDirectory.open(storage, previousDirOrNull);
    return write(storage, result, previous, outFile);
  }

  /**
   * Builds and writes the report of {@code result}, with the drift from {@code previous} when it is
   * not null.
   *
   * @return the bytes written
   * @throws FleetcompatException 32773 or 32770 when a result is missing, damaged, partial, of
   *     another format version, or the two are of different fleets; 32768 when the file cannot be
   *     written
   */
  public static long write(
      Storage storage, ResultDirectory result, ResultDirectory previous, String outFile) {
    return writePage(
        storage, ReportPage.render(ReportModelBuilder.build(result, previous)), outFile);
  }

  private static long writePage(Storage storage, String html, String outFile) {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    String tmp = outFile + ".tmp";
    try {
      try (OutputStream out = storage.create(tmp)) {
        out.write(bytes);
      }
      storage.delete(outFile);
      storage.rename(tmp, outFile);
    } catch (IOException e) {
      throw OutputErrors.cannotWrite("report", outFile, e);
    }
    return bytes.length;
  }
}
