package org.fleetcompat.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The named fleets of {@code fleetcompat bench --preset NAME}: the shapes the issue-9 targets are
 * stated for (docs/BENCHMARKS.md), each with the output the target is measured with.
 */
public enum BenchPreset {
  /** 20,000 VMs x 2,000 hosts x 24 vectors, 500 VM classes, 20 host classes, with pairs. */
  CLASSES(new BenchShape(20_000, 2_000, 24, 500, 20), null, true),
  /** 20,000 VMs x 5,000 hosts x 24 vectors, every system distinct, with pairs. */
  DISTINCT(BenchShape.allDistinct(20_000, 5_000, 24), null, true),
  /** 1,000,000 VMs x 20,000 hosts x 32 vectors, 2,000 / 50 classes, without pairs. */
  MILLION(new BenchShape(1_000_000, 20_000, 32, 2_000, 50), null, false),
  /** The real-looking sample snapshot {@code data-samples/cpu-fleet}, with pairs. */
  SAMPLE(null, "data-samples/cpu-fleet", true);

  private final BenchShape shape;
  private final String snapshot;
  private final boolean pairs;

  BenchPreset(BenchShape shape, String snapshot, boolean pairs) {
    this.shape = shape;
    this.snapshot = snapshot;
    this.pairs = pairs;
  }

  /** The preset of a name as the command line spells it ({@code classes}, ...), if any. */
  public static Optional<BenchPreset> named(String name) {
    return Arrays.stream(values()).filter(p -> p.label().equals(name)).findFirst();
  }

  /** Every preset's name, for help and error messages: {@code classes, distinct, ...}. */
  public static String names() {
    return Arrays.stream(values()).map(BenchPreset::label).collect(Collectors.joining(", "));
  }

  /** The name on the command line, for example {@code classes}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The synthetic fleet, or empty for a preset that names an existing snapshot. */
  public Optional<BenchShape> shape() {
    return Optional.ofNullable(shape);
  }

  /** The snapshot directory relative to the project directory, or empty for a synthetic fleet. */
  public Optional<String> snapshot() {
    return Optional.ofNullable(snapshot);
  }

  /** Whether the target is measured with {@code --pairs}. */
  public boolean writesPairs() {
    return pairs;
  }
}
