package org.fleetcompat.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of one {@code fleetcompat bench} run: one line per contender, and the ratios the
 * targets are stated in.
 *
 * @param shape the fleet
 * @param compatiblePairs the engine's pair count (the same output size for every contender)
 * @param results one entry per contender, the engine first
 * @param enginePhasesMillis the engine's wall time per phase, from its manifest
 */
public record BenchReport(
    BenchShape shape,
    long compatiblePairs,
    List<Result> results,
    Map<String, Long> enginePhasesMillis) {

  /**
   * One contender's measurement.
   *
   * @param name {@code engine}, {@code naive-sql} or {@code io-floor}
   * @param elapsedNanos wall time: the median of {@code runNanos}
   * @param peakHeapBytes the highest heap use seen during any run (all pools, summed)
   * @param runNanos every run's wall time, in the order they ran
   */
  public record Result(String name, long elapsedNanos, long peakHeapBytes, List<Long> runNanos) {

    /** VM-host pairs decided per second. */
    double pairsPerSecond(BenchShape shape) {
      return shape.pairs() / (elapsedNanos / 1e9);
    }
  }

  /** The report as plain text lines: a table and the ratios. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "fleetcompat bench %s: %,d VMs x %,d hosts x %d vectors, %,d VM classes, %,d host"
                + " classes; %,d compatible pairs",
            shape.label(),
            shape.vms(),
            shape.hosts(),
            shape.vectors(),
            shape.vmClasses(),
            shape.hostClasses(),
            compatiblePairs));
    out.add(
        String.format(
            Locale.ROOT,
            "  %-10s %10s %18s %14s",
            "",
            "wall s",
            "VM-host pairs/s",
            "peak heap MiB"));
    for (Result r : results) {
      out.add(
          String.format(
              Locale.ROOT,
              "  %-10s %10.2f %18.3e %14d",
              r.name(),
              r.elapsedNanos() / 1e9,
              r.pairsPerSecond(shape),
              r.peakHeapBytes() >> 20));
    }
    out.add(
        "  engine phases (s): "
            + enginePhasesMillis.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1e3))
                .collect(Collectors.joining(", ")));
    if (results.stream().anyMatch(r -> r.runNanos().size() > 1)) {
      out.add(
          "  runs (s): "
              + results.stream()
                  .map(
                      r ->
                          r.name()
                              + " "
                              + r.runNanos().stream()
                                  .map(n -> String.format(Locale.ROOT, "%.2f", n / 1e9))
                                  .collect(Collectors.joining(" ")))
                  .collect(Collectors.joining("; ")));
    }
    Result engine = results.get(0);
    for (Result r : results.subList(1, results.size())) {
      out.add(
          String.format(
              Locale.ROOT,
              "  %s / engine = %.2f",
              r.name(),
              (double) r.elapsedNanos() / engine.elapsedNanos()));
    }
    return out;
  }
}
