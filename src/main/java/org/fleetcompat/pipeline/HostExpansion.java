package org.fleetcompat.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.fleetcompat.io.ColumnarFileWriter;
import org.fleetcompat.io.FeasibilityCounts;
import org.fleetcompat.io.ResultTable;
import org.fleetcompat.io.TableFileWriter;

/**
 * The expansion stage of the host side, for one bucket: writes its part files of {@code
 * host_classes}, {@code host_evacuation} and {@code rejected}. A host is {@code evacuable} when
 * every evaluated VM on it has another compatible host, unknown (null) when none blocks but a VM
 * placed on it was not evaluated, false when one blocks (SPEC section 6; capacity not considered).
 */
public final class HostExpansion {
  private HostExpansion() {}

  /**
   * What every host bucket shares.
   *
   * @param output where the part files go
   * @param hostClasses the host classes
   * @param poolOfHostClass each host class's pool
   * @param loads what the VMs said about their hosts, merged and sorted
   * @param whatIf whether to write {@code evacuable_as_reported}
   */
  public record Context(
      PartOutput output,
      ClassNumbering hostClasses,
      int[] poolOfHostClass,
      HostLoads loads,
      boolean whatIf)
      implements Serializable {}

  /**
   * What one host bucket's expansion produced.
   *
   * @param parts the files written
   * @param feasibility its host-side feasibility counts
   * @param hostsNewlyEvacuable hosts evacuable in the what-if and not as reported
   */
  public record Result(
      List<WrittenPart> parts, FeasibilityCounts feasibility, long hostsNewlyEvacuable)
      implements Serializable {}

  /** Expands one host bucket; the {@link Runner.BucketFunction} of the host side. */
  public static Result expand(int bucket, SideBucket hosts, Context ctx) {
    List<WrittenPart> parts = new ArrayList<>();
    String name = PartOutput.partName(bucket);
    long evacuable = 0;
    long running = 0;
    long evacuableRunning = 0;
    long unknown = 0;
    long newly = 0;
    ColumnarFileWriter classes = ctx.output().columnar(ResultTable.HOST_CLASSES, name);
    try (TableFileWriter evacuation = ctx.output().rows(ResultTable.HOST_EVACUATION, name)) {
      for (int i = 0; i < hosts.systemCount(); i++) {
        String id = hosts.systemIds()[i];
        int c = ctx.hostClasses().global(bucket, hosts.classOf()[i]);
        int pool = ctx.poolOfHostClass()[c];
        List<Object> attributes = hosts.attributes()[i];
        String cluster = attributes == null ? null : (String) attributes.get(0);
        classes.setString(0, PartOutput.utf8(id));
        classes.setInt(1, c);
        classes.setInt(2, pool);
        if (cluster == null) {
          classes.setNull(3);
        } else {
          classes.setString(3, PartOutput.utf8(cluster));
        }
        classes.endRow();

        HostLoads.Load load = ctx.loads().get(id);
        long vmCount = load == null ? 0 : load.vmCount();
        List<String> blocking = load == null ? List.of() : load.blocking();
        List<String> unevaluated = load == null ? List.of() : load.unevaluated();
        Boolean ok = evacuable(blocking, unevaluated);
        List<Object> row = new ArrayList<>();
        row.add(id);
        row.add(c);
        row.add(pool);
        row.add(cluster);
        row.add(vmCount);
        row.add(blocking.size());
        row.add(blocking);
        row.add(unevaluated.size());
        row.add(unevaluated);
        row.add(ok);
        if (ctx.whatIf()) {
          Boolean reported =
              evacuable(load == null ? List.of() : load.blockingAsReported(), unevaluated);
          row.add(reported);
          newly += Boolean.TRUE.equals(ok) && Boolean.FALSE.equals(reported) ? 1 : 0;
        }
        evacuation.write(row.toArray());
        evacuable += Boolean.TRUE.equals(ok) ? 1 : 0;
        running += vmCount > 0 ? 1 : 0;
        evacuableRunning += Boolean.TRUE.equals(ok) && vmCount > 0 ? 1 : 0;
        unknown += ok == null ? 1 : 0;
      }
      parts.add(ctx.output().part(ResultTable.HOST_CLASSES, name, classes.close()));
      parts.add(ctx.output().part(ResultTable.HOST_EVACUATION, name, evacuation.rowCount()));
    } catch (RuntimeException | Error e) {
      classes.abort();
      throw e;
    }
    parts.addAll(ctx.output().rejected(bucket, hosts));
    return new Result(
        parts,
        new FeasibilityCounts(0, 0, 0, 0, evacuable, running, evacuableRunning, unknown),
        newly);
  }

  /** False when a VM blocks, null (unknown) when none does but one was not evaluated, else true. */
  private static Boolean evacuable(List<String> blocking, List<String> unevaluated) {
    if (!blocking.isEmpty()) {
      return false;
    }
    return unevaluated.isEmpty() ? Boolean.TRUE : null;
  }
}
