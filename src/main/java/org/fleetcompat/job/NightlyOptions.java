package org.fleetcompat.job;

import java.time.LocalDate;
import org.fleetcompat.core.VectorCatalog;

/**
 * What {@code fleetcompat nightly} is asked to do. Immutable.
 *
 * @param snapshot the night's snapshot directory; {@value #DATE_PLACEHOLDER} in it stands for the
 *     night, so one scheduler line serves every night ({@code /exports/{date}})
 * @param root the root of the dated results (see {@link org.fleetcompat.io.DatedResults})
 * @param date the night
 * @param keep how many complete nights to keep, tonight's included (at least 1)
 * @param writePairs whether to write {@code compatible_pairs}
 * @param catalog the vector catalog
 */
public record NightlyOptions(
    String snapshot,
    String root,
    LocalDate date,
    int keep,
    boolean writePairs,
    VectorCatalog catalog) {
  /** What {@link #snapshot} may contain for the night's date, {@code YYYY-MM-DD}. */
  public static final String DATE_PLACEHOLDER = "{date}";

  /** How many nights are kept when not told. */
  public static final int DEFAULT_KEEP = 14;

  /** The night's snapshot directory, the placeholder replaced. */
  public String snapshotOfTheNight() {
    return snapshot.replace(DATE_PLACEHOLDER, date.toString());
  }
}
