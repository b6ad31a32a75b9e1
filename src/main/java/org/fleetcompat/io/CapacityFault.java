package org.fleetcompat.io;

import java.io.Serializable;

/**
 * A capacity value of a {@code hosts} or {@code vms} row that is not a whole number {@code >= 0}
 * (null, negative, fractional or non-numeric text), kept in the row's values in place of the number
 * so that validation can quarantine the system with {@link RejectReason#INVALID_CAPACITY} and name
 * the value. Immutable.
 *
 * @param column the capacity column
 * @param text the value as the file holds it, or {@code "null"}
 */
public record CapacityFault(String column, String text) implements Serializable {}
