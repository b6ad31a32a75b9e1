package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * The Arrow schema derived from {@link ResultTable}'s declarations, and the declared names
 * themselves: none is a word DuckDB reserves (its list of reserved keywords, asked at test time),
 * so every table and column can be named in SQL without quotes.
 */
class ArrowSchemasTest {

  @Test
  void everyScalarTypeMapsAsParquetStoresIt() {
    Schema s = ArrowSchemas.schema("pools", ResultTable.POOLS.columns());
    assertThat(s.findField("pool_id").getType()).isEqualTo(new ArrowType.Int(32, true));
    assertThat(s.findField("host_count").getType()).isEqualTo(new ArrowType.Int(64, true));
    assertThat(s.findField("first_host_id").getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
    assertThat(s.findField("first_host_id").isNullable()).isFalse();
    Field baseline = s.findField("baseline");
    assertThat(baseline.getType()).isEqualTo(ArrowType.List.INSTANCE);
    Field element = baseline.getChildren().get(0);
    assertThat(element.getName()).isEqualTo("element");
    assertThat(element.isNullable()).isFalse();
    assertThat(element.getType()).isEqualTo(ArrowType.Struct.INSTANCE);
    Field value = element.getChildren().get(3);
    assertThat(value.getName()).isEqualTo("compatibility_info");
    assertThat(value.getType()).isEqualTo(new ArrowType.Decimal(20, 0, 128));
    assertThat(value.isNullable()).isTrue();
    Schema summary = ArrowSchemas.schema("vm_summary", ResultTable.VM_SUMMARY.columns());
    assertThat(summary.findField("stranded").getType()).isEqualTo(ArrowType.Bool.INSTANCE);
    assertThat(summary.getCustomMetadata()).isEmpty();
  }

  @Test
  void noDeclaredNameIsAWordDuckdbReserves() throws Exception {
    Set<String> reserved = new TreeSet<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = duckdb.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category = 'reserved'")) {
      while (r.next()) {
        reserved.add(r.getString(1).toLowerCase(Locale.ROOT));
      }
    }
    assertThat(reserved).as("DuckDB's reserved words").contains("table", "select", "order");

    Set<String> names = new TreeSet<>();
    for (ResultTable t : ResultTable.values()) {
      names.add(t.tableName());
      collect(ArrowSchemas.schema(t.tableName(), t.columns()).getFields(), names);
    }
    assertThat(names).as("declared names").contains("vm_id", "source_table", "element");
    assertThat(names)
        .as("table, column and field names that SQL would need quoted")
        .doesNotContainAnyElementsOf(reserved);
  }

  private static void collect(List<Field> fields, Set<String> names) {
    for (Field f : fields) {
      names.add(f.getName());
      collect(f.getChildren(), names);
    }
  }
}
