package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * polars, an independent reader of Parquet and Arrow IPC files, through its Node.js binding: the
 * pinned {@code nodejs-polars} and its Linux binary from the npm registry, installed once into
 * {@code target/node-polars/} (npm is on the project's machines; {@code .ci/run} installs node and
 * npm where they are missing), and small scripts run with {@code node}.
 *
 * <p>In CI ({@code CI} set) a missing node or a failed install fails the test: it is never skipped
 * there. Elsewhere a machine without node skips it, saying why on standard error.
 */
public final class NodePolars {
  /** The pinned packages. */
  static final List<String> PACKAGES =
      List.of("nodejs-polars@0.25.2", "nodejs-polars-linux-x64-gnu@0.25.2");

  private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

  /** Where the packages are installed. */
  public static final Path DIR = ROOT.resolve("target/node-polars");

  private NodePolars() {}

  /**
   * Installs the packages if they are not there yet; skips (outside CI) or fails (in CI) the
   * calling test when node or npm is missing.
   */
  public static synchronized void install() throws IOException, InterruptedException {
    if (!onPath("node") || !onPath("npm")) {
      String why = "node and npm are needed to read the tables with polars (apt-get install npm)";
      if (System.getenv("CI") != null) {
        throw new AssertionError(why + "; CI must not skip this test");
      }
      System.err.println("SKIPPED: " + why);
      Assumptions.abort(why);
    }
    if (Files.isRegularFile(DIR.resolve("node_modules/nodejs-polars-linux-x64-gnu/package.json"))
        && Files.isRegularFile(DIR.resolve("node_modules/nodejs-polars/package.json"))) {
      return;
    }
    Files.createDirectories(DIR);
    List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund"));
    command.addAll(List.of("--no-save", "--loglevel=error", "--prefix", DIR.toString()));
    command.addAll(PACKAGES);
    Result r = run(command, DIR, 900);
    assertThat(r.exit()).as("npm install %s: %s", PACKAGES, r.output()).isZero();
  }

  /**
   * Runs the script resource {@code /polars/NAME} with {@code node} and the arguments; returns its
   * standard output. Fails with the script's standard error if it exits non-zero.
   */
  public static String runResource(String name, String... args)
      throws IOException, InterruptedException {
    install();
    Path script = DIR.resolve(name);
    try (InputStream in = NodePolars.class.getResourceAsStream("/polars/" + name)) {
      assertThat(in).as("script resource /polars/%s", name).isNotNull();
      Files.write(script, in.readAllBytes());
    }
    return runScript(script, args);
  }

  /** Runs {@code source} as a script named {@code name} with {@code node}; its standard output. */
  public static String runSource(String name, String source, String... args)
      throws IOException, InterruptedException {
    install();
    Path script = DIR.resolve(name);
    Files.writeString(script, source, StandardCharsets.UTF_8);
    return runScript(script, args);
  }

  private static String runScript(Path script, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", script.toString()));
    command.addAll(List.of(args));
    Path stdout = Files.createTempFile(DIR, "stdout-", ".txt");
    Path stderr = Files.createTempFile(DIR, "stderr-", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(DIR.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    pb.environment().put("NODE_PATH", DIR.resolve("node_modules").toString());
    Process p = pb.start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(script + " did not finish in 300 s");
    }
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("node %s failed: %s", script.getFileName(), err).isZero();
    String out = Files.readString(stdout, StandardCharsets.UTF_8);
    Files.delete(stdout);
    Files.delete(stderr);
    return out;
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command, Path dir, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "npm-", ".log");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, "timed out after " + timeoutSeconds + " s");
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Result(p.exitValue(), output);
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
}
