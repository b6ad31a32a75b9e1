package org.fleetcompat.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.core.CheckResult;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.io.LocalStorage;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.ResultTable;
import org.fleetcompat.job.BaselineJob;
import org.fleetcompat.job.ExplainJob;
import org.fleetcompat.job.PairExplanation;
import org.fleetcompat.job.RunOptions;
import org.fleetcompat.job.VmExplanation;
import org.fleetcompat.spark.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notebook API on the tests' Spark session: {@code Fleetcompat.run} leaves the session's
 * settings as they were, its Datasets hold the rows the manifest counts, {@code read} opens the
 * same result, and the point questions give the jobs' answers.
 */
class NotebookApiTest {
  private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  private static final String SAMPLE = ROOT.resolve("data-samples/cpu-fleet").toString();

  private static SparkSession spark;
  private static Map<String, String> settingsBefore;
  private static FleetcompatResult result;
  private static String out;

  @BeforeAll
  static void run() throws Exception {
    spark = SparkTestSession.get();
    settingsBefore =
        Map.copyOf(scala.jdk.javaapi.CollectionConverters.asJava(spark.conf().getAll()));
    Path dir = Files.createDirectories(ROOT.resolve("target/test-tmp"));
    out = Files.createTempDirectory(dir, "NotebookApiTest-").resolve("result").toString();
    result = Fleetcompat.run(spark, SAMPLE, new RunOptions("another-night", out, false));
  }

  @Test
  void theRunLeavesTheSessionsSettingsAsTheyWere() {
    assertThat(scala.jdk.javaapi.CollectionConverters.asJava(spark.conf().getAll()))
        .isEqualTo(settingsBefore);
    assertThat(spark.sparkContext().isStopped()).isFalse();
  }

  @Test
  void everyDatasetHoldsTheRowsTheManifestCounts() {
    Manifest m = result.manifest();
    assertThat(m.snapshot()).isEqualTo(SAMPLE);
    assertThat(m.runner()).isEqualTo("spark");
    for (ResultTable t : ResultTable.values()) {
      if (t == ResultTable.COMPATIBLE_PAIRS) {
        continue;
      }
      assertThat(result.table(t).count())
          .as("%s", t)
          .isEqualTo(m.outputs().get(t.tableName()).rows());
    }
    assertThat(result.vmSummary().filter("stranded").count())
        .isEqualTo(m.feasibility().strandedVms());
    assertThat(result.vmSummary().columns())
        .containsExactlyElementsOf(
            ResultTable.VM_SUMMARY.columns(false).stream().map(c -> c.name()).toList());
    assertThatThrownBy(result::compatiblePairs)
        .isInstanceOf(FleetcompatException.class)
        .hasMessageContaining("has no table compatible_pairs: the run was made without --pairs");
  }

  @Test
  void readOpensThePublishedResult() {
    FleetcompatResult again = Fleetcompat.read(spark, out);
    assertThat(again.manifest()).isEqualTo(result.manifest());
    assertThat(again.pools().count()).isEqualTo(result.pools().count());
    assertThatThrownBy(() -> Fleetcompat.read(spark, out + "-none"))
        .isInstanceOf(FleetcompatException.class)
        .hasMessageContaining("Cannot read result " + out + "-none: no readable manifest.json");
  }

  @Test
  void thePointQuestionsGiveTheJobsAnswers() {
    PairExplanation pair = Fleetcompat.explain(spark, SAMPLE, "vm-00001", "h-0340");
    assertThat(pair)
        .isEqualTo(
            ExplainJob.pair(
                LocalStorage.INSTANCE, SAMPLE, "vm-00001", "h-0340", VectorCatalog.empty()));
    assertThat(pair.isCompatible()).isFalse();
    assertThat(Fleetcompat.explain(spark, SAMPLE, "vm-00001", "h-0001").isCompatible()).isTrue();

    VmExplanation pools =
        Fleetcompat.explainAcrossPools(spark, SAMPLE, "vm-00074", VectorCatalog.empty());
    assertThat(pools.pools()).hasSize(12);
    assertThat(pools.pools().stream().filter(p -> p.compatibleHosts() > 0).count()).isEqualTo(1);

    BaselineJob.HostsBaseline cluster =
        Fleetcompat.baselineOfCluster(spark, SAMPLE, "cl-icelake-a");
    BaselineJob.HostsBaseline byJob =
        BaselineJob.ofCluster(LocalStorage.INSTANCE, SAMPLE, "cl-icelake-a");
    assertThat(cluster.hostIds()).hasSize(41).isEqualTo(byJob.hostIds());
    assertThat(cluster.baseline().vectors()).isEqualTo(byJob.baseline().vectors());
    assertThat(Fleetcompat.baselineOfHosts(spark, SAMPLE, cluster.hostIds()).baseline().vectors())
        .isEqualTo(cluster.baseline().vectors());

    byte[] blob = Fleetcompat.info(spark, SAMPLE, "h-0044");
    CheckResult notThere = Fleetcompat.check(spark, SAMPLE, blob, "h-0045");
    assertThat(notThere.code()).isEqualTo(ReturnCode.NOT_COMPATIBLE);
    assertThat(notThere.reasons()).extracting(f -> f.vmId()).contains("vm-02345");
    CheckResult corrupt = Fleetcompat.check(spark, SAMPLE, new byte[] {1, 2, 3}, "h-0045");
    assertThat(corrupt.code()).isEqualTo(ReturnCode.INVALID_PARAMETER);
    assertThat(List.of(corrupt.reasons().size())).containsExactly(0);
  }
}
