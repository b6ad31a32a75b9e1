package org.fleetcompat.io;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes and reads back a nested and a flat result file on the local disk, nothing else: {@link
 * TableFileWriterTest} runs it in a JVM of its own to see which classes that loads.
 */
public final class LocalWritesMain {
  private LocalWritesMain() {}

  /** Writes under directory {@code args[0]}; prints the rows read back. */
  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    Storage storage = LocalStorage.INSTANCE;
    String pools = dir.resolve("pools/part-00000.parquet").toString();
    List<ResultColumn> poolColumns = ResultTable.POOLS.columns(false);
    TableFileWriter.write(
        storage, pools, "pools", poolColumns, new RandomResultRows(1).rows(poolColumns, 50));
    String pairs = dir.resolve("compatible_pairs/part-00000.parquet").toString();
    ColumnarFileWriter w =
        ColumnarFileWriter.builder(storage, pairs, ResultTable.COMPATIBLE_PAIRS, false)
            .dictionary("vm_id", ColumnarFileWriter.dictionaryOf(List.of("vm-1", "vm-2")))
            .open();
    for (int i = 0; i < 100; i++) {
      w.setDictionaryIndex(0, i % 2);
      w.setString(1, "host-" + i);
      w.endRow();
    }
    w.close();
    long read =
        TableFileReader.readAll(storage, pools, ResultTable.POOLS, false).size()
            + TableFileReader.readAll(storage, pairs, ResultTable.COMPATIBLE_PAIRS, false).size();
    System.out.println("rows read back: " + read);
  }
}
