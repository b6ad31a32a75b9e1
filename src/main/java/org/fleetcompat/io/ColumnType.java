package org.fleetcompat.io;

import java.util.List;

/**
 * The type of a result-table column, as {@link ResultTable} declares it: what Parquet and Arrow
 * files store and what readers get back. Immutable.
 *
 * <p>Values handed to writers and returned by readers, per type: {@link Scalar#STRING} a {@link
 * String}, {@link Scalar#INT} an {@link Integer}, {@link Scalar#LONG} a {@link Long}, {@link
 * Scalar#BOOLEAN} a {@link Boolean}, {@link Scalar#UINT64} a {@link Long} holding the raw 64-bit
 * pattern (stored as {@code DECIMAL(20,0)}, which every reader shows as the unsigned value), {@link
 * ListOf} a {@link List} of its element's values, {@link Struct} an {@code Object[]} of its fields'
 * values in declaration order; null where the column is nullable.
 */
public sealed interface ColumnType {

  /** The flat types. */
  enum Scalar implements ColumnType {
    /** UTF-8 text. */
    STRING,
    /** A signed 32-bit integer. */
    INT,
    /** A signed 64-bit integer. */
    LONG,
    /** True or false. */
    BOOLEAN,
    /** An unsigned 64-bit value, stored as {@code DECIMAL(20,0)} so readers see it unsigned. */
    UINT64
  }

  /**
   * A list of values of one type; the list itself is never null, its elements never are.
   *
   * @param element the elements' type
   */
  record ListOf(ColumnType element) implements ColumnType {}

  /**
   * A group of named fields, as the elements of a list ({@code pools.baseline}).
   *
   * @param fields the fields, in order
   */
  record Struct(List<ResultColumn> fields) implements ColumnType {
    /** Copies the fields. */
    public Struct {
      fields = List.copyOf(fields);
    }
  }

  /** Whether the type holds no list or struct: what the columnar writer takes. */
  default boolean isFlat() {
    return this instanceof Scalar;
  }
}
