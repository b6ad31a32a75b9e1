package org.fleetcompat.job;

import java.time.LocalDate;
import java.util.List;
import org.fleetcompat.io.NightRecord;

/**
 * What a successful night of {@link NightlyJob} did.
 *
 * @param date the night
 * @param nightDir the night's published directory, {@code ROOT/date=YYYY-MM-DD}
 * @param run the run's result (its manifest)
 * @param record the night's {@code nightly.json}, as written
 * @param previous the previous complete night's record, or null on the first night
 * @param latest the night {@code latest} points to now: this one, or a newer one when this night
 *     was run late (a backfill)
 * @param deleted the nights the retention deleted, oldest first
 * @param retentionProblem why the retention could not delete a night, or null: the night is
 *     published all the same, the next night tries again
 */
public record NightlyResult(
    LocalDate date,
    String nightDir,
    RunResult run,
    NightRecord record,
    NightRecord previous,
    LocalDate latest,
    List<LocalDate> deleted,
    String retentionProblem) {
  /** Copies the list. */
  public NightlyResult {
    deleted = List.copyOf(deleted);
  }
}
