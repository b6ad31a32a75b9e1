package org.fleetcompat.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Finds a snapshot's tables and checks every data file's footer against {@link ColumnContract}
 * before any work starts (SPEC section 4): a missing table or column fails with status 32773, a
 * column of an unusable type with 32776, each naming the file and column.
 *
 * <p>Columns a file has beyond the contract are not read; they are listed as {@link
 * TableInput#ignoredColumns()} for the run summary and the manifest.
 *
 * <p>Reads only footers: cost O(files). They also give each table's row count and its row groups,
 * which become the {@link InputSplit}s tasks read. Hidden files ({@code _SUCCESS}, {@code .crc})
 * are skipped, as Spark does.
 */
public final class SnapshotInspector {
  private SnapshotInspector() {}

  /** Inspects every table of the snapshot at {@code snapshot}. */
  public static SnapshotInputs inspect(Storage storage, String snapshot) {
    requireSnapshot(storage, snapshot);
    Map<SnapshotTable, TableInput> tables = new EnumMap<>(SnapshotTable.class);
    for (SnapshotTable table : SnapshotTable.values()) {
      Located found = locate(storage, snapshot, table);
      if (found == null) {
        if (table.isRequired()) {
          throw InputErrors.missingTable(snapshot, table);
        }
        continue;
      }
      tables.put(table, check(storage, table, found));
    }
    return new SnapshotInputs(snapshot, Collections.unmodifiableMap(tables));
  }

  private static void requireSnapshot(Storage storage, String snapshot) {
    try {
      if (!storage.isDirectory(snapshot)) {
        throw InputErrors.noSnapshot(snapshot);
      }
    } catch (IOException e) {
      throw InputErrors.unreachableSnapshot(snapshot, e);
    }
  }

  /**
   * The table's location and data files, or null when the snapshot has no such table. Accepted
   * layouts: {@code NAME/} (part files), {@code NAME.parquet} as one file, and {@code
   * NAME.parquet/} as a directory (what Spark writes for {@code df.write.parquet("NAME.parquet")}).
   */
  private static Located locate(Storage storage, String snapshot, SnapshotTable table) {
    try {
      for (String name : new String[] {table.tableName(), table.tableName() + ".parquet"}) {
        String p = storage.resolve(snapshot, name);
        if (!storage.exists(p)) {
          continue;
        }
        if (!storage.isDirectory(p)) {
          String file = storage.qualify(p);
          return new Located(file, List.of(file));
        }
        List<String> files = storage.listVisibleFiles(p);
        if (files.isEmpty()) {
          throw InputErrors.emptyTable(p, table);
        }
        return new Located(storage.qualify(p), files);
      }
      return null;
    } catch (IOException e) {
      throw InputErrors.unlistable(snapshot, table, e);
    }
  }

  private record Located(String location, List<String> files) {}

  /**
   * Reads and checks the files' footers in file order, so the first file at fault is the one named,
   * whether it is unreadable or has a wrong schema.
   */
  private static TableInput check(Storage storage, SnapshotTable table, Located found) {
    Map<String, String> firstType = new LinkedHashMap<>();
    Map<String, String> firstFile = new LinkedHashMap<>();
    Set<String> present = null;
    Set<String> ignored = new java.util.TreeSet<>();
    long rows = 0;
    List<InputSplit> splits = new ArrayList<>();
    for (String file : found.files()) {
      ChecksumSidecars.verify(storage, file, table);
      Footer footer = readFooter(storage, file, table);
      rows += footer.rows();
      for (int g = 0; g < footer.rowGroupRows().size(); g++) {
        splits.add(new InputSplit(table, file, splits.size(), g, 1, footer.rowGroupRows().get(g)));
      }
      MessageType schema = footer.schema();
      for (Type field : schema.getFields()) {
        if (ColumnContract.columns(table).stream()
            .noneMatch(c -> c.name().equals(field.getName()))) {
          ignored.add(field.getName());
        }
      }
      Set<String> here = new LinkedHashSet<>();
      for (ColumnContract.Column column : ColumnContract.columns(table)) {
        if (!schema.containsField(column.name())) {
          if (column.required()) {
            String names =
                schema.getFields().stream().map(Type::getName).collect(Collectors.joining(", "));
            throw InputErrors.missingColumn(file, table, column.name(), names);
          }
          continue;
        }
        Type type = schema.getType(column.name());
        String described = ColumnContract.describe(type);
        if (!ColumnContract.accepts(column.kind(), type)) {
          throw InputErrors.wrongType(file, table, column.name(), described);
        }
        String seen = firstType.putIfAbsent(column.name(), described);
        firstFile.putIfAbsent(column.name(), file);
        if (seen != null && !seen.equals(described)) {
          throw InputErrors.mixedTypes(
              table, column.name(), firstFile.get(column.name()), seen, file, described);
        }
        here.add(column.name());
      }
      if (present == null) {
        present = here;
      } else {
        present.retainAll(here);
      }
    }
    Map<String, String> types = new LinkedHashMap<>(firstType);
    types.keySet().retainAll(present);
    return new TableInput(
        table,
        found.location(),
        List.copyOf(found.files()),
        Collections.unmodifiableSet(present),
        Collections.unmodifiableMap(types),
        rows,
        List.copyOf(splits),
        List.copyOf(ignored));
  }

  /** What a data file's footer says: its schema and the rows of each row group. */
  private record Footer(MessageType schema, long rows, List<Long> rowGroupRows) {}

  private static Footer readFooter(Storage storage, String file, SnapshotTable table) {
    try (ParquetFileReader reader =
        ParquetFileReader.open(storage.inputFile(file), storage.readOptions())) {
      List<Long> groups = new ArrayList<>();
      for (BlockMetaData block : reader.getFooter().getBlocks()) {
        groups.add(block.getRowCount());
      }
      return new Footer(
          reader.getFooter().getFileMetaData().getSchema(), reader.getRecordCount(), groups);
    } catch (IOException | RuntimeException e) {
      throw InputErrors.unreadable(file, table, e);
    }
  }
}
