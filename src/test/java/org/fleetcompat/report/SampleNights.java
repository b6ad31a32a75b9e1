package org.fleetcompat.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.fleetcompat.cli.FleetcompatCommand;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.io.LocalStorage;

/**
 * The engine's results of the sample's two nights, as README's walk-through makes them ({@code
 * fleetcompat run} on {@code data-samples/cpu-fleet} and {@code cpu-fleet-night2} with the shipped
 * catalog, as the launcher passes it), run once per test JVM into {@code target/sample-nights/}.
 */
final class SampleNights {
  static final Path ROOT = Path.of(System.getProperty("basedir", "."));
  static final Path DIR = ROOT.resolve("target/sample-nights");

  private static ResultDirectory night1;
  private static ResultDirectory night2;

  private SampleNights() {}

  /** Night 1's result. */
  static synchronized ResultDirectory night1() {
    if (night1 == null) {
      night1 = run("cpu-fleet", "night1");
    }
    return night1;
  }

  /** Night 2's result. */
  static synchronized ResultDirectory night2() {
    if (night2 == null) {
      night2 = run("cpu-fleet-night2", "night2");
    }
    return night2;
  }

  private static ResultDirectory run(String snapshot, String name) {
    String out = DIR.resolve(name).toString();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int exit =
        FleetcompatCommand.execute(
            new PrintWriter(o),
            new PrintWriter(e),
            "run",
            "--snapshot",
            ROOT.resolve("data-samples").resolve(snapshot).toString(),
            "--out",
            out,
            "--catalog",
            ROOT.resolve("conf/vector-catalog.json").toString());
    if (exit != 0) {
      throw new IllegalStateException("fleetcompat run " + snapshot + " failed: " + e + o);
    }
    return ResultDirectory.open(LocalStorage.INSTANCE, out);
  }
}
