package org.fleetcompat.io;

import java.util.List;
import org.fleetcompat.core.VectorSet;

/**
 * What validation decided for one system's vector rows: kept with its vectors, or quarantined whole
 * with every row rejected.
 *
 * @param systemId the system, or null for the rows that name no system
 * @param vectors the accepted vectors, or null when quarantined
 * @param rejections every rejected row (all rows of a quarantined system)
 * @param duplicatesCollapsed exact duplicate rows folded into accepted ones
 */
public record SystemVerdict(
    String systemId, VectorSet vectors, List<Rejection> rejections, long duplicatesCollapsed) {

  /** Whether the system is kept for evaluation. */
  public boolean isAccepted() {
    return vectors != null;
  }
}
