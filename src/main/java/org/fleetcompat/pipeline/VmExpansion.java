package org.fleetcompat.pipeline;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fleetcompat.core.FitMatrix;
import org.fleetcompat.io.AttributeValidator;
import org.fleetcompat.io.ColumnContract;
import org.fleetcompat.io.ColumnarFileWriter;
import org.fleetcompat.io.FeasibilityCounts;
import org.fleetcompat.io.ResultTable;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.WhatIfGains;

/**
 * The expansion stage of the VM side, for one bucket: from the class-level analysis to the rows of
 * every VM of the bucket. Writes the bucket's part files of {@code vm_classes}, {@code vm_summary},
 * {@code compatible_pairs} (with {@code --pairs}) and {@code rejected}, and the {@code
 * class_matrix} rows of the classes whose smallest VM is in the bucket; returns what the hosts and
 * the manifest need. Nothing pair-sized is held: pairs stream from the class's host list into the
 * file.
 */
public final class VmExpansion {
  /** A {@code compatible_pairs} part file holds at most this many rows. */
  static final long PAIRS_PER_FILE = 16_000_000L;

  private VmExpansion() {}

  /**
   * What every VM bucket shares, from the analysis: small, class-level (Spark broadcasts it).
   *
   * @param output where the part files go
   * @param writePairs whether to write {@code compatible_pairs}
   * @param vmClasses the VM classes evaluated
   * @param reportedVmClasses the VM classes as reported ({@code vmClasses} without the what-if)
   * @param fits the class matrix evaluated
   * @param reportedFits the class matrix as reported
   * @param poolsByVmClass per VM class, pools reached
   * @param hosts every accepted host
   */
  public record Context(
      PartOutput output,
      boolean writePairs,
      ClassNumbering vmClasses,
      ClassNumbering reportedVmClasses,
      FitMatrix fits,
      FitMatrix reportedFits,
      int[] poolsByVmClass,
      HostDirectory hosts)
      implements Serializable {

    /** The context of one run's analysis. */
    public static Context of(FleetAnalysis a, PartOutput output, boolean writePairs) {
      return new Context(
          output,
          writePairs,
          a.vmClasses(),
          a.reportedVmClasses(),
          a.fits(),
          a.reportedFits(),
          a.poolsByVmClass(),
          a.hosts());
    }

    boolean isWhatIf() {
      return reportedVmClasses != vmClasses;
    }
  }

  /**
   * What one bucket's expansion produced.
   *
   * @param parts the files written
   * @param loads what its VMs say about their hosts
   * @param feasibility its VM-side feasibility counts
   * @param gains its VM-side what-if gains
   */
  public record Result(
      List<WrittenPart> parts, HostLoads loads, FeasibilityCounts feasibility, WhatIfGains gains)
      implements Serializable {}

  /** Expands one VM bucket; the {@link Runner.BucketFunction} of the VM side. */
  public static Result expand(int bucket, SideBucket vms, Context ctx) {
    List<WrittenPart> parts = new ArrayList<>();
    HostLoads loads = new HostLoads();
    boolean whatIf = ctx.isWhatIf();
    ResultTable summaryTable = ResultTable.VM_SUMMARY;
    long stranded = 0;
    long incompatible = 0;
    long unknownHost = 0;
    long gaining = 0;
    long noLongerStranded = 0;
    long pairsGained = 0;
    String partName = PartOutput.partName(bucket);
    ColumnarFileWriter classes = ctx.output().columnar(ResultTable.VM_CLASSES, partName);
    ColumnarFileWriter summary = ctx.output().columnar(summaryTable, partName);
    try {
      for (int i = 0; i < vms.systemCount(); i++) {
        String vmId = vms.systemIds()[i];
        byte[] idBytes = vmId.getBytes(StandardCharsets.UTF_8);
        int c = ctx.vmClasses().global(bucket, vms.classOf()[i]);
        List<Object> attributes = vms.attributes()[i];
        Integer state = attributes == null ? null : (Integer) attributes.get(0);
        String current = attributes == null ? null : (String) attributes.get(1);
        Fit fit = fit(ctx.fits(), c, ctx.poolsByVmClass()[c], current, ctx.hosts());
        classes.setString(0, idBytes);
        classes.setInt(1, c);
        setIntOrNull(classes, 2, state);
        setStringOrNull(classes, 3, current);
        classes.endRow();

        summary.setString(0, idBytes);
        summary.setInt(1, c);
        setIntOrNull(summary, 2, state);
        setStringOrNull(summary, 3, current);
        summary.setLong(4, fit.hosts());
        summary.setInt(5, fit.pools());
        summary.setLong(6, fit.others());
        if (fit.currentOk() == null) {
          summary.setNull(7);
        } else {
          summary.setBoolean(7, fit.currentOk());
        }
        summary.setBoolean(8, fit.stranded());
        Fit reported = fit;
        if (whatIf) {
          int rc = ctx.reportedVmClasses().global(bucket, vms.reportedClassOf()[i]);
          reported = fit(ctx.reportedFits(), rc, 0, current, ctx.hosts());
          summary.setLong(9, reported.hosts());
          summary.setBoolean(10, reported.stranded());
          gaining += fit.hosts() > reported.hosts() ? 1 : 0;
          noLongerStranded += reported.stranded() && !fit.stranded() ? 1 : 0;
          pairsGained += fit.hosts() - reported.hosts();
        }
        summary.endRow();

        stranded += fit.stranded() ? 1 : 0;
        incompatible += Boolean.FALSE.equals(fit.currentOk()) ? 1 : 0;
        unknownHost += fit.currentOk() == null ? 1 : 0;
        if (current != null) {
          HostLoads.Load load = loads.of(current);
          load.vmCount++;
          load.residents.add(
              new HostLoads.Resident(
                  vmId, c, demand(attributes, VM_PROCESSORS), demand(attributes, VM_MEMORY)));
          if (fit.others() == 0) {
            load.blocking.add(vmId);
          }
          if (reported.others() == 0) {
            load.blockingAsReported.add(vmId);
          }
        }
      }
      parts.add(ctx.output().part(ResultTable.VM_CLASSES, partName, classes.close()));
      parts.add(ctx.output().part(summaryTable, partName, summary.close()));
    } catch (RuntimeException | Error e) {
      classes.abort();
      summary.abort();
      throw e;
    }
    for (String[] placement : vms.unevaluatedPlacements()) {
      loads.of(placement[1]).unevaluated.add(placement[0]);
    }
    parts.addAll(classMatrix(bucket, vms, ctx));
    if (ctx.writePairs()) {
      parts.addAll(PairWriter.write(bucket, vms, ctx));
    }
    parts.addAll(ctx.output().rejected(bucket, vms));
    FeasibilityCounts feasibility =
        new FeasibilityCounts(0, stranded, incompatible, unknownHost, 0, 0, 0, 0);
    WhatIfGains gains =
        new WhatIfGains(vms.vectorsDropped(), gaining, noLongerStranded, pairsGained, 0);
    return new Result(parts, loads, feasibility, gains);
  }

  private static final int VM_PROCESSORS =
      AttributeValidator.optionalPosition(SnapshotTable.VMS, ColumnContract.VIRTUAL_PROCESSORS);
  private static final int VM_MEMORY =
      AttributeValidator.optionalPosition(SnapshotTable.VMS, ColumnContract.MEMORY_MB);

  /** A VM's demand in one capacity column, 0 when the vms table has none. */
  private static long demand(List<Object> attributes, int position) {
    // Validation quarantined every VM with a faulty value, so a value is a Long or absent.
    return attributes.get(position) instanceof Long v ? v : 0;
  }

  /**
   * Where one VM can go: its compatible hosts and pools, whether its current host accepts it (null
   * when that host was not evaluated), the hosts other than its current one, and whether it is
   * stranded (no host other than its current one).
   */
  record Fit(long hosts, int pools, Boolean currentOk, long others, boolean stranded) {}

  static Fit fit(FitMatrix fits, int vmClass, int pools, String current, HostDirectory hosts) {
    int h = current == null ? -1 : hosts.indexOf(current);
    Boolean ok = h < 0 ? null : fits.fits(vmClass, hosts.classOf(h));
    long compatible = fits.compatibleHosts(vmClass);
    long others = compatible - (Boolean.TRUE.equals(ok) ? 1 : 0);
    return new Fit(compatible, pools, ok, others, others == 0);
  }

  /** The class_matrix rows of the classes this bucket owns (it holds their smallest VM). */
  private static List<WrittenPart> classMatrix(int bucket, SideBucket vms, Context ctx) {
    List<Integer> owned = new ArrayList<>();
    for (int local = 0; local < vms.classes().size(); local++) {
      if (ctx.vmClasses().owns(bucket, local, vms.classes().firstMember(local))) {
        owned.add(ctx.vmClasses().global(bucket, local));
      }
    }
    if (owned.isEmpty()) {
      return List.of();
    }
    owned.sort(null);
    String name = PartOutput.partName(bucket);
    ColumnarFileWriter w = ctx.output().columnar(ResultTable.CLASS_MATRIX, name);
    try {
      for (int c : owned) {
        int[] hostClasses = ctx.fits().fits(c).stream().toArray();
        if (hostClasses.length > 0) {
          w.writeRun(0, c, 1, hostClasses, 0, hostClasses.length);
        }
      }
      return List.of(ctx.output().part(ResultTable.CLASS_MATRIX, name, w.close()));
    } catch (RuntimeException | Error e) {
      w.abort();
      throw e;
    }
  }

  private static void setIntOrNull(ColumnarFileWriter w, int column, Integer v) {
    if (v == null) {
      w.setNull(column);
    } else {
      w.setInt(column, v);
    }
  }

  private static void setStringOrNull(ColumnarFileWriter w, int column, String v) {
    if (v == null) {
      w.setNull(column);
    } else {
      w.setString(column, v.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The compatible host positions of each VM class a bucket meets, made once per class. */
  static final class HostLists {
    private final FitMatrix fits;
    private final HostDirectory hosts;
    private final Map<Integer, int[]> byClass = new HashMap<>();

    HostLists(FitMatrix fits, HostDirectory hosts) {
      this.fits = fits;
      this.hosts = hosts;
    }

    /** The positions (so the sorted ids) of every host VM class {@code c} fits, ascending. */
    int[] of(int c) {
      return byClass.computeIfAbsent(c, this::build);
    }

    private int[] build(int c) {
      BitSet f = fits.fits(c);
      int n = 0;
      for (int hc = f.nextSetBit(0); hc >= 0; hc = f.nextSetBit(hc + 1)) {
        n += hosts.hostsOfClass(hc).length;
      }
      int[] out = new int[n];
      int k = 0;
      for (int hc = f.nextSetBit(0); hc >= 0; hc = f.nextSetBit(hc + 1)) {
        int[] members = hosts.hostsOfClass(hc);
        System.arraycopy(members, 0, out, k, members.length);
        k += members.length;
      }
      java.util.Arrays.sort(out);
      return out;
    }
  }
}
