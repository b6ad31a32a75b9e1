package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.job.NightlyJob;
import org.fleetcompat.job.NightlyOptions;
import org.fleetcompat.job.NightlyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fleetcompat nightly}: one night of a scheduled job ({@link NightlyJob}), for cron and
 * Airflow. Prints exactly one status line on standard output, on success and on failure, and exits
 * with the night's {@link ExitCodes exit code}; a failure also prints the usual one-line {@code
 * fleetcompat: error STATUS: reason} on standard error.
 */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "One night of a scheduled job: run the night's snapshot into --out ROOT/date=YYYY-MM-DD/"
          + " with the report and the drift since the previous night, point ROOT/latest at it,"
          + " keep the newest --keep nights. A failed night changes nothing. Prints one status"
          + " line."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  jobs/fleetcompat nightly --snapshot /data/snapshots/2026-11-21 --out /data/results"
          + " --date 2026-11-21 --keep 14"
    })
final class NightlyCommand implements Callable<Integer> {
  @Option(
      names = "--snapshot",
      required = true,
      paramLabel = "DIR",
      description =
          "The night's snapshot directory (a local path or any Hadoop URI); {date} in it stands"
              + " for the night, e.g. /exports/{date}.")
  String snapshot;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "ROOT",
      description = "Root of the dated results: ROOT/date=YYYY-MM-DD/ and ROOT/latest.")
  String root;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "The night (default: today in UTC); Airflow: --date {{ ds }}.")
  LocalDate date;

  @Option(
      names = "--keep",
      paramLabel = "N",
      description = "Complete nights to keep, tonight's included (default: 14).")
  int keep = NightlyOptions.DEFAULT_KEEP;

  @Option(
      names = "--pairs",
      description = "Also write compatible_pairs (one row per compatible VM-host pair).")
  boolean pairs;

  @Mixin CatalogOption catalog;

  @Mixin EngineOptions engine;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LocalDate night = date == null ? LocalDate.now(ZoneOffset.UTC) : date;
    PrintWriter w = spec.commandLine().getOut();
    EngineOptions.OpenRunner open = null;
    try {
      open = engine.open();
      NightlyOptions options =
          new NightlyOptions(snapshot, root, night, keep, pairs, catalog.catalog());
      NightlyResult result = NightlyJob.run(open.runner(), options);
      w.println(NightlyStatusLine.success(result));
      return ExitCodes.OK;
    } catch (RuntimeException e) {
      ReturnCode status = e instanceof FleetcompatException f ? f.status() : ReturnCode.FAILED;
      Optional<LocalDate> latest =
          open == null ? Optional.empty() : NightlyJob.latest(open.runner(), root);
      w.println(NightlyStatusLine.failure(night, status, e.getMessage(), latest));
      throw e;
    } finally {
      w.flush();
      if (open != null) {
        open.close();
      }
    }
  }

  /** The one status line: what a scheduler's log shows for the night. Stateless. */
  static final class NightlyStatusLine {
    private NightlyStatusLine() {}

    /**
     * {@code fleetcompat nightly 2026-12-02: 0 Completed with No Error, 2,998 VMs, 12 pools, 12
     * stranded (+3 since 2026-12-01), report ROOT/date=2026-12-02/report.html}, plus what changed
     * about {@code latest} and the retention when anything did.
     */
    static String success(NightlyResult r) {
      StringBuilder s = new StringBuilder();
      s.append(
          String.format(
              Locale.ROOT,
              "fleetcompat nightly %s: %d %s, %,d VMs, %,d pools, %,d stranded",
              r.date(),
              r.record().statusCode(),
              r.record().status(),
              r.record().vms(),
              r.record().pools(),
              r.record().strandedVms()));
      if (r.previous() != null) {
        long change = r.record().strandedVms() - r.previous().strandedVms();
        s.append(String.format(Locale.ROOT, " (%+,d since %s)", change, r.previous().date()));
      }
      s.append(", report ").append(r.nightDir()).append('/').append(r.record().report());
      if (r.previous() != null && r.record().drift() == null) {
        s.append(" (no drift: the previous night cannot be compared)");
      }
      if (!r.latest().equals(r.date())) {
        s.append("; latest stays ").append(r.latest()).append(" (newer)");
      }
      if (!r.deleted().isEmpty()) {
        s.append(
            String.format(
                Locale.ROOT,
                "; removed %d night%s (%s%s)",
                r.deleted().size(),
                r.deleted().size() == 1 ? "" : "s",
                r.deleted().get(0),
                r.deleted().size() == 1 ? "" : " .. " + r.deleted().get(r.deleted().size() - 1)));
      }
      if (r.retentionProblem() != null) {
        s.append("; retention: ").append(r.retentionProblem());
      }
      return s.toString();
    }

    /**
     * {@code fleetcompat nightly 2026-12-03: 32773 Invalid parameter: REASON; nothing published,
     * latest stays 2026-12-02}.
     */
    static String failure(
        LocalDate night, ReturnCode status, String message, Optional<LocalDate> latest) {
      String reason = message == null ? "" : message.lines().findFirst().orElse("");
      return String.format(
          Locale.ROOT,
          "fleetcompat nightly %s: %d %s: %s; nothing published, latest %s",
          night,
          status.code(),
          status.description(),
          reason,
          latest.map(d -> "stays " + d).orElse("unchanged"));
    }
  }
}
