package org.fleetcompat.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.drift.ResultDirectory;
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
    String html = ReportPage.render(ReportModelBuilder.build(result, previous));
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    String tmp = outFile + ".tmp";
    try {
      try (OutputStream out = storage.create(tmp)) {
        out.write(bytes);
      }
      storage.delete(outFile);
      storage.rename(tmp, outFile);
    } catch (IOException e) {
      throw new FleetcompatException(
          ReturnCode.FAILED,
          "Cannot write the report to "
              + outFile
              + ": "
              + e.getMessage()
              + ". Check that its directory exists and is writable, or pass another --out.",
          e);
    }
    return bytes.length;
  }
}
