package org.fleetcompat.io;

import java.io.Serializable;

/**
 * A piece of one snapshot table that one task reads: consecutive row groups of one Parquet file.
 * Splits are made by {@link SnapshotInspector} from the footers, numbered in file order, so every
 * runner reads the same pieces and hands their rows on in the same order.
 *
 * @param table the table the file belongs to
 * @param file the data file, as {@link Storage} names it
 * @param index this split's position among all splits of its table, from 0
 * @param firstRowGroup the first row group to read
 * @param rowGroups how many row groups to read, at least 1 (0 for a file without rows)
 * @param rows the rows in those row groups, from the footer
 */
public record InputSplit(
    SnapshotTable table, String file, int index, int firstRowGroup, int rowGroups, long rows)
    implements Serializable {}
