package org.fleetcompat.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium and playwright-core for the browser test: finds {@code /usr/bin/chromium}
 * (installs Debian's {@code chromium} package when missing and the test runs as root), installs the
 * pinned playwright-core from npm into {@code target/browser-test/} once, and runs the page check
 * script. {@link #unavailable()} says why it cannot run, for a loud skip.
 */
final class HeadlessChromium {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final String PLAYWRIGHT = "playwright-core@1.65.1";

  private final Path workDir;
  private String unavailable;

  HeadlessChromium(Path workDir) {
    this.workDir = workDir;
    prepare();
  }

  /** Why the browser cannot run here; null when it can. */
  String unavailable() {
    return unavailable;
  }

  private void prepare() {
    try {
      Files.createDirectories(workDir);
      if (!Files.isExecutable(CHROMIUM) && isRoot() && onPath("apt-get")) {
        run(List.of("apt-get", "install", "-y", "-qq", "chromium"), 900);
        if (!Files.isExecutable(CHROMIUM)) {
          run(List.of("apt-get", "update", "-qq"), 300);
          run(List.of("apt-get", "install", "-y", "-qq", "chromium"), 900);
        }
      }
      if (!Files.isExecutable(CHROMIUM)) {
        unavailable =
            CHROMIUM
                + " is missing and Debian's chromium package could not be installed"
                + (isRoot() ? "" : " (not root)");
        return;
      }
      if ((!onPath("node") || !onPath("npm")) && isRoot() && onPath("apt-get")) {
        run(
            List.of("apt-get", "install", "-y", "-qq", onPath("node") ? "npm" : "nodejs", "npm"),
            900);
      }
      if (!onPath("node") || !onPath("npm")) {
        unavailable = "node and npm are needed to drive Chromium (apt-get install nodejs npm)";
        return;
      }
      if (!Files.isDirectory(workDir.resolve("node_modules/playwright-core"))) {
        Result r =
            run(
                List.of(
                    "npm",
                    "install",
                    "--no-audit",
                    "--no-fund",
                    "--no-save",
                    "--prefix",
                    workDir.toString(),
                    PLAYWRIGHT),
                600);
        if (r.exit != 0) {
          throw new IllegalStateException("npm install " + PLAYWRIGHT + " failed: " + r.output);
        }
      }
    } catch (IOException e) {
      unavailable = "cannot prepare the browser: " + e.getMessage();
    }
  }

  /** Runs check-report.js on {@code report}; returns its JSON output. */
  String check(Path report, Path outDir) throws IOException {
    Path script = workDir.resolve("check-report.js");
    try (var in = HeadlessChromium.class.getResourceAsStream("/browser/check-report.js")) {
      Files.write(script, in.readAllBytes());
    }
    List<String> cmd =
        List.of(
            "node", script.toString(), report.toString(), outDir.toString(), CHROMIUM.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
    pb.environment().put("NODE_PATH", workDir.resolve("node_modules").toString());
    Path stderr = workDir.resolve("check-report.stderr");
    pb.redirectError(stderr.toFile());
    Process p = pb.start();
    byte[] stdout = p.getInputStream().readAllBytes();
    try {
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("check-report.js did not finish in 180 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "check-report.js failed: " + Files.readString(stderr, StandardCharsets.UTF_8));
    }
    return new String(stdout, StandardCharsets.UTF_8);
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> cmd, long timeoutSeconds) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true);
    pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
