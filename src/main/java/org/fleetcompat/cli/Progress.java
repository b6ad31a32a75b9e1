package org.fleetcompat.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.fleetcompat.pipeline.PhaseTimer;

/**
 * {@code run}'s progress on standard error, for a person at a terminal: a line per phase with what
 * it counted and how long it took, the phase running now on the last line, and a bar while the
 * expansion writes pairs (it advances as buckets finish). Only when standard input and output are a
 * terminal ({@link System#console()}) and without {@code --quiet}: scripts and logs get the summary
 * alone. Thread safe.
 */
final class Progress implements PhaseTimer.Listener {
  private static final int BAR_WIDTH = 24;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final long startNanos = System.nanoTime();
  private long phaseStartNanos = startNanos;
  private long lastDrawNanos;
  private boolean lineOpen;

  private Progress(PrintWriter err) {
    this.err = err;
  }

  /** A listener that prints to {@code err} when a person watches, else none. */
  static PhaseTimer.Listener of(boolean quiet, PrintWriter err) {
    return quiet || System.console() == null ? phase -> {} : new Progress(err);
  }

  /** A listener that always prints, for tests. */
  static Progress to(PrintWriter err) {
    return new Progress(err);
  }

  @Override
  public synchronized void started(String phase) {
    phaseStartNanos = System.nanoTime();
    draw(String.format(Locale.ROOT, "  %-9s ...", phase));
  }

  @Override
  public synchronized void advanced(String phase, long done, long total, String unit) {
    long now = System.nanoTime();
    if (done < total && now - lastDrawNanos < REDRAW_NANOS) {
      return;
    }
    lastDrawNanos = now;
    int filled = total <= 0 ? BAR_WIDTH : (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
    draw(
        String.format(
            Locale.ROOT,
            "  %-9s [%s%s] %3d%%  %,d of %,d %s  %s",
            phase,
            "#".repeat(filled),
            ".".repeat(BAR_WIDTH - filled),
            total <= 0 ? 100 : 100 * done / total,
            done,
            total,
            unit,
            seconds(now - phaseStartNanos)));
  }

  @Override
  public synchronized void ended(String phase, long elapsedMillis, List<PhaseTimer.Count> counts) {
    String what =
        counts.stream()
            .map(c -> String.format(Locale.ROOT, "%,d %s", c.value(), c.unit()))
            .collect(Collectors.joining(", "));
    draw(
        String.format(
            Locale.ROOT,
            "  %-9s %7.2f s  %s%s",
            phase,
            elapsedMillis / 1000.0,
            what,
            String.format(Locale.ROOT, "  (%s in all)", seconds(System.nanoTime() - startNanos))));
    err.println();
    lineOpen = false;
    err.flush();
  }

  /** Replaces the last line, which is still open. */
  private void draw(String line) {
    if (lineOpen) {
      err.print("\r\033[K");
    }
    err.print(line);
    lineOpen = true;
    err.flush();
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }
}
