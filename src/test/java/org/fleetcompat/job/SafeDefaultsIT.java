package org.fleetcompat.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Safe defaults, as a user's process meets them: a secret given as a Spark setting appears in no
 * output, log, manifest or report; and hostile ids on the command line reach no shell, format
 * string or log pattern (they come back verbatim in the one-line error and run nothing).
 */
class SafeDefaultsIT {
  private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  private static final String SECRET = "s3cret-" + Long.toHexString(System.nanoTime());

  @TempDir Path tmp;

  private record Outcome(int exit, String out, String err) {}

  private Outcome launch(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("jobs/fleetcompat").toString()));
    command.addAll(List.of(args));
    Path out = tmp.resolve("stdout.txt");
    Path err = tmp.resolve("stderr.txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().put("FLEETCOMPAT_JAVA_OPTS", "-Xmx1g");
    pb.environment().remove("FLEETCOMPAT_DEBUG");
    Process p = pb.start();
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    return new Outcome(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void aSparkSecretIsInNoOutputManifestOrReport() throws Exception {
    Path snapshot = tmp.resolve("snapshot");
    BadInputCorpus.base(snapshot);
    Path result = tmp.resolve("result");
    Outcome o =
        launch(
            "run",
            "--snapshot",
            snapshot.toString(),
            "--out",
            result.toString(),
            "--engine",
            "spark",
            "--json",
            "--conf",
            "spark.authenticate.secret=" + SECRET);
    assertThat(o.exit()).as(o.err()).isZero();
    assertThat(o.out()).contains("\"manifest\"").doesNotContain(SECRET);
    assertThat(o.err()).doesNotContain(SECRET);
    try (Stream<Path> files = Files.walk(result.toRealPath())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain(SECRET);
      }
    }
  }

  @Test
  void hostileIdsOnTheCommandLineComeBackVerbatimAndRunNothing() throws Exception {
    Path snapshot = tmp.resolve("snapshot");
    BadInputCorpus.base(snapshot);
    Path pwned = tmp.resolve("pwned");
    for (String id :
        List.of("${jndi:ldap://127.0.0.1:1/x}", "%s%n%d{}", "$(touch " + pwned + ")", "`id`")) {
      Outcome o = launch("explain", "--snapshot", snapshot.toString(), "--vm", id, "--host", "h1");
      assertThat(o.exit()).as(o.err()).isEqualTo(3);
      assertThat(o.err().lines().toList()).as(o.err()).hasSize(1);
      assertThat(o.err()).startsWith("fleetcompat: error 32773").contains(id);
    }
    assertThat(pwned).doesNotExist();
  }
}
