package org.fleetcompat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fleetcompat.io.VectorCatalogReader;
import org.fleetcompat.local.LocalRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "On a cluster" steps, as a user runs them: {@code jobs/local-cluster start} (a
 * standalone master and two workers, each its own JVM, from the Maven jars), {@code jobs/submit run
 * ...} of the job jar on it (spark-submit in client mode: no --master, so the running cluster),
 * then {@code jobs/local-cluster stop}.
 *
 * <p>It checks that the application ran on that cluster (the master's JSON API lists it as
 * finished; its event log shows two executors on the workers, both running tasks, and the cluster's
 * master URL), that the result tables are the in-process runner's byte for byte ({@link
 * SameResults}: the job jar's own vector catalog included, so its manifest counts the catalog's
 * entries), that every UI listens on loopback only, that the generated secret is in a file only its
 * owner can read and nowhere else (not in any output, log, event log, manifest or command line),
 * that the driver logs nothing at INFO (the jar's quiet configuration), and that {@code stop} ends
 * every process. The cluster is stopped after the class even when something fails.
 *
 * <p>Run by failsafe in every {@code mvn -B verify} (what {@code .ci/run} runs), after {@code
 * package} has built the job jar; about 2-3 minutes on 2 cores. Ports are free ones picked here,
 * and the cluster's state is under this test's temporary directory, so a developer's own {@code
 * jobs/local-cluster} is left alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterIT {
  private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  private static final Path SNAPSHOT = ROOT.resolve("data-samples/cpu-fleet");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path tmp;

  private static Path clusterDir;
  private static Path events;
  private static int masterPort;
  private static int uiPort;
  private static Outcome start;
  private static JsonNode masterAfterStart;
  private static Outcome submit;
  private static String referenceDir;
  private static String clusterResultDir;
  private static String secret;
  private static List<Long> daemonPids = List.of();

  private record Outcome(int exit, String out, String err) {}

  @BeforeAll
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  static void startTheClusterAndSubmitARun() throws Exception {
    List<Path> jars = jobJars();
    assertThat(jars)
        .as("the job jar (the cluster profile runs this test after package)")
        .hasSize(1);
    clusterDir = tmp.resolve("cluster");
    events = Files.createDirectories(tmp.resolve("events"));
    masterPort = freePort();
    uiPort = freePort();

    referenceDir = tmp.resolve("in-process").toString();
    RunOptions options =
        new RunOptions(SNAPSHOT.toString(), referenceDir, true)
            .withCatalog(VectorCatalogReader.read(ROOT.resolve("conf/vector-catalog.json")));
    try (LocalRunner runner = new LocalRunner(2)) {
      RunJob.run(runner, options);
    }

    Runtime.getRuntime().addShutdownHook(new Thread(LocalClusterIT::stopQuietly));
    start = script("jobs/local-cluster", "start");
    assertThat(start.exit()).as("jobs/local-cluster start\n" + start.err()).isZero();
    masterAfterStart = masterJson();
    secret = secretValue();
    daemonPids = daemonPids();

    clusterResultDir = tmp.resolve("on-the-cluster").toString();
    submit =
        script(
            "jobs/submit",
            "--conf",
            "spark.eventLog.enabled=true",
            "--conf",
            "spark.eventLog.dir=file:" + events,
            "--conf",
            "spark.eventLog.compress=false",
            "--conf",
            "spark.ui.enabled=false",
            // Both executors registered before the first job, so that both run tasks.
            "--conf",
            "spark.scheduler.minRegisteredResourcesRatio=1.0",
            // Short-lived executors on 2 cores: C1 and the serial collector spare CPU.
            "--conf",
            "spark.executor.extraJavaOptions=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
            "run",
            "--snapshot",
            SNAPSHOT.toString(),
            "--out",
            clusterResultDir,
            "--pairs");
  }

  @AfterAll
  static void stopTheCluster() {
    stopQuietly();
  }

  @Test
  @Order(1)
  void startPrintsTheMasterUrlWithTwoWorkersAlive() {
    assertThat(start.out().strip()).isEqualTo(masterUrl());
    assertThat(masterAfterStart.get("status").asText()).isEqualTo("ALIVE");
    assertThat(masterAfterStart.get("aliveworkers").asInt()).isEqualTo(2);
    assertThat(masterAfterStart.get("url").asText()).isEqualTo(masterUrl());
  }

  @Test
  @Order(2)
  void theSubmittedRunSucceedsOnTheSparkRunnerOfThatMaster() throws IOException {
    assertThat(submit.exit()).as("jobs/submit\n" + submit.err()).isZero();
    assertThat(submit.out()).contains("status            0 Completed with No Error");
    JsonNode manifest = JSON.readTree(Path.of(clusterResultDir, "manifest.json").toFile());
    assertThat(manifest.get("runner").asText()).isEqualTo("spark");
    assertThat(manifest.get("master").asText()).isEqualTo(masterUrl());
  }

  @Test
  @Order(3)
  void theMasterListsTheApplicationAsFinished() throws Exception {
    JsonNode master = masterJson();
    List<String> finished = new ArrayList<>();
    for (JsonNode app : master.get("completedapps")) {
      if (app.get("name").asText().equals("fleetcompat run")
          && app.get("state").asText().equals("FINISHED")) {
        finished.add(app.get("id").asText());
      }
    }
    assertThat(finished).as("completed applications named 'fleetcompat run'").hasSize(1);
    assertThat(eventLog().getParent().getFileName().toString())
        .isEqualTo("eventlog_v2_" + finished.get(0));
  }

  @Test
  @Order(4)
  void theEventLogShowsTwoExecutorsOfTheWorkersRunningTasks() throws IOException {
    Set<String> executors = new TreeSet<>();
    Set<String> executorsWithTasks = new TreeSet<>();
    String master = null;
    boolean ended = false;
    for (String line : Files.readAllLines(eventLog(), StandardCharsets.UTF_8)) {
      JsonNode e = JSON.readTree(line);
      switch (e.get("Event").asText()) {
        case "SparkListenerExecutorAdded" -> {
          assertThat(e.at("/Executor Info/Host").asText()).isEqualTo("127.0.0.1");
          executors.add(e.get("Executor ID").asText());
        }
        case "SparkListenerTaskEnd" ->
            executorsWithTasks.add(e.at("/Task Info/Executor ID").asText());
        case "SparkListenerEnvironmentUpdate" ->
            master = e.at("/Spark Properties").toString().contains(masterUrl()) ? masterUrl() : "?";
        case "SparkListenerApplicationEnd" -> ended = true;
        default -> {}
      }
    }
    assertThat(executors).as("executors added").containsExactly("0", "1");
    assertThat(executorsWithTasks).as("executors that ran tasks").containsExactly("0", "1");
    assertThat(master).as("spark.master in the event log").isEqualTo(masterUrl());
    assertThat(ended).as("the application ended").isTrue();
  }

  @Test
  @Order(5)
  void theTablesAreTheInProcessResultByteForByte() {
    assertThat(submit.exit()).as(submit.err()).isZero();
    SameResults.assertSame(
        "data-samples/cpu-fleet: in-process vs jobs/submit on " + masterUrl(),
        referenceDir,
        clusterResultDir);
  }

  @Test
  @Order(6)
  void theDriverLogsNothingAtInfo() {
    assertThat(submit.err().lines())
        .as("the driver's standard error")
        .noneMatch(l -> l.contains(" INFO "))
        .noneMatch(l -> l.contains("Using Spark's default log4j profile"));
  }

  @Test
  @Order(7)
  void everyUiListensOnLoopbackOnly() throws Exception {
    List<Integer> ports = new ArrayList<>(List.of(uiPort, masterPort));
    for (JsonNode w : masterJson().get("workers")) {
      URI ui = URI.create(w.get("webuiaddress").asText());
      assertThat(ui.getHost()).isEqualTo("127.0.0.1");
      ports.add(ui.getPort());
    }
    Optional<InetAddress> outside = outsideAddress();
    for (int port : ports) {
      assertThat(connects(InetAddress.getLoopbackAddress(), port)).as("127.0.0.1:" + port).isTrue();
      if (outside.isPresent()) {
        assertThat(connects(outside.get(), port))
            .as(outside.get().getHostAddress() + ":" + port + " (not loopback)")
            .isFalse();
      }
    }
  }

  @Test
  @Order(8)
  void theSecretIsInAFileOnlyItsOwnerReadsAndNowhereElse() throws IOException {
    assertThat(secret).as("spark.authenticate.secret").hasSizeGreaterThanOrEqualTo(32);
    Path file = clusterDir.resolve("secret.properties");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(start.out() + start.err() + submit.out() + submit.err())
        .as("what the scripts printed")
        .doesNotContain(secret);
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(clusterDir, events, Path.of(clusterResultDir).toRealPath())) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> !p.equals(file) && !p.toString().endsWith(".jar"))
            .filter(p -> !p.toString().endsWith(".parquet"))
            .forEach(files::add);
      }
    }
    assertThat(files).as("logs, executor output, event log, manifest").isNotEmpty();
    for (Path f : files) {
      assertThat(Files.readString(f, StandardCharsets.ISO_8859_1))
          .as(f.toString())
          .doesNotContain(secret);
    }
    assertThat(daemonPids).hasSize(3);
    for (long pid : daemonPids) {
      assertThat(ProcessHandle.of(pid).flatMap(h -> h.info().arguments()).map(List::of))
          .as("the command line of daemon " + pid)
          .hasValueSatisfying(args -> assertThat(String.join(" ", args)).doesNotContain(secret));
    }
  }

  @Test
  @Order(9)
  void stopEndsEveryProcessAndDeletesTheSecret() throws Exception {
    Outcome stop = script("jobs/local-cluster", "stop");
    assertThat(stop.exit()).as(stop.err()).isZero();
    for (long pid : daemonPids) {
      // Gone from the script's view (no command line) before the system reaps it.
      Optional<ProcessHandle> h = ProcessHandle.of(pid);
      if (h.isPresent()) {
        h.get().onExit().get(30, TimeUnit.SECONDS);
      }
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("daemon " + pid + " after stop")
          .isFalse();
    }
    assertThat(clusterDir.resolve("secret.properties")).doesNotExist();
    assertThat(script("jobs/local-cluster", "status").exit()).isEqualTo(1);
  }

  // ---------------------------------------------------------------------------------------------

  private static String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  private static Outcome script(String script, String... args) {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve(script).toString());
    Collections.addAll(command, args);
    try {
      Path out = Files.createTempFile(tmp, "stdout-", ".txt");
      Path err = Files.createTempFile(tmp, "stderr-", ".txt");
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(tmp.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      Map<String, String> env = pb.environment();
      env.put("FLEETCOMPAT_CLUSTER_DIR", clusterDir.toString());
      env.put("FLEETCOMPAT_CLUSTER_PORT", Integer.toString(masterPort));
      env.put("FLEETCOMPAT_CLUSTER_UI_PORT", Integer.toString(uiPort));
      env.put("FLEETCOMPAT_DRIVER_JAVA_OPTS", "-Xmx1g");
      env.remove("FLEETCOMPAT_MASTER");
      env.remove("FLEETCOMPAT_SECRET_FILE");
      Process p = pb.start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        fail("%s did not finish within 5 minutes", command);
      }
      return new Outcome(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void stopQuietly() {
    if (clusterDir != null && Files.isDirectory(clusterDir)) {
      script("jobs/local-cluster", "stop");
    }
  }

  private static JsonNode masterJson() throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uiPort + "/json/"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("GET /json/ of the master").isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static String secretValue() throws IOException {
    Properties p = new Properties();
    try (var in = Files.newInputStream(clusterDir.resolve("secret.properties"))) {
      p.load(in);
    }
    return p.getProperty("spark.authenticate.secret");
  }

  private static List<Long> daemonPids() throws IOException {
    List<Long> pids = new ArrayList<>();
    for (String f : List.of("master.pid", "worker-1.pid", "worker-2.pid")) {
      pids.add(Long.parseLong(Files.readString(clusterDir.resolve(f)).strip()));
    }
    return pids;
  }

  /**
   * The application's event log: Spark 4 rolls it by default, into {@code
   * eventlog_v2_APP-ID/events_N_APP-ID}; a run this small fits in the first file.
   */
  private static Path eventLog() throws IOException {
    try (Stream<Path> s = Files.walk(events)) {
      List<Path> logs =
          s.filter(p -> p.getFileName().toString().startsWith("events_1_app-")).toList();
      assertThat(logs).as("event logs under " + events).hasSize(1);
      return logs.get(0);
    }
  }

  private static List<Path> jobJars() throws IOException {
    try (Stream<Path> s = Files.list(ROOT.resolve("target"))) {
      return s.filter(p -> p.getFileName().toString().matches("fleetcompat-.*-job\\.jar")).toList();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** An IPv4 address of this machine other than loopback, if it has one. */
  private static Optional<InetAddress> outsideAddress() throws IOException {
    for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (n.isUp() && !n.isLoopback()) {
        for (InetAddress a : Collections.list(n.getInetAddresses())) {
          if (a instanceof Inet4Address) {
            return Optional.of(a);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean connects(InetAddress host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
