package org.fleetcompat.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fleetcompat.io.NodePolars;
import org.fleetcompat.job.RunOptions;
import org.fleetcompat.spark.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every example of {@code docs/notebooks.md} on a result of the sample fleet made through the
 * notebook API: the Spark SQL ones through the tests' Spark session, the SQL inside the PySpark
 * ones through Spark too (pyspark cannot be installed here), the DuckDB ones through JDBC, the
 * polars ones with node and nodejs-polars, each as written but for the result's path. Per question,
 * all four must give the same, non-empty answer; the first is also checked against {@code
 * compatible_pairs}, which none of the examples reads.
 */
class NotebookExamplesTest {
  private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  private static final String SAMPLE = ROOT.resolve("data-samples/cpu-fleet").toString();
  private static final String DOC_PATH = "target/cpu-fleet-result";
  private static final Pattern EXAMPLE =
      Pattern.compile("<!-- example: (\\S+) (\\S+) -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);

  private static SparkSession spark;
  private static FleetcompatResult result;
  private static String out;
  private static Map<String, String> examples;

  @BeforeAll
  static void runTheSampleThroughTheApi() throws Exception {
    spark = SparkTestSession.get();
    Path dir = Files.createDirectories(ROOT.resolve("target/test-tmp"));
    out = Files.createTempDirectory(dir, "NotebookExamplesTest-").resolve("result").toString();
    result = Fleetcompat.run(spark, SAMPLE, new RunOptions("ignored", out, true));
    result.registerTempViews();
    examples = new LinkedHashMap<>();
    Matcher m =
        EXAMPLE.matcher(
            Files.readString(ROOT.resolve("docs/notebooks.md"), StandardCharsets.UTF_8));
    while (m.find()) {
      examples.put(m.group(1) + " " + m.group(2), m.group(3));
    }
  }

  @Test
  void everyQuestionHasAnExampleInEveryEngine() {
    assertThat(examples.keySet())
        .containsExactlyInAnyOrder(
            "leave-cluster spark-sql",
            "leave-cluster pyspark",
            "leave-cluster duckdb",
            "leave-cluster polars",
            "retire-pool spark-sql",
            "retire-pool pyspark",
            "retire-pool duckdb",
            "retire-pool polars",
            "cluster-blockers spark-sql",
            "cluster-blockers pyspark",
            "cluster-blockers duckdb",
            "cluster-blockers polars");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"leave-cluster", "retire-pool", "cluster-blockers"})
  void everyEngineGivesTheSameAnswer(String question) throws Exception {
    List<List<String>> sparkSql = sparkSql(example(question, "spark-sql"));
    assertThat(sparkSql).as("%s in Spark SQL", question).isNotEmpty();
    assertThat(sparkSql(pysparkSql(example(question, "pyspark"))))
        .as("%s: the SQL of the PySpark example", question)
        .isEqualTo(sparkSql);
    assertThat(duckdb(example(question, "duckdb")))
        .as("%s in DuckDB", question)
        .isEqualTo(sparkSql);
    assertThat(polars(question, example(question, "polars")))
        .as("%s in polars", question)
        .isEqualTo(sparkSql);
  }

  @Test
  void theVmsThatCouldLeaveAClusterAreThoseCompatiblePairsSay() {
    List<Row> rows =
        spark
            .sql(
                "SELECT p.vm_id, COUNT(*) FROM compatible_pairs p"
                    + " JOIN vm_classes v ON v.vm_id = p.vm_id"
                    + " JOIN host_classes cur ON cur.host_id = v.current_host_id"
                    + " JOIN host_classes h ON h.host_id = p.host_id"
                    + " WHERE cur.cluster = 'cl-icelake-a' AND h.cluster <> 'cl-icelake-a'"
                    + " GROUP BY p.vm_id ORDER BY p.vm_id")
            .collectAsList();
    assertThat(strings(rows)).isEqualTo(sparkSql(example("leave-cluster", "spark-sql")));
  }

  private static String example(String question, String engine) {
    String code = examples.get(question + " " + engine);
    assertThat(code).as("docs/notebooks.md example %s %s", question, engine).isNotNull();
    return code.replace(DOC_PATH, out);
  }

  private static List<List<String>> sparkSql(String sql) {
    return strings(spark.sql(sql).collectAsList());
  }

  /** The query inside {@code spark.sql("""...""")}, after the views the code registers. */
  private static String pysparkSql(String python) {
    Matcher views = Pattern.compile("for t in \\[([^]]*)]").matcher(python);
    assertThat(views.find()).as("the PySpark example registers its views").isTrue();
    for (String t : views.group(1).replace("\"", "").split(",\\s*")) {
      assertThat(spark.catalog().tableExists(t)).as("view %s", t).isTrue();
    }
    Matcher sql =
        Pattern.compile("spark\\.sql\\(\"\"\"(.*?)\"\"\"\\)", Pattern.DOTALL).matcher(python);
    assertThat(sql.find()).as("the PySpark example holds spark.sql(\"\"\"...\"\"\")").isTrue();
    return sql.group(1);
  }

  private static List<List<String>> duckdb(String script) throws Exception {
    String[] statements = script.trim().split(";\\s*\\n");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      for (int i = 0; i < statements.length - 1; i++) {
        try (Statement s = c.createStatement()) {
          s.execute(statements[i]);
        }
      }
      try (Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(statements[statements.length - 1].replaceAll(";\\s*$", ""))) {
        List<List<String>> rows = new ArrayList<>();
        int n = r.getMetaData().getColumnCount();
        while (r.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(String.valueOf(r.getObject(i)));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  private static List<List<String>> polars(String question, String script) throws Exception {
    String printed =
        NodePolars.runSource(
            "notebook-" + question + ".js",
            script
                + "\nprocess.stdout.write(\"\\n@@JSON@@\" + JSON.stringify(answer.toRecords()));\n");
    JsonNode records =
        new ObjectMapper().readTree(printed.substring(printed.indexOf("@@JSON@@") + 8));
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode record : records) {
      List<String> row = new ArrayList<>();
      record.elements().forEachRemaining(v -> row.add(v.isNull() ? "null" : v.asText()));
      rows.add(row);
    }
    return rows;
  }

  private static List<List<String>> strings(List<Row> rows) {
    List<List<String>> out = new ArrayList<>();
    for (Row r : rows) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        row.add(String.valueOf(r.get(i)));
      }
      out.add(row);
    }
    return out;
  }
}
