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
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;

/**
 * Finds a snapshot's tables on any Hadoop file system and checks every data file's footer against
 * {@link ColumnContract} before any work starts (SPEC section 4): a missing table or column fails
 * with status 32773, a column of an unusable type with 32776, each naming the file and column.
 *
 * <p>Reads only footers: cost O(files). They also give each table's row count. Hidden files ({@code
 * _SUCCESS}, {@code .crc}) are skipped, as Spark does.
 */
public final class SnapshotInspector {
  private SnapshotInspector() {}

  /** Inspects every table of the snapshot at {@code snapshot}. */
  public static SnapshotInputs inspect(String snapshot, Configuration conf) {
    Map<SnapshotTable, TableInput> tables = new EnumMap<>(SnapshotTable.class);
    for (SnapshotTable table : SnapshotTable.values()) {
      Located found = locate(snapshot, table, conf);
      if (found == null) {
        if (table.isRequired()) {
          throw InputErrors.missingTable(snapshot, table);
        }
        continue;
      }
      Checked checked = checkFiles(table, found.files(), conf);
      tables.put(
          table,
          new TableInput(
              table, found.location(), found.files(), checked.columns(), checked.rows()));
    }
    return new SnapshotInputs(snapshot, Collections.unmodifiableMap(tables));
  }

  /**
   * The table's location and data files, or null when the snapshot has no such table. Accepted
   * layouts: {@code NAME/} (part files), {@code NAME.parquet} as one file, and {@code
   * NAME.parquet/} as a directory (what Spark writes for {@code df.write.parquet("NAME.parquet")}).
   */
  private static Located locate(String snapshot, SnapshotTable table, Configuration conf) {
    Path root = new Path(snapshot);
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        throw new FleetcompatException(
            ReturnCode.INVALID_PARAMETER,
            "Cannot read snapshot " + snapshot + ": no such directory; check --snapshot");
      }
      for (Path p :
          new Path[] {
            new Path(root, table.tableName()), new Path(root, table.tableName() + ".parquet")
          }) {
        if (!fs.exists(p)) {
          continue;
        }
        FileStatus st = fs.getFileStatus(p);
        if (st.isFile()) {
          return new Located(st.getPath().toString(), List.of(st.getPath().toString()));
        }
        return new Located(p.toString(), listDataFiles(fs, p, table));
      }
      return null;
    } catch (IOException e) {
      throw new FleetcompatException(
          ReturnCode.INVALID_PARAMETER,
          "Cannot read " + table + " in snapshot " + snapshot + ": " + e.getMessage(),
          e);
    }
  }

  private record Located(String location, List<String> files) {}

  private static List<String> listDataFiles(FileSystem fs, Path dir, SnapshotTable table)
      throws IOException {
    List<String> files = new ArrayList<>();
    // Listed paths come back qualified; only the names below the table directory may hide a
    // file, never the directories above it (a snapshot may live under _staging/ or .cache/).
    int tableDepth = fs.makeQualified(dir).depth();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      if (f.isFile() && isVisible(tableDepth, f.getPath())) {
        files.add(f.getPath().toString());
      }
    }
    if (files.isEmpty()) {
      throw InputErrors.emptyTable(dir.toString(), table);
    }
    Collections.sort(files);
    return files;
  }

  private static boolean isVisible(int tableDepth, Path file) {
    for (Path p = file; p != null && p.depth() > tableDepth; p = p.getParent()) {
      String name = p.getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        return false;
      }
    }
    return true;
  }

  /** What the footers of a table's files say: the contract columns in all of them, the rows. */
  private record Checked(Set<String> columns, long rows) {}

  /**
   * Reads and checks the files' footers in file order, so the first file at fault is the one named,
   * whether it is unreadable or has a wrong schema.
   */
  private static Checked checkFiles(SnapshotTable table, List<String> files, Configuration conf) {
    Map<String, String> firstType = new LinkedHashMap<>();
    Map<String, String> firstFile = new LinkedHashMap<>();
    Set<String> present = null;
    long rows = 0;
    for (String file : files) {
      Footer footer = readFooter(file, table, conf);
      rows += footer.rows();
      MessageType schema = footer.schema();
      Set<String> here = new LinkedHashSet<>();
      for (ColumnContract.Column column : ColumnContract.columns(table)) {
        if (!schema.containsField(column.name())) {
          if (column.required()) {
            String found =
                schema.getFields().stream().map(Type::getName).collect(Collectors.joining(", "));
            throw InputErrors.missingColumn(file, table, column.name(), found);
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
    return new Checked(Collections.unmodifiableSet(present), rows);
  }

  /** What a data file's footer says: its schema and how many rows it holds. */
  private record Footer(MessageType schema, long rows) {}

  private static Footer readFooter(String file, SnapshotTable table, Configuration conf) {
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), conf))) {
      return new Footer(reader.getFooter().getFileMetaData().getSchema(), reader.getRecordCount());
    } catch (IOException | RuntimeException e) {
      throw InputErrors.unreadable(file, table, e);
    }
  }
}
