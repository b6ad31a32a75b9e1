package org.fleetcompat.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one command as a child process and measures it from the outside: wall time from start to
 * exit (JVM start included) and peak resident memory. The peak comes from {@code /usr/bin/time -f
 * %M} (the kernel's maximum RSS of the child, exact) when that program exists, else from polling
 * {@code VmHWM} in {@code /proc/PID/status} every 5 ms (which can miss a peak in the last
 * milliseconds before exit). Not thread safe.
 */
final class ChildProcess {
  private static final Path TIME = Path.of("/usr/bin/time");

  /**
   * One measured run.
   *
   * @param elapsedNanos wall time
   * @param peakRssBytes the highest resident set size seen, or -1 if unknown
   * @param exitCode the process's exit code
   * @param stdout what it printed on standard output
   * @param stderr what it printed on standard error
   */
  record Run(long elapsedNanos, long peakRssBytes, int exitCode, String stdout, String stderr) {

    /**
     * The one line of standard error that says why it failed: the launcher's or the peer's own
     * error line if there is one, else the first line that is not a JVM or log warning (picocli
     * prints its reason before the usage text), else the last line.
     */
    String reasonLine() {
      List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
      return lines.stream()
          .filter(l -> l.startsWith("fleetcompat: error") || l.startsWith("duckdb-peer: "))
          .findFirst()
          .or(
              () ->
                  lines.stream()
                      .filter(l -> !l.startsWith("WARNING") && !l.matches(".*\\b(WARN|INFO)\\b.*"))
                      .findFirst())
          .orElse(lines.isEmpty() ? "(nothing on standard error)" : lines.get(lines.size() - 1));
    }
  }

  private ChildProcess() {}

  /** How peak memory is measured on this machine, for the report. */
  static String rssMethod() {
    return Files.isExecutable(TIME)
        ? "/usr/bin/time -f %M (maximum RSS)"
        : "polling /proc/PID/status VmHWM every 5 ms";
  }

  /**
   * Runs {@code command} in {@code workDir} with {@code environment} changes (a null value removes
   * the variable), logs kept in {@code logDir}, and waits for it.
   *
   * @throws UncheckedIOException if the process cannot be started or its logs read
   */
  static Run run(List<String> command, Map<String, String> environment, Path workDir, Path logDir) {
    try {
      Files.createDirectories(logDir);
      Path out = logDir.resolve("stdout.txt");
      Path err = logDir.resolve("stderr.txt");
      Path rss = logDir.resolve("max-rss-kib.txt");
      Files.deleteIfExists(rss);
      boolean timed = Files.isExecutable(TIME);
      List<String> full = new ArrayList<>();
      if (timed) {
        full.addAll(List.of(TIME.toString(), "-f", "%M", "-o", rss.toString()));
      }
      full.addAll(command);
      ProcessBuilder pb =
          new ProcessBuilder(full)
              .directory(workDir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      environment.forEach(
          (k, v) -> {
            if (v == null) {
              pb.environment().remove(k);
            } else {
              pb.environment().put(k, v);
            }
          });
      long start = System.nanoTime();
      Process p = pb.start();
      long peak = timed ? -1 : poll(p);
      int exit = waitFor(p);
      long elapsed = System.nanoTime() - start;
      if (timed && Files.isRegularFile(rss)) {
        peak = parseKib(Files.readString(rss, StandardCharsets.UTF_8));
      }
      return new Run(
          elapsed,
          peak,
          exit,
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
    }
  }

  /** The highest VmHWM seen while the process lives, in bytes (-1 if never read). */
  private static long poll(Process p) {
    Path status = Path.of("/proc", Long.toString(p.pid()), "status");
    long peak = -1;
    while (p.isAlive()) {
      try {
        for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
          if (line.startsWith("VmHWM:")) {
            peak = Math.max(peak, parseKib(line.substring(6).replace("kB", "")));
          }
        }
        Thread.sleep(5);
      } catch (IOException e) {
        break; // the process exited between isAlive and the read
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return peak;
  }

  private static long parseKib(String text) {
    String t = text.strip();
    // /usr/bin/time may print a "Command exited with non-zero status" line before the figure.
    String last = t.substring(t.lastIndexOf('\n') + 1).strip();
    try {
      return Long.parseLong(last) * 1024;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int waitFor(Process p) {
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + p.info().command(), e);
    }
  }
}
