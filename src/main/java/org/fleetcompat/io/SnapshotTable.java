package org.fleetcompat.io;

/**
 * The tables of a snapshot directory (SPEC section 3). Each is one {@code NAME.parquet} file or a
 * directory {@code NAME/} of part files.
 */
public enum SnapshotTable {
  /** Required: {@code host_id, vector_id, compare_operation, compatibility_info}. */
  HOST_VECTORS("host_vectors", "host_id", true),
  /** Required: {@code vm_id, vector_id, compare_operation, compatibility_info}. */
  VM_VECTORS("vm_vectors", "vm_id", true),
  /** Optional: {@code host_id, cluster}, plus optional capacity columns. */
  HOSTS("hosts", "host_id", false),
  /** Optional: {@code vm_id, enabled_state, current_host_id}. */
  VMS("vms", "vm_id", false);

  /** Column names of the vector tables, shared by hosts and VMs. */
  public static final String VECTOR_ID = "vector_id";

  /** The compare operation column. */
  public static final String COMPARE_OPERATION = "compare_operation";

  /** The value column. */
  public static final String COMPATIBILITY_INFO = "compatibility_info";

  private final String tableName;
  private final String idColumn;
  private final boolean required;

  SnapshotTable(String tableName, String idColumn, boolean required) {
    this.tableName = tableName;
    this.idColumn = idColumn;
    this.required = required;
  }

  /** The directory or file name inside the snapshot, for example {@code vm_vectors}. */
  public String tableName() {
    return tableName;
  }

  /** The system id column: {@code host_id} or {@code vm_id}. */
  public String idColumn() {
    return idColumn;
  }

  /** Whether the job stops (status 32773) when the table is absent. */
  public boolean isRequired() {
    return required;
  }

  /** Whether this is one of the two vector tables. */
  public boolean isVectorTable() {
    return this == HOST_VECTORS || this == VM_VECTORS;
  }

  @Override
  public String toString() {
    return tableName;
  }
}
