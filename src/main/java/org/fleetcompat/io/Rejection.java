package org.fleetcompat.io;

/**
 * One quarantined input row: a row of {@code rejected/} (SPEC section 5).
 *
 * @param systemId the system the row belongs to, or null
 * @param reason why
 * @param message a readable explanation naming the value at fault
 * @param row the row as read
 * @param file the file it came from
 */
public record Rejection(
    String systemId, RejectReason reason, String message, String row, String file)
    implements java.io.Serializable {}
