package org.fleetcompat.io;

import java.util.Arrays;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.core.VectorSetIndex;

/**
 * The vector rows of one system in primitive arrays, reused from system to system, and SPEC section
 * 4's keep-or-quarantine rule over them: a system is kept when none of its rows is faulty and no
 * {@code vector_id} appears with two different (operation, value) pairs; its exact duplicate rows
 * are then collapsed and counted.
 *
 * <p>This is the rule {@link SystemValidator} applies too (it decides with this class), without an
 * object per row, so that a fleet of millions of clean systems is judged at the cost of sorting a
 * few longs per system. Quarantined systems are explained by {@link SystemValidator}.
 *
 * <pre>{@code
 * SystemRowBuffer b = new SystemRowBuffer();
 * b.add(1, 2, 0b011);
 * b.add(1, 2, 0b011);   // an exact duplicate
 * b.addFaulty();        // e.g. a row whose compare_operation is 12
 * boolean kept = b.screen();   // false: the faulty row quarantines the system
 * b.clear();            // ready for the next system
 * }</pre>
 *
 * Not thread safe. Cost: O(n log n) in the system's rows; no allocation once the arrays have grown
 * to the largest system.
 */
public final class SystemRowBuffer {
  private long[] vectorIds = new long[32];
  private long[] operations = new long[32];
  private long[] values = new long[32];
  private long[] order = new long[32];
  private long[] scratch = new long[32];
  private int[] idScratch = new int[32];
  private byte[] opScratch = new byte[32];

  /** Fault-free rows buffered; after a successful {@link #screen()}, the distinct vectors. */
  private int size;

  private long rows;
  private boolean faulty;

  /** Forgets every row, to start the next system. */
  public void clear() {
    size = 0;
    rows = 0;
    faulty = false;
  }

  /**
   * Adds a fault-free row.
   *
   * @param vectorId the unsigned 32-bit {@code vector_id}, 0..2^32-1
   * @param operation the compare operation code, 0..9
   * @param value the raw 64-bit pattern of {@code compatibility_info}
   */
  public void add(long vectorId, long operation, long value) {
    assert vectorId >= 0 && vectorId <= 0xffff_ffffL : vectorId;
    if (size == vectorIds.length) {
      int grown = size * 2;
      vectorIds = Arrays.copyOf(vectorIds, grown);
      operations = Arrays.copyOf(operations, grown);
      values = Arrays.copyOf(values, grown);
    }
    vectorIds[size] = vectorId;
    operations[size] = operation;
    values[size] = value;
    size++;
    rows++;
  }

  /**
   * Adds a row with a fault of its own (a null or out-of-range field): it quarantines the system.
   */
  public void addFaulty() {
    rows++;
    faulty = true;
  }

  /** Every row added since {@link #clear()}, faulty ones and duplicates included. */
  public long rows() {
    return rows;
  }

  /**
   * Applies the rule: true when the system is kept, and then the buffer holds its distinct vectors
   * in ascending {@code vector_id} order. Call once per system.
   */
  public boolean screen() {
    if (faulty) {
      return false;
    }
    sortByVectorId();
    int distinct = 0;
    for (int i = 0; i < size; i++) {
      if (distinct > 0 && vectorIds[distinct - 1] == vectorIds[i]) {
        if (operations[distinct - 1] != operations[i] || values[distinct - 1] != values[i]) {
          return false;
        }
        continue;
      }
      vectorIds[distinct] = vectorIds[i];
      operations[distinct] = operations[i];
      values[distinct] = values[i];
      distinct++;
    }
    size = distinct;
    return true;
  }

  /** How many distinct vectors the kept system has (after {@link #screen()} returned true). */
  public int vectorCount() {
    return size;
  }

  /** The {@code vector_id} of distinct vector {@code i}, 0..2^32-1, ascending in {@code i}. */
  public long vectorId(int i) {
    return vectorIds[i];
  }

  /** The compare operation code of distinct vector {@code i}. */
  public long operation(int i) {
    return operations[i];
  }

  /** The raw value of distinct vector {@code i}. */
  public long value(int i) {
    return values[i];
  }

  /** Exact duplicate rows folded into the distinct vectors (after {@link #screen()} was true). */
  public long duplicatesCollapsed() {
    return rows - size;
  }

  /** The distinct vectors as core's set (after {@link #screen()} returned true). */
  public VectorSet toVectorSet() {
    narrow();
    return VectorSet.ofSorted(idScratch, opScratch, values, size);
  }

  /**
   * The number {@code index} gives the distinct vectors' set (after {@link #screen()} returned
   * true), adding the set if new: no set is made when {@code index} has it already.
   */
  public int numberIn(VectorSetIndex index) {
    narrow();
    return index.numberOfSorted(idScratch, opScratch, values, size);
  }

  /** Puts the distinct vectors' ids and operations in core's int and byte form. */
  private void narrow() {
    if (idScratch.length < size) {
      idScratch = new int[vectorIds.length];
      opScratch = new byte[vectorIds.length];
    }
    for (int i = 0; i < size; i++) {
      idScratch[i] = (int) vectorIds[i];
      opScratch[i] = (byte) operations[i];
    }
  }

  /**
   * Sorts the rows by {@code vector_id}, stably: each row's key is its id above its position, so
   * one primitive sort of longs orders them with no comparator and no boxing. The id's top bit is
   * flipped so that the signed order of the keys is the unsigned order of the ids.
   */
  private void sortByVectorId() {
    if (order.length < size) {
      order = new long[vectorIds.length];
      scratch = new long[vectorIds.length];
    }
    boolean sorted = true;
    for (int i = 0; i < size; i++) {
      order[i] = ((vectorIds[i] << 32) ^ Long.MIN_VALUE) | i;
      sorted &= i == 0 || order[i - 1] < order[i];
    }
    if (sorted) {
      return;
    }
    Arrays.sort(order, 0, size);
    permute(vectorIds);
    permute(operations);
    permute(values);
  }

  private void permute(long[] column) {
    for (int i = 0; i < size; i++) {
      scratch[i] = column[(int) order[i]];
    }
    System.arraycopy(scratch, 0, column, 0, size);
  }
}
