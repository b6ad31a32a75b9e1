package org.fleetcompat.job;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.drift.DriftJob;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.io.DatedResults;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.NightRecord;
import org.fleetcompat.io.Storage;
import org.fleetcompat.pipeline.PhaseTimer;
import org.fleetcompat.pipeline.Runner;
import org.fleetcompat.report.ReportWriter;

/**
 * {@code fleetcompat nightly}: one night of a scheduled job. A dated snapshot in, a dated result
 * out: {@link RunJob} on the night's snapshot, published as {@code ROOT/date=YYYY-MM-DD/} with the
 * report and the drift since the previous complete night inside it, then the night's {@code
 * nightly.json}, then {@code latest} moved to it, then the nights beyond the newest {@code --keep}
 * deleted ({@link DatedResults} has the layout and what is atomic where).
 *
 * <p>A missing or bad snapshot, or any other failure before the night is published, fails the night
 * with its status (32773 for a missing table or column, 32776 for a column type, ...) and touches
 * nothing: earlier nights, {@code latest} and the retention stay as they were. Running a night
 * again replaces it (on a local disk atomically; on other file systems a complete night is written
 * once and must be deleted to be run again, and a failed night's leftovers are deleted first). A
 * night run late (a backfill) is published and its drift counted from the complete night before it,
 * but {@code latest} stays on the newest night.
 *
 * <p>Not safe to run twice at once on one root: on a local disk a file lock refuses the second job
 * (status 32774).
 */
public final class NightlyJob {
  /** The report's file name inside a night. */
  public static final String REPORT_FILE = RunJob.REPORT_FILE;

  /** The drift's directory name inside a night. */
  public static final String DRIFT_DIR = "drift";

  private NightlyJob() {}

  /**
   * Runs one night; returns once it is published and {@code latest} points to it.
   *
   * @throws FleetcompatException with the night's status if it failed; nothing was changed
   */
  public static NightlyResult run(Runner runner, NightlyOptions options) {
    if (options.keep() < 1) {
      throw JobErrors.keepTooSmall(options.keep());
    }
    DatedResults nights = DatedResults.at(runner.storage(options.root()), options.root());
    try (DatedResults.Lock lock = nights.lock()) {
      return runLocked(runner, options, nights);
    } catch (IOException e) {
      throw JobErrors.nightlyRoot(options.root(), e);
    }
  }

  /** The night {@code latest} points to under {@code root}, or empty (none, or unreadable). */
  public static Optional<LocalDate> latest(Runner runner, String root) {
    try {
      return DatedResults.at(runner.storage(root), root).latest();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static NightlyResult runLocked(Runner runner, NightlyOptions options, DatedResults nights)
      throws IOException {
    LocalDate date = options.date();
    String snapshot = options.snapshotOfTheNight();
    Storage snapshotStorage = runner.storage(snapshot);
    if (!snapshotStorage.isDirectory(snapshot)) {
      throw JobErrors.noSnapshotFor(date, snapshot);
    }
    clearFailedNight(nights, date);
    Optional<NightRecord> previous = previousNight(nights, date);
    String previousDir = previous.map(p -> nights.nightDir(LocalDate.parse(p.date()))).orElse(null);

    Extras extras = new Extras();
    RunOptions run =
        new RunOptions(snapshot, nights.nightDir(date), options.writePairs())
            .withCatalog(options.catalog())
            .withoutReport();
    RunResult result =
        RunJob.run(
            runner,
            run,
            new PhaseTimer(),
            (storage, staging, manifest) ->
                extras.set(writeReportAndDrift(storage, staging, previousDir)));

    NightRecord record = record(date, snapshot, result.manifest(), previous, extras.get());
    nights.writeRecord(date, record);
    Optional<LocalDate> latest = nights.latest();
    if (latest.isEmpty() || !latest.get().isAfter(date) || !nights.isComplete(latest.get())) {
      nights.pointLatestAt(date);
      latest = Optional.of(date);
    }
    List<LocalDate> deleted = new ArrayList<>();
    String problem = applyRetention(nights, options.keep(), date, latest.get(), deleted);
    return new NightlyResult(
        date,
        result.outDir(),
        result,
        record,
        previous.orElse(null),
        latest.get(),
        deleted,
        problem);
  }

  /**
   * The night's report and drift (issue 12, item 1), written into its staging directory (tables and
   * manifest written) before it is published: {@code report.html} with the drift since the previous
   * complete night, and the drift tables under {@code drift/} when there is one. A previous night
   * that cannot be compared (of another format or fleet, damaged) does not fail this night: the
   * report says why it shows no drift, and no drift tables are written.
   *
   * @param previousDirOrNull the previous complete night's directory, or null on the first night
   */
  static Written writeReportAndDrift(Storage storage, String staging, String previousDirOrNull) {
    ReportWriter.writeNightly(
        storage, staging, previousDirOrNull, storage.resolve(staging, REPORT_FILE));
    if (previousDirOrNull == null) {
      return new Written(REPORT_FILE, null);
    }
    try {
      DriftJob.run(
          ResultDirectory.open(storage, previousDirOrNull),
          ResultDirectory.open(storage, staging),
          storage,
          storage.resolve(staging, DRIFT_DIR));
      return new Written(REPORT_FILE, DRIFT_DIR);
    } catch (FleetcompatException e) {
      return new Written(REPORT_FILE, null);
    }
  }

  /**
   * What {@link #writeReportAndDrift} wrote, as names inside the night directory.
   *
   * @param report the report's file name, or null
   * @param drift the drift's directory name, or null
   */
  record Written(String report, String drift) {
    /** Nothing written. */
    static final Written NONE = new Written(null, null);
  }

  /** Carries what the publish hook wrote out of the lambda. */
  private static final class Extras {
    private Written written = Written.NONE;

    void set(Written w) {
      written = w;
    }

    Written get() {
      return written;
    }
  }

  /**
   * On file systems where a night is written once: a night directory without its record is what a
   * failed night left, and goes; a complete one is refused, not overwritten under its readers.
   */
  private static void clearFailedNight(DatedResults nights, LocalDate date) throws IOException {
    Storage storage = nights.storage();
    if (storage.isLocal() || !storage.exists(nights.nightDir(date))) {
      return;
    }
    if (nights.isComplete(date)) {
      throw JobErrors.nightPublished(date, nights.nightDir(date));
    }
    nights.delete(date);
  }

  /** The newest complete night before {@code date} whose record can be read. */
  private static Optional<NightRecord> previousNight(DatedResults nights, LocalDate date)
      throws IOException {
    List<LocalDate> complete = nights.completeNights();
    for (int i = complete.size() - 1; i >= 0; i--) {
      LocalDate d = complete.get(i);
      if (d.isBefore(date)) {
        Optional<NightRecord> r = nights.record(d);
        if (r.isPresent()) {
          return r;
        }
      }
    }
    return Optional.empty();
  }

  private static NightRecord record(
      LocalDate date,
      String snapshot,
      Manifest manifest,
      Optional<NightRecord> previous,
      Written written) {
    return new NightRecord(
        date.toString(),
        manifest.statusCode(),
        manifest.status(),
        manifest.snapshot() == null ? snapshot : manifest.snapshot(),
        previous.map(NightRecord::date).orElse(null),
        manifest.fleet().vms(),
        manifest.fleet().hosts(),
        manifest.feasibility().pools(),
        manifest.feasibility().strandedVms(),
        written.report(),
        written.drift(),
        manifest.engineVersion(),
        Instant.now().toString());
  }

  /**
   * Deletes every night, complete or not, older than the {@code keep} newest complete nights; never
   * tonight's nor the one {@code latest} points to. A failure to delete does not fail the night (it
   * is published): it is returned, and the next night tries again.
   */
  private static String applyRetention(
      DatedResults nights, int keep, LocalDate tonight, LocalDate latest, List<LocalDate> deleted) {
    try {
      List<LocalDate> complete = nights.completeNights();
      if (complete.size() <= keep) {
        return null;
      }
      LocalDate oldestKept = complete.get(complete.size() - keep);
      for (LocalDate d : nights.dates()) {
        if (d.isBefore(oldestKept) && !d.equals(tonight) && !d.equals(latest)) {
          nights.delete(d);
          deleted.add(d);
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return "could not delete old nights under " + nights.root() + ": " + e.getMessage();
    }
  }
}
