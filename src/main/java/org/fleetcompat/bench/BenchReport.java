package org.fleetcompat.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The figures of one {@code fleetcompat bench} run on one fleet: the in-process contenders (one
 * warm JVM), the whole-process contenders (a new JVM each, start included), and the ratios of the
 * DuckDB peer (and the other contenders) to the engine measured in the same run.
 *
 * @param name the preset name or the fleet's label, for example {@code classes}
 * @param label the fleet's short label, for example {@code 20000x2000x24-c500x20} or {@code
 *     cpu-fleet}
 * @param vms VMs in the fleet (for a snapshot: those with vector rows)
 * @param hosts hosts in the fleet
 * @param fleet what the fleet is, for example {@code 20,000 VMs x 2,000 hosts x 24 vectors, ...}
 * @param pairs whether the runs wrote {@code compatible_pairs} ({@code --pairs})
 * @param engineFlags the options passed to {@code run} beyond snapshot, out and pairs (for example
 *     {@code --engine spark}), empty for the default
 * @param compatiblePairs the engine's compatible pairs (rows of its {@code compatible_pairs}, or
 *     the sum of {@code vm_summary.compatible_hosts}); -1 if the engine was not run
 * @param check whether the engine and the peer wrote the same rows, one line
 * @param inProcess the in-process contenders, the engine first; empty if not measured
 * @param wholeProcess the whole-process contenders, the engine first; empty if not measured
 * @param enginePhasesMillis the engine's wall time per phase from its manifest (median run), empty
 *     when the manifest has none
 * @param peerStepNanos the in-process peer's wall time per step (median run)
 * @param sparkJobs Spark jobs per in-process run (the median run) of each engine contender that ran
 *     on a Spark session, by contender name
 * @param rssMethod how whole-process peak memory was measured
 */
public record BenchReport(
    String name,
    String label,
    long vms,
    long hosts,
    String fleet,
    boolean pairs,
    String engineFlags,
    long compatiblePairs,
    String check,
    List<Timing> inProcess,
    List<Timing> wholeProcess,
    Map<String, Long> enginePhasesMillis,
    Map<String, Long> peerStepNanos,
    Map<String, Integer> sparkJobs,
    String rssMethod) {

  /** The CSV header of {@link #csvRow()}. */
  public static final String CSV_HEADER =
      "name,label,vms,hosts,pairs,compatible_pairs,engine_s,duckdb_peer_s,io_floor_s,naive_sql_s,"
          + "engine_spark_s,engine_process_s,duckdb_peer_process_s,engine_spark_process_s,"
          + "engine_process_rss_mib,duckdb_peer_process_rss_mib,engine_spark_process_rss_mib,"
          + "engine_spark_jobs";

  /**
   * One contender's measurement.
   *
   * @param name {@code engine}, {@code duckdb-peer}, {@code io-floor}, {@code engine-spark} or
   *     {@code naive-sql}
   * @param runNanos every run's wall time, in the order they ran
   * @param peakBytes in process: the highest heap use during any run (all heap pools summed;
   *     DuckDB's own memory is native and not in it); whole process: the highest peak RSS of any
   *     run; -1 if unknown
   */
  public record Timing(String name, List<Long> runNanos, long peakBytes) {
    /** The median wall time (the lower middle one of an even count). */
    public long medianNanos() {
      List<Long> sorted = runNanos.stream().sorted(Comparator.naturalOrder()).toList();
      return sorted.get((sorted.size() - 1) / 2);
    }
  }

  /** The report as plain text lines. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "fleetcompat bench %s: %s; %s%s",
            name,
            fleet,
            pairs ? "run --pairs" : "run without --pairs",
            engineFlags.isEmpty() ? "" : " " + engineFlags));
    out.add(
        compatiblePairs < 0
            ? "  check: " + check
            : String.format(
                Locale.ROOT, "  %,d compatible pairs; check: %s", compatiblePairs, check));
    if (!inProcess.isEmpty()) {
      out.add(
          "in process (one warm JVM, warm-up first; "
              + count(inProcess.get(0).runNanos().size(), "turn")
              + "):");
      table(out, inProcess, "peak heap MiB");
      if (!enginePhasesMillis.isEmpty()) {
        out.add(
            "  engine phases (s): "
                + enginePhasesMillis.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1e3))
                    .collect(Collectors.joining(", ")));
      }
      if (!peerStepNanos.isEmpty()) {
        out.add(
            "  duckdb-peer steps (s): "
                + peerStepNanos.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1e9))
                    .collect(Collectors.joining(", ")));
      }
      if (!sparkJobs.isEmpty()) {
        out.add(
            "  spark jobs per run: "
                + sparkJobs.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ")));
      }
    }
    if (!wholeProcess.isEmpty()) {
      out.add(
          "whole process (a new JVM per run, start included; "
              + count(wholeProcess.get(0).runNanos().size(), "alternating run")
              + "; peak RSS by "
              + rssMethod
              + "):");
      table(out, wholeProcess, "peak RSS MiB");
    }
    out.add("ratios (contender / engine wall time; above 1 the engine is faster):");
    ratios(out, "in process", inProcess);
    ratios(out, "whole process", wholeProcess);
    return out;
  }

  /** One CSV row of the headline figures (medians, seconds), empty fields for what was not run. */
  public String csvRow() {
    return String.join(
        ",",
        name,
        label,
        Long.toString(vms),
        Long.toString(hosts),
        Boolean.toString(pairs),
        Long.toString(compatiblePairs),
        seconds(inProcess, "engine"),
        seconds(inProcess, "duckdb-peer"),
        seconds(inProcess, "io-floor"),
        seconds(inProcess, "naive-sql"),
        seconds(inProcess, "engine-spark"),
        seconds(wholeProcess, "engine"),
        seconds(wholeProcess, "duckdb-peer"),
        seconds(wholeProcess, "engine-spark"),
        mib(wholeProcess, "engine"),
        mib(wholeProcess, "duckdb-peer"),
        mib(wholeProcess, "engine-spark"),
        sparkJobs.containsKey("engine-spark")
            ? Integer.toString(sparkJobs.get("engine-spark"))
            : sparkJobs.containsKey("engine") ? Integer.toString(sparkJobs.get("engine")) : "");
  }

  private static String count(int n, String noun) {
    return n == 1 ? "1 " + noun : n + " " + noun + "s, medians";
  }

  private static void table(List<String> out, List<Timing> timings, String peakTitle) {
    out.add(
        String.format(Locale.ROOT, "  %-12s %9s %14s  %s", "", "wall s", peakTitle, "runs (s)"));
    for (Timing t : timings) {
      out.add(
          String.format(
              Locale.ROOT,
              "  %-12s %9.2f %14s  %s",
              t.name(),
              t.medianNanos() / 1e9,
              t.peakBytes() < 0 ? "?" : Long.toString(t.peakBytes() >> 20),
              t.runNanos().stream()
                  .map(n -> String.format(Locale.ROOT, "%.2f", n / 1e9))
                  .collect(Collectors.joining(" "))));
    }
  }

  private static void ratios(List<String> out, String mode, List<Timing> timings) {
    Optional<Timing> engine = find(timings, "engine");
    if (engine.isEmpty()) {
      return;
    }
    for (Timing t : timings) {
      if (!t.name().equals("engine")) {
        out.add(
            String.format(
                Locale.ROOT,
                "  %-13s %s / engine = %.2f",
                mode,
                t.name(),
                (double) t.medianNanos() / engine.get().medianNanos()));
      }
    }
  }

  private static Optional<Timing> find(List<Timing> timings, String name) {
    return timings.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  private static String seconds(List<Timing> timings, String name) {
    return find(timings, name)
        .map(t -> String.format(Locale.ROOT, "%.3f", t.medianNanos() / 1e9))
        .orElse("");
  }

  private static String mib(List<Timing> timings, String name) {
    return find(timings, name)
        .filter(t -> t.peakBytes() >= 0)
        .map(t -> Long.toString(t.peakBytes() >> 20))
        .orElse("");
  }
}
