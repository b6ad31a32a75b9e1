package org.fleetcompat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code jobs/fleetcompat} as a process, as a user would: from a chosen working directory,
 * optionally at a terminal (a pseudo-terminal made by util-linux {@code script}, so that {@link
 * System#console()} is there), and returns its exit code, standard output, standard error and wall
 * time.
 */
final class Launch {
  static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  static final Path LAUNCHER = ROOT.resolve("jobs/fleetcompat");

  /** What a launch gave. */
  record Outcome(int exit, String out, String err, long millis) {
    /** Standard error's lines. */
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private Launch() {}

  /**
   * Runs the launcher with {@code args} in {@code workDir}, standard input and output not a tty.
   */
  static Outcome run(Path workDir, Path scratch, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(LAUNCHER.toString());
    command.addAll(List.of(args));
    return start(command, workDir, scratch);
  }

  /**
   * Runs the launcher at a terminal: {@code script} gives it a pseudo-terminal for standard input
   * and output, and its standard error goes to a file, which is what {@link Outcome#err()} holds.
   */
  static Outcome atTerminal(Path workDir, Path scratch, String... args)
      throws IOException, InterruptedException {
    Path err = scratch.resolve("terminal-stderr.txt");
    StringBuilder line = new StringBuilder(quote(LAUNCHER.toString()));
    for (String a : args) {
      line.append(' ').append(quote(a));
    }
    line.append(" 2>").append(quote(err.toString()));
    Outcome o = start(List.of("script", "-qec", line.toString(), "/dev/null"), workDir, scratch);
    return new Outcome(
        o.exit(), o.out(), Files.readString(err, StandardCharsets.UTF_8), o.millis());
  }

  private static Outcome start(List<String> command, Path workDir, Path scratch)
      throws IOException, InterruptedException {
    Files.createDirectories(scratch);
    Path out = Files.createTempFile(scratch, "stdout-", ".txt");
    Path err = Files.createTempFile(scratch, "stderr-", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().put("FLEETCOMPAT_JAVA_OPTS", "-Xmx1g");
    pb.environment().remove("FLEETCOMPAT_DEBUG");
    long start = System.nanoTime();
    Process p = pb.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
    return new Outcome(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8),
        (System.nanoTime() - start) / 1_000_000);
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
