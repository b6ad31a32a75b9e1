package org.fleetcompat.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fleetcompat.core.Hex;

/**
 * The row-level rules of SPEC section 4 for the vector rows of one system:
 *
 * <ul>
 *   <li>exact duplicate rows are collapsed and counted;
 *   <li>a faulty row, or two rows for one {@code vector_id} that disagree, quarantine the system
 *       whole: a system is never evaluated with a subset of its vectors, which would make it look
 *       compatible with more hosts than it is;
 *   <li>rows that name no system are rejected one by one.
 * </ul>
 *
 * The keep-or-quarantine rule itself is {@link SystemRowBuffer}'s, which Spark runs on its own for
 * the bulk of a fleet; this class adds the rejected rows and their messages.
 *
 * <p>Stateless and thread safe; cost O(rows log rows) per system.
 */
public final class SystemValidator {
  /** The cause named for a quarantined system: the same on every run, whatever the row order. */
  private static final Comparator<LoadedVectorRow> FAULT_ORDER =
      Comparator.comparing(LoadedVectorRow::fault)
          .thenComparing(LoadedVectorRow::row)
          .thenComparing(LoadedVectorRow::file);

  private SystemValidator() {}

  /** Judges all rows of {@code systemId} (null: the rows that name no system). */
  public static SystemVerdict validate(String systemId, List<LoadedVectorRow> rows) {
    if (systemId == null) {
      List<Rejection> orphans = new ArrayList<>(rows.size());
      for (LoadedVectorRow r : rows) {
        orphans.add(new Rejection(null, r.fault(), r.message(), r.row(), r.file()));
      }
      return new SystemVerdict(null, null, orphans, 0);
    }
    SystemRowBuffer buffer = new SystemRowBuffer();
    for (LoadedVectorRow r : rows) {
      if (r.fault() != null) {
        buffer.addFaulty();
      } else {
        buffer.add(r.vectorId(), r.operation(), r.value());
      }
    }
    if (buffer.screen()) {
      return new SystemVerdict(
          systemId, buffer.toVectorSet(), List.of(), buffer.duplicatesCollapsed());
    }
    return quarantine(systemId, rows);
  }

  /** Rejects every row of a system {@link SystemRowBuffer} did not keep, naming one cause. */
  private static SystemVerdict quarantine(String systemId, List<LoadedVectorRow> rows) {
    LoadedVectorRow firstFault = null;
    Map<Long, LoadedVectorRow> byId = new HashMap<>();
    Set<Long> conflicting = new HashSet<>();
    for (LoadedVectorRow r : rows) {
      if (r.fault() != null) {
        firstFault = firstFault == null || FAULT_ORDER.compare(r, firstFault) < 0 ? r : firstFault;
        continue;
      }
      LoadedVectorRow seen = byId.putIfAbsent(r.vectorId(), r);
      if (seen != null && (seen.operation() != r.operation() || seen.value() != r.value())) {
        conflicting.add(r.vectorId());
      }
    }
    String cause =
        firstFault != null
            ? firstFault.fault() + ": " + firstFault.message()
            : RejectReason.CONFLICTING_DUPLICATE
                + ": vector_id "
                + Hex.vectorId((int) (long) conflicting.stream().min(Long::compare).orElseThrow())
                + " appears with different compare_operation or compatibility_info values";
    List<Rejection> rejected = new ArrayList<>(rows.size());
    for (LoadedVectorRow r : rows) {
      if (r.fault() != null) {
        rejected.add(new Rejection(systemId, r.fault(), r.message(), r.row(), r.file()));
      } else if (conflicting.contains(r.vectorId())) {
        rejected.add(
            new Rejection(
                systemId,
                RejectReason.CONFLICTING_DUPLICATE,
                "vector_id "
                    + Hex.vectorId((int) r.vectorId())
                    + " of "
                    + systemId
                    + " appears with different compare_operation or compatibility_info values;"
                    + " the whole system is quarantined",
                r.row(),
                r.file()));
      } else {
        rejected.add(
            new Rejection(
                systemId,
                RejectReason.SYSTEM_QUARANTINED,
                "quarantined with its system " + systemId + " (" + cause + ")",
                r.row(),
                r.file()));
      }
    }
    return new SystemVerdict(systemId, null, rejected, 0);
  }
}
