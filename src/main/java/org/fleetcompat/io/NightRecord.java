package org.fleetcompat.io;

/**
 * A night's {@code nightly.json} ({@link DatedResults#NIGHT_FILE}): how the nightly job ended that
 * night and the figures its status line and the next night need. The nightly job writes it last,
 * after the night's result is published, so a night directory with a readable record is a complete
 * night; one without is the leftover of a failed night. snake_case keys; immutable.
 *
 * @param date the night, {@code YYYY-MM-DD}
 * @param statusCode the SPEC section 2 code the night ended with (0: a complete night)
 * @param status that code's description
 * @param snapshot the snapshot directory the night read
 * @param previousDate the night the drift and the stranded change are counted from; null if none
 * @param vms VMs evaluated
 * @param hosts hosts evaluated
 * @param pools compatibility pools
 * @param strandedVms VMs with no compatible host other than their current one
 * @param report the report's file name inside the night directory; null if none was written
 * @param drift the drift's directory name inside the night directory; null if none was written
 * @param engineVersion fleetcompat's version
 * @param finishedAt ISO-8601 UTC time the night was published
 */
public record NightRecord(
    String date,
    int statusCode,
    String status,
    String snapshot,
    String previousDate,
    long vms,
    long hosts,
    long pools,
    long strandedVms,
    String report,
    String drift,
    String engineVersion,
    String finishedAt) {}
