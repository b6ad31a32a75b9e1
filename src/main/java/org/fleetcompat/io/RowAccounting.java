package org.fleetcompat.io;

/**
 * Where every input row of one table went (SPEC section 4). Balanced when {@code rowsRead ==
 * rowsAccepted + rowsRejected + duplicatesCollapsed}.
 *
 * @param rowsRead rows in the input files
 * @param rowsAccepted distinct rows kept for evaluation
 * @param rowsRejected rows quarantined into {@code rejected/}
 * @param duplicatesCollapsed exact duplicate rows folded into an accepted row
 */
public record RowAccounting(
    long rowsRead, long rowsAccepted, long rowsRejected, long duplicatesCollapsed)
    implements java.io.Serializable {

  /** Whether every row read is accounted for exactly once. */
  public boolean isBalanced() {
    return rowsRead == rowsAccepted + rowsRejected + duplicatesCollapsed;
  }
}
