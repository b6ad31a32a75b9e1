package org.fleetcompat.io;

import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * The columns each snapshot table must or may have and the Parquet types accepted for them (SPEC
 * section 3). Stateless.
 */
public final class ColumnContract {
  private ColumnContract() {}

  /** What a column holds, which decides the physical types accepted. */
  public enum Kind {
    /** A system id: a string, or an integer read as its decimal text. */
    SYSTEM_ID,
    /** An unsigned integer (vector_id, compare_operation, enabled_state): INT32 or INT64. */
    INTEGER,
    /** compatibility_info: INT64 (signed or UINT_64) or DECIMAL(p,0). */
    VALUE,
    /** Free text such as a cluster name. */
    STRING,
    /**
     * A capacity or a demand (processors, MB): a whole number {@code >= 0}, as INT32, INT64, a
     * whole decimal, or text holding one (exports from spreadsheets); a null, negative or
     * non-numeric value quarantines the system ({@link RejectReason#INVALID_CAPACITY}).
     */
    CAPACITY
  }

  /** {@code hosts}: logical processors the host offers to VMs (optional capacity column). */
  public static final String LOGICAL_PROCESSORS = "logical_processors";

  /** {@code hosts}: the host's memory in MB; {@code vms}: the VM's memory demand in MB. */
  public static final String MEMORY_MB = "memory_mb";

  /** {@code hosts}: memory in MB kept for the host itself (the parent partition), not for VMs. */
  public static final String RESERVED_MEMORY_MB = "reserved_memory_mb";

  /** {@code vms}: the VM's virtual processors (its processor demand). */
  public static final String VIRTUAL_PROCESSORS = "virtual_processors";

  /**
   * One column of a table's contract.
   *
   * @param name the column name, matched exactly
   * @param kind what the column holds
   * @param required whether the table is unusable without it
   */
  public record Column(String name, Kind kind, boolean required) {}

  /** The contract of {@code table}, required columns first. */
  public static List<Column> columns(SnapshotTable table) {
    return switch (table) {
      case HOST_VECTORS, VM_VECTORS ->
          List.of(
              new Column(table.idColumn(), Kind.SYSTEM_ID, true),
              new Column(SnapshotTable.VECTOR_ID, Kind.INTEGER, true),
              new Column(SnapshotTable.COMPARE_OPERATION, Kind.INTEGER, true),
              new Column(SnapshotTable.COMPATIBILITY_INFO, Kind.VALUE, true));
      case HOSTS ->
          List.of(
              new Column("host_id", Kind.SYSTEM_ID, true),
              new Column("cluster", Kind.STRING, false),
              new Column(LOGICAL_PROCESSORS, Kind.CAPACITY, false),
              new Column(MEMORY_MB, Kind.CAPACITY, false),
              new Column(RESERVED_MEMORY_MB, Kind.CAPACITY, false));
      case VMS ->
          List.of(
              new Column("vm_id", Kind.SYSTEM_ID, true),
              new Column("enabled_state", Kind.INTEGER, false),
              new Column("current_host_id", Kind.SYSTEM_ID, false),
              new Column(VIRTUAL_PROCESSORS, Kind.CAPACITY, false),
              new Column(MEMORY_MB, Kind.CAPACITY, false));
    };
  }

  /** The accepted types of a column, as an error message names them. */
  public static String expected(SnapshotTable table, String column) {
    Kind kind =
        columns(table).stream()
            .filter(c -> c.name().equals(column))
            .map(Column::kind)
            .findFirst()
            .orElse(Kind.STRING);
    return switch (kind) {
      case SYSTEM_ID -> "STRING (BINARY UTF8), INT32 or INT64";
      case INTEGER ->
          SnapshotTable.VECTOR_ID.equals(column)
              ? "INT32 or INT64 with values in 0..2^32-1"
              : "INT32 or INT64";
      case VALUE -> "INT64, INT64 annotated UINT_64, or DECIMAL(20,0)";
      case STRING -> "STRING (BINARY UTF8)";
      case CAPACITY -> "INT32, INT64, DECIMAL(p,0) or STRING holding a whole number >= 0";
    };
  }

  /** Whether a Parquet field is of a type accepted for {@code kind}. */
  public static boolean accepts(Kind kind, Type type) {
    if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
      return false;
    }
    PrimitiveType p = type.asPrimitiveType();
    PrimitiveTypeName physical = p.getPrimitiveTypeName();
    LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
    boolean integer =
        (physical == PrimitiveTypeName.INT32 || physical == PrimitiveTypeName.INT64)
            && (logical == null || logical instanceof IntLogicalTypeAnnotation);
    boolean text =
        physical == PrimitiveTypeName.BINARY
            && (logical == null
                || logical.equals(LogicalTypeAnnotation.stringType())
                || logical.equals(LogicalTypeAnnotation.enumType()));
    boolean wholeDecimal =
        logical instanceof DecimalLogicalTypeAnnotation d
            && d.getScale() == 0
            && physical != PrimitiveTypeName.FLOAT
            && physical != PrimitiveTypeName.DOUBLE;
    return switch (kind) {
      case SYSTEM_ID -> text || integer;
      case INTEGER -> integer || wholeDecimal;
      case VALUE -> (physical == PrimitiveTypeName.INT64 && integer) || wholeDecimal;
      case STRING -> text;
      case CAPACITY -> integer || wholeDecimal || text;
    };
  }

  /** A field's type as error messages print it, e.g. {@code INT64 (INTEGER(64,false))}. */
  public static String describe(Type type) {
    if (!type.isPrimitive()) {
      return "a nested group";
    }
    PrimitiveType p = type.asPrimitiveType();
    StringBuilder s = new StringBuilder(p.getPrimitiveTypeName().name());
    if (p.getPrimitiveTypeName() == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
      s.append('(').append(p.getTypeLength()).append(')');
    }
    if (p.getLogicalTypeAnnotation() != null) {
      s.append(" (").append(p.getLogicalTypeAnnotation()).append(')');
    }
    if (type.isRepetition(Type.Repetition.REPEATED)) {
      s.append(" REPEATED");
    }
    return s.toString();
  }
}
