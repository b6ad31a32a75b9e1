package org.fleetcompat.io;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Rows of one vector table read from one {@link InputSplit} and bound for one bucket of systems, in
 * primitive arrays: what the validation stage judges. Rows keep their read order.
 *
 * <p>A fault-free row holds its {@code vector_id} (unsigned 32 bits in an {@code int}), operation
 * code and raw 64-bit value; its text for {@code rejected/} is made from them on demand, as the
 * file printed it ({@link #rowText}). A faulty row (a null or out-of-range field) holds its reason,
 * message and text as read instead: they are rare.
 *
 * <p>Immutable once built; serializable, so a Spark shuffle moves a batch as a few arrays.
 */
public final class VectorBatch implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final RejectReason[] REASONS = RejectReason.values();

  private final SnapshotTable table;
  private final String file;
  private final int splitIndex;
  private final boolean signedValues;
  private final String[] systemIds;
  private final int size;
  private final int[] systemOf;
  private final int[] vectorIds;
  private final byte[] operations;
  private final long[] values;
  private final byte[] faults;
  private final int[] faultRows;
  private final String[] faultMessages;
  private final String[] faultTexts;

  private VectorBatch(Builder b) {
    this.table = b.table;
    this.file = b.file;
    this.splitIndex = b.splitIndex;
    this.signedValues = b.signedValues;
    this.systemIds = Arrays.copyOf(b.systemIds, b.systemCount);
    this.size = b.size;
    // The builder's arrays are taken as they are unless a quarter or more of them is unused:
    // copying every row once more costs more than the slack.
    boolean trim = b.systemOf.length - b.size > b.systemOf.length / 4;
    this.systemOf = trim ? Arrays.copyOf(b.systemOf, b.size) : b.systemOf;
    this.vectorIds = trim ? Arrays.copyOf(b.vectorIds, b.size) : b.vectorIds;
    this.operations = trim ? Arrays.copyOf(b.operations, b.size) : b.operations;
    this.values = trim ? Arrays.copyOf(b.values, b.size) : b.values;
    this.faults = trim ? Arrays.copyOf(b.faults, b.size) : b.faults;
    this.faultRows = Arrays.copyOf(b.faultRows, b.faultCount);
    this.faultMessages = Arrays.copyOf(b.faultMessages, b.faultCount);
    this.faultTexts = Arrays.copyOf(b.faultTexts, b.faultCount);
  }

  /** The table the rows were read from. */
  public SnapshotTable table() {
    return table;
  }

  /** The file the rows were read from. */
  public String file() {
    return file;
  }

  /** The split's index among its table's splits: batches are handed on in this order. */
  public int splitIndex() {
    return splitIndex;
  }

  /** How many rows. */
  public int size() {
    return size;
  }

  /** The distinct system ids of the batch, indexed by {@link #systemOf}. */
  public String[] systemIds() {
    return systemIds;
  }

  /** The index into {@link #systemIds()} of row {@code row}'s system, or -1 for a null id. */
  public int systemOf(int row) {
    return systemOf[row];
  }

  /** The row's fault, or null for a fault-free row. */
  public RejectReason fault(int row) {
    return faults[row] == 0 ? null : REASONS[faults[row] - 1];
  }

  /** The row's {@code vector_id}, 0..2^32-1 (fault-free rows only). */
  public long vectorId(int row) {
    return Integer.toUnsignedLong(vectorIds[row]);
  }

  /** The row's operation code, 0..9 (fault-free rows only). */
  public int operation(int row) {
    return operations[row];
  }

  /** The row's raw 64-bit value (fault-free rows only). */
  public long value(int row) {
    return values[row];
  }

  /** The readable message of a faulty row's fault, or null for a fault-free row. */
  public String faultMessage(int row) {
    int i = Arrays.binarySearch(faultRows, row);
    return i < 0 ? null : faultMessages[i];
  }

  /** The row as read, {@code column=value, ...}, for {@code rejected/}. */
  public String rowText(int row) {
    int i = Arrays.binarySearch(faultRows, row);
    if (i >= 0) {
      return faultTexts[i];
    }
    int s = systemOf[row];
    return RowText.vector(
        table.idColumn(),
        s < 0 ? null : systemIds[s],
        Long.toString(vectorId(row)),
        Integer.toString(operations[row]),
        signedValues ? Long.toString(values[row]) : Long.toUnsignedString(values[row]));
  }

  /**
   * Collects the rows of one batch. Not thread safe.
   *
   * <p>{@code signedValues}: whether the file stores {@code compatibility_info} as a plain signed
   * INT64, which a row's text then shows signed, as the file holds it.
   */
  public static final class Builder {
    private final SnapshotTable table;
    private final String file;
    private final int splitIndex;
    private final boolean signedValues;
    private String[] systemIds = new String[16];
    private int systemCount;
    private int size;
    private int[] systemOf = new int[64];
    private int[] vectorIds = new int[64];
    private byte[] operations = new byte[64];
    private long[] values = new long[64];
    private byte[] faults = new byte[64];
    private int faultCount;
    private int[] faultRows = new int[4];
    private String[] faultMessages = new String[4];
    private String[] faultTexts = new String[4];

    /** A builder for rows of {@code table} from {@code file}'s split {@code splitIndex}. */
    public Builder(SnapshotTable table, String file, int splitIndex, boolean signedValues) {
      this(table, file, splitIndex, signedValues, 64);
    }

    /**
     * A builder that expects about {@code expectedRows} rows, so that its arrays are not copied
     * over and over as a large split fills them.
     */
    public Builder(
        SnapshotTable table, String file, int splitIndex, boolean signedValues, int expectedRows) {
      this.table = table;
      this.file = file;
      this.splitIndex = splitIndex;
      this.signedValues = signedValues;
      int n = Math.max(64, expectedRows);
      systemOf = new int[n];
      vectorIds = new int[n];
      operations = new byte[n];
      values = new long[n];
      faults = new byte[n];
    }

    /** Adds a system id and returns its index for {@link #add} (ids need not be distinct). */
    public int addSystem(String systemId) {
      if (systemCount == systemIds.length) {
        systemIds = Arrays.copyOf(systemIds, systemCount * 2);
      }
      systemIds[systemCount] = systemId;
      return systemCount++;
    }

    /** Adds a fault-free row of system {@code system} (from {@link #addSystem}). */
    public void add(int system, long vectorId, int operation, long value) {
      int i = grow();
      systemOf[i] = system;
      vectorIds[i] = (int) vectorId;
      operations[i] = (byte) operation;
      values[i] = value;
      faults[i] = 0;
    }

    /**
     * Adds a faulty row.
     *
     * @param system its system's index, or -1 when the row names no system
     */
    public void addFaulty(int system, RejectReason fault, String message, String text) {
      int i = grow();
      systemOf[i] = system;
      faults[i] = (byte) (fault.ordinal() + 1);
      if (faultCount == faultRows.length) {
        faultRows = Arrays.copyOf(faultRows, faultCount * 2);
        faultMessages = Arrays.copyOf(faultMessages, faultCount * 2);
        faultTexts = Arrays.copyOf(faultTexts, faultCount * 2);
      }
      faultRows[faultCount] = i;
      faultMessages[faultCount] = message;
      faultTexts[faultCount] = text;
      faultCount++;
    }

    /** How many rows so far. */
    public int size() {
      return size;
    }

    private int grow() {
      if (size == systemOf.length) {
        int n = size * 2;
        systemOf = Arrays.copyOf(systemOf, n);
        vectorIds = Arrays.copyOf(vectorIds, n);
        operations = Arrays.copyOf(operations, n);
        values = Arrays.copyOf(values, n);
        faults = Arrays.copyOf(faults, n);
      }
      return size++;
    }

    /** The batch; the builder must not be used after this. */
    public VectorBatch build() {
      return new VectorBatch(this);
    }
  }
}
