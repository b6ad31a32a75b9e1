package org.fleetcompat.reference;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.fleetcompat.reference.NestedLoopReference.RefVector;
import org.fleetcompat.reference.SnapshotFileReader.RawVectorRow;

/**
 * SPEC section 4's row rules written out once more, in plain Java over {@link SnapshotFileReader}'s
 * raw rows, independently of the engine's Spark validation: the reference that golden outputs are
 * computed with.
 *
 * <p>Vector tables:
 *
 * <ol>
 *   <li>A row's own fault, the first of: null system id ({@code NULL_SYSTEM_ID}), null {@code
 *       vector_id} ({@code NULL_VECTOR_ID}), {@code vector_id} outside 0..2^32-1 ({@code
 *       VECTOR_ID_OUT_OF_RANGE}), null operation ({@code NULL_OPERATION}), operation outside 0..9
 *       ({@code UNKNOWN_OPERATION}), null value ({@code NULL_VALUE}), value outside 0..2^64-1
 *       ({@code VALUE_OUT_OF_RANGE}).
 *   <li>A row with a null system id belongs to no system: it alone is rejected.
 *   <li>A system is quarantined when one of its rows has a fault, or when two of its fault-free
 *       rows have the same {@code vector_id} and another operation or value. Every row of a
 *       quarantined system is rejected, exact copies included: with its own fault, else {@code
 *       CONFLICTING_DUPLICATE} when its {@code vector_id} is one of the conflicting ones, else
 *       {@code SYSTEM_QUARANTINED}.
 *   <li>The other systems are accepted; their exact duplicate rows are collapsed and counted.
 * </ol>
 *
 * <p>Attribute tables ({@code hosts}, {@code vms}), per row, the first that applies: null id
 * ({@code NULL_SYSTEM_ID}); another row of the same id that disagrees ({@code
 * CONFLICTING_ATTRIBUTES}, all rows of that id); the id's vectors were quarantined ({@code
 * SYSTEM_QUARANTINED}); the id has no vector rows at all ({@code NO_VECTORS}). The other rows are
 * accepted, exact duplicates collapsed.
 *
 * <p>Stateless; linear time with hash maps. Reason names are those of {@code
 * org.fleetcompat.io.RejectReason}, spelled out here as strings so this class shares no code with
 * the engine.
 */
public final class ReferenceValidation {
  private static final BigInteger MAX_VECTOR_ID = BigInteger.valueOf(0xFFFF_FFFFL);
  private static final BigInteger MAX_OPERATION = BigInteger.valueOf(9);
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  private ReferenceValidation() {}

  /**
   * One rejected input row.
   *
   * @param table the input table name, e.g. {@code vm_vectors}
   * @param systemId the row's system id; null when the row has none
   * @param reason the reject reason name, e.g. {@code SYSTEM_QUARANTINED}
   */
  public record Rejection(String table, String systemId, String reason)
      implements Comparable<Rejection> {
    private static final Comparator<Rejection> ORDER =
        Comparator.comparing(Rejection::table)
            .thenComparing(Rejection::systemId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Rejection::reason);

    @Override
    public int compareTo(Rejection other) {
      return ORDER.compare(this, other);
    }
  }

  /**
   * Where the rows of one input table went; balanced when {@code rowsRead == rowsAccepted +
   * rowsRejected + duplicatesCollapsed}.
   */
  public record Accounting(
      long rowsRead, long rowsAccepted, long rowsRejected, long duplicatesCollapsed) {
    /** Whether every row read is counted exactly once. */
    public boolean isBalanced() {
      return rowsRead == rowsAccepted + rowsRejected + duplicatesCollapsed;
    }
  }

  /**
   * A validated vector table.
   *
   * @param systems the accepted systems, sorted by id, each with its vectors sorted by id
   * @param knownSystems every non-null system id with at least one row, accepted or not
   * @param rejected the rejected rows, in input order
   * @param accounting the row accounting
   */
  public record VectorTable(
      Map<String, List<RefVector>> systems,
      Set<String> knownSystems,
      List<Rejection> rejected,
      Accounting accounting) {}

  /**
   * A validated attribute table.
   *
   * @param rows the accepted rows by system id, sorted
   * @param rejected the rejected rows, in input order
   * @param accounting the row accounting
   */
  public record AttributeTable<T>(
      Map<String, T> rows, List<Rejection> rejected, Accounting accounting) {}

  /** The fault of a single row by rule 1, or null when the row is fine on its own. */
  public static String fault(RawVectorRow row) {
    if (row.systemId() == null) {
      return "NULL_SYSTEM_ID";
    }
    if (row.vectorId() == null) {
      return "NULL_VECTOR_ID";
    }
    if (row.vectorId().signum() < 0 || row.vectorId().compareTo(MAX_VECTOR_ID) > 0) {
      return "VECTOR_ID_OUT_OF_RANGE";
    }
    if (row.op() == null) {
      return "NULL_OPERATION";
    }
    if (row.op().signum() < 0 || row.op().compareTo(MAX_OPERATION) > 0) {
      return "UNKNOWN_OPERATION";
    }
    if (row.value() == null) {
      return "NULL_VALUE";
    }
    if (row.value().signum() < 0 || row.value().compareTo(TWO_TO_64) >= 0) {
      return "VALUE_OUT_OF_RANGE";
    }
    return null;
  }

  /** Validates a vector table named {@code table} (for the rejections). */
  public static VectorTable validateVectors(String table, List<RawVectorRow> rows) {
    // Pass 1: faults, and the distinct (op, value) seen per (system, vector_id).
    Set<String> known = new HashSet<>();
    Set<String> quarantined = new HashSet<>();
    Map<String, Map<BigInteger, Set<RefVector>>> variants = new HashMap<>();
    for (RawVectorRow row : rows) {
      if (row.systemId() == null) {
        continue;
      }
      known.add(row.systemId());
      if (fault(row) != null) {
        quarantined.add(row.systemId());
        continue;
      }
      variants
          .computeIfAbsent(row.systemId(), s -> new HashMap<>())
          .computeIfAbsent(row.vectorId(), v -> new HashSet<>())
          .add(toVector(row));
    }
    for (Map.Entry<String, Map<BigInteger, Set<RefVector>>> system : variants.entrySet()) {
      for (Set<RefVector> forOneId : system.getValue().values()) {
        if (forOneId.size() > 1) {
          quarantined.add(system.getKey());
        }
      }
    }

    // Pass 2: every row is rejected, accepted (first copy) or collapsed (later copies).
    List<Rejection> rejected = new ArrayList<>();
    Map<String, Set<RefVector>> accepted = new TreeMap<>();
    long collapsed = 0;
    for (RawVectorRow row : rows) {
      String fault = fault(row);
      String id = row.systemId();
      if (id == null) {
        rejected.add(new Rejection(table, null, fault));
      } else if (quarantined.contains(id)) {
        String reason;
        if (fault != null) {
          reason = fault;
        } else if (variants.get(id).get(row.vectorId()).size() > 1) {
          reason = "CONFLICTING_DUPLICATE";
        } else {
          reason = "SYSTEM_QUARANTINED";
        }
        rejected.add(new Rejection(table, id, reason));
      } else if (!accepted.computeIfAbsent(id, s -> new LinkedHashSet<>()).add(toVector(row))) {
        collapsed++;
      }
    }

    Map<String, List<RefVector>> systems = new TreeMap<>();
    long acceptedRows = 0;
    for (Map.Entry<String, Set<RefVector>> system : accepted.entrySet()) {
      List<RefVector> vectors = new ArrayList<>(system.getValue());
      vectors.sort(Comparator.comparingLong(RefVector::vectorId));
      systems.put(system.getKey(), List.copyOf(vectors));
      acceptedRows += vectors.size();
    }
    Accounting accounting = new Accounting(rows.size(), acceptedRows, rejected.size(), collapsed);
    return new VectorTable(systems, Set.copyOf(known), List.copyOf(rejected), accounting);
  }

  /**
   * Validates an attribute table ({@code hosts} or {@code vms}) named {@code table} against the
   * validated vector table of the same side. Two rows agree when they are {@link Object#equals}.
   *
   * @param id the row's system id (nullable)
   */
  public static <T> AttributeTable<T> validateAttributes(
      String table, List<T> rows, Function<T, String> id, VectorTable vectors) {
    Map<String, Set<T>> variants = new HashMap<>();
    for (T row : rows) {
      if (id.apply(row) != null) {
        variants.computeIfAbsent(id.apply(row), s -> new HashSet<>()).add(row);
      }
    }
    List<Rejection> rejected = new ArrayList<>();
    Map<String, T> accepted = new TreeMap<>();
    long collapsed = 0;
    for (T row : rows) {
      String system = id.apply(row);
      String reason = null;
      if (system == null) {
        reason = "NULL_SYSTEM_ID";
      } else if (variants.get(system).size() > 1) {
        reason = "CONFLICTING_ATTRIBUTES";
      } else if (!vectors.systems().containsKey(system)) {
        reason = vectors.knownSystems().contains(system) ? "SYSTEM_QUARANTINED" : "NO_VECTORS";
      }
      if (reason != null) {
        rejected.add(new Rejection(table, system, reason));
      } else if (accepted.putIfAbsent(system, row) != null) {
        assert Objects.equals(accepted.get(system), row);
        collapsed++;
      }
    }
    Accounting accounting =
        new Accounting(rows.size(), accepted.size(), rejected.size(), collapsed);
    return new AttributeTable<>(accepted, List.copyOf(rejected), accounting);
  }

  private static RefVector toVector(RawVectorRow row) {
    return new RefVector(row.vectorId().longValueExact(), row.op().intValueExact(), row.value());
  }
}
