package org.fleetcompat.io;

/**
 * One row of a vector table after type normalization, before validation.
 *
 * @param systemId the host or VM id; null for an orphan row
 * @param vectorId the unsigned 32-bit id; meaningful only when {@code fault} is null
 * @param operation the compare operation code; meaningful only when {@code fault} is null
 * @param value the raw 64-bit pattern; meaningful only when {@code fault} is null
 * @param fault the row-level fault, or null for a well-formed row
 * @param message the fault's readable message, or null
 * @param row the row as read, for {@code rejected/}
 * @param file the file the row came from
 */
public record LoadedVectorRow(
    String systemId,
    long vectorId,
    long operation,
    long value,
    RejectReason fault,
    String message,
    String row,
    String file) {}
