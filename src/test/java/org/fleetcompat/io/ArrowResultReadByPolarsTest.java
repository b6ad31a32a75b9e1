package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fleetcompat.job.RunJob;
import org.fleetcompat.job.RunOptions;
import org.fleetcompat.job.RunResult;
import org.fleetcompat.local.LocalRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --format both --pairs} on the sample fleet, every table read back by an independent
 * reader, polars ({@link NodePolars}): from the Arrow IPC copies and from the Parquet files, polars
 * sees the same schema (the declared one) and the same rows, which are the rows {@link
 * TableFileReader} reads from the Parquet files; the manifest lists every Arrow file with its rows.
 */
class ArrowResultReadByPolarsTest {
  private static final Path ROOT = Path.of(System.getProperty("basedir", "."));
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir(factory = TargetTempDir.class)
  static Path tmp;

  private static RunResult result;
  private static JsonNode polars;

  @BeforeAll
  static void runTheSampleInBothFormats() throws Exception {
    try (LocalRunner runner = new LocalRunner(2)) {
      result =
          RunJob.run(
              runner,
              new RunOptions(
                      ROOT.resolve("data-samples/cpu-fleet").toString(),
                      tmp.resolve("result").toString(),
                      true)
                  .withCatalog(VectorCatalogReader.read(ROOT.resolve("conf/vector-catalog.json")))
                  .withFormat(ResultFormat.BOTH));
    }
    polars = JSON.readTree(NodePolars.runResource("read-result.js", result.outDir()));
  }

  @Test
  void polarsReadsTheSameRowsFromArrowAsFromParquet() {
    for (ResultTable t : ResultTable.values()) {
      JsonNode table = polars.get(t.tableName());
      assertThat(table).as("polars found %s", t).isNotNull();
      List<Object> expected = new ArrayList<>();
      for (Object[] row :
          TableFileReader.readAll(
              LocalStorage.INSTANCE, result.outDir() + "/" + t.tableName(), t, false)) {
        expected.add(record(t.columns(false), row));
      }
      assertThat(plain(table.get("arrow").get("rows"))).as("%s from Arrow", t).isEqualTo(expected);
      assertThat(plain(table.get("parquet").get("rows")))
          .as("%s from Parquet", t)
          .isEqualTo(expected);
    }
  }

  @Test
  void polarsSeesTheDeclaredSchemaInBothFormats() {
    for (ResultTable t : ResultTable.values()) {
      JsonNode table = polars.get(t.tableName());
      Map<String, String> declared = new LinkedHashMap<>();
      for (ResultColumn c : t.columns(false)) {
        declared.put(c.name(), "DataType(" + polarsType(c.type()) + ")");
      }
      assertThat(plain(table.get("arrow").get("schema")))
          .as("%s Arrow schema", t)
          .isEqualTo(declared);
      assertThat(plain(table.get("parquet").get("schema")))
          .as("%s Parquet schema", t)
          .isEqualTo(declared);
    }
  }

  @Test
  void theManifestListsEveryArrowFileWithItsRows() {
    for (ResultTable t : ResultTable.values()) {
      Manifest.OutputTable out = result.manifest().outputs().get(t.tableName());
      List<Object> listed = new ArrayList<>();
      for (Manifest.OutputFile f : out.arrowFiles()) {
        assertThat(f.path()).startsWith("arrow/" + t.tableName() + "/").endsWith(".arrow");
        listed.add(Map.of("name", Path.of(f.path()).getFileName().toString(), "rows", f.rows()));
      }
      assertThat(plain(polars.get(t.tableName()).get("arrow").get("files")))
          .as("%s Arrow files", t)
          .isEqualTo(listed);
      assertThat(out.arrowFiles()).hasSameSizeAs(out.files());
    }
    assertThat(result.manifest().options().format()).isEqualTo("both");
  }

  /** A row as polars prints a record: fields by name, UINT64 as decimal text. */
  private static Map<String, Object> record(List<ResultColumn> columns, Object[] values) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      out.put(columns.get(i).name(), value(columns.get(i).type(), values[i]));
    }
    return out;
  }

  private static Object value(ColumnType type, Object v) {
    if (v == null) {
      return null;
    }
    if (type instanceof ColumnType.ListOf list) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) v) {
        out.add(value(list.element(), e));
      }
      return out;
    }
    if (type instanceof ColumnType.Struct struct) {
      return record(struct.fields(), (Object[]) v);
    }
    return switch ((ColumnType.Scalar) type) {
      case UINT64 -> Long.toUnsignedString((Long) v);
      case INT -> ((Integer) v).longValue();
      default -> v;
    };
  }

  /** JSON as plain Java values: integral numbers as Long, objects as ordered maps. */
  private static Object plain(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      n.forEach(e -> out.add(plain(e)));
      return out;
    }
    if (n.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      n.fields().forEachRemaining(e -> out.put(e.getKey(), plain(e.getValue())));
      return out;
    }
    if (n.isIntegralNumber()) {
      return n.asLong();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    return n.asText();
  }

  /** The dtype polars reads a declared column as, in polars' own spelling. */
  private static String polarsType(ColumnType type) {
    if (type instanceof ColumnType.ListOf list) {
      return "List(DataType(" + polarsType(list.element()) + "))";
    }
    if (type instanceof ColumnType.Struct struct) {
      StringBuilder s = new StringBuilder("Struct(");
      for (int i = 0; i < struct.fields().size(); i++) {
        ResultColumn f = struct.fields().get(i);
        s.append(i == 0 ? "" : ",")
            .append("Field(\"")
            .append(f.name())
            .append("\", DataType(")
            .append(polarsType(f.type()))
            .append("))");
      }
      return s.append(')').toString();
    }
    return switch ((ColumnType.Scalar) type) {
      case STRING -> "String";
      case INT -> "Int32";
      case LONG -> "Int64";
      case BOOLEAN -> "Bool";
      case UINT64 -> "Decimal(20,0)";
    };
  }
}
