package org.fleetcompat.io;

import java.util.List;

/**
 * What validation decided for one system's {@code hosts} or {@code vms} rows.
 *
 * @param systemId the system, or null for rows that name none
 * @param values the accepted attribute values, or null when the rows are rejected
 * @param rejections every rejected row
 * @param duplicatesCollapsed exact duplicate rows folded into the accepted one
 */
public record AttributeVerdict(
    String systemId, List<Object> values, List<Rejection> rejections, long duplicatesCollapsed) {

  /** Whether the system's attributes are kept. */
  public boolean isAccepted() {
    return values != null;
  }
}
