package org.fleetcompat.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fleetcompat.io.ColumnarFileWriter;
import org.fleetcompat.io.ResultTable;

/**
 * Writes one VM bucket's {@code compatible_pairs}: for each VM in id order, the ids of every host
 * it fits in id order, so each part file is sorted by (vm_id, host_id). Both columns are written as
 * dictionary indices: host ids from the sorted host directory (built once per run), VM ids from the
 * part's own VMs, so no string is touched per pair. A part file holds at most {@link
 * VmExpansion#PAIRS_PER_FILE} rows; one VM's pairs never span two files.
 */
final class PairWriter {
  private PairWriter() {}

  static List<WrittenPart> write(int bucket, SideBucket vms, VmExpansion.Context ctx) {
    VmExpansion.HostLists lists = new VmExpansion.HostLists(ctx.fits(), ctx.hosts());
    byte[][] hostDictionary = new byte[ctx.hosts().size()][];
    for (int h = 0; h < hostDictionary.length; h++) {
      hostDictionary[h] = PartOutput.utf8(ctx.hosts().id(h));
    }
    List<WrittenPart> parts = new ArrayList<>();
    int from = 0;
    int chunk = 0;
    int n = vms.systemCount();
    while (from < n) {
      int to = from;
      long pairs = 0;
      while (to < n) {
        long here = lists.of(classOf(bucket, vms, ctx, to)).length;
        if (to > from && pairs + here > VmExpansion.PAIRS_PER_FILE) {
          break;
        }
        pairs += here;
        to++;
      }
      if (pairs > 0) {
        parts.add(writeChunk(bucket, chunk, vms, from, to, lists, hostDictionary, ctx));
        chunk++;
      }
      from = to;
    }
    return parts;
  }

  private static int classOf(int bucket, SideBucket vms, VmExpansion.Context ctx, int i) {
    return ctx.vmClasses().global(bucket, vms.classOf()[i]);
  }

  private static WrittenPart writeChunk(
      int bucket,
      int chunk,
      SideBucket vms,
      int from,
      int to,
      VmExpansion.HostLists lists,
      byte[][] hostDictionary,
      VmExpansion.Context ctx) {
    byte[][] vmDictionary = new byte[to - from][];
    for (int i = from; i < to; i++) {
      vmDictionary[i - from] = PartOutput.utf8(vms.systemIds()[i]);
    }
    String name =
        chunk == 0
            ? PartOutput.partName(bucket)
            : String.format("part-%05d-%d.parquet", bucket, chunk);
    ColumnarFileWriter w =
        ctx.output()
            .columnar(
                ResultTable.COMPATIBLE_PAIRS,
                name,
                Map.of("vm_id", vmDictionary, "host_id", hostDictionary));
    try {
      for (int i = from; i < to; i++) {
        int[] hosts = lists.of(classOf(bucket, vms, ctx, i));
        if (hosts.length > 0) {
          w.writeRun(0, i - from, 1, hosts, 0, hosts.length);
        }
      }
      return ctx.output().part(ResultTable.COMPATIBLE_PAIRS, name, w.close());
    } catch (RuntimeException | Error e) {
      w.abort();
      throw e;
    }
  }
}
