package org.fleetcompat.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import org.fleetcompat.core.BlockerCount;
import org.fleetcompat.core.BlockerTally;
import org.fleetcompat.core.FitMatrix;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.HostClassIndex;
import org.fleetcompat.core.MatrixKernel;
import org.fleetcompat.core.Pools;

/**
 * The analysis stage: everything decided at class level, once, on the driver (SPEC sections 6 and
 * 7): the host and VM classes numbered, the class matrix from core's {@link MatrixKernel}, the
 * pools and their order, the blocker tally, and per VM class how many pools it reaches. Its cost
 * depends on the classes, not on the systems; the kernel and the tally run over chunks of VM
 * classes on the common fork-join pool. Immutable once built.
 */
public final class FleetAnalysis {
  /** The largest class matrix the analysis holds: 2^31 bits, 256 MiB. */
  public static final long MAX_FIT_BITS = 1L << 31;

  private final ClassNumbering hostClasses;
  private final HostDirectory hosts;
  private final ClassNumbering vmClasses;
  private final ClassNumbering reportedVmClasses;
  private final HostClassIndex index;
  private final FitMatrix fits;
  private final FitMatrix reportedFits;
  private final Pools pools;
  private final int[] poolsByVmClass;
  private final int[] reportedPoolsByVmClass;
  private final List<BlockerCount> blockers;

  private FleetAnalysis(
      ClassNumbering hostClasses,
      HostDirectory hosts,
      ClassNumbering vmClasses,
      ClassNumbering reportedVmClasses) {
    this.hostClasses = hostClasses;
    this.hosts = hosts;
    this.vmClasses = vmClasses;
    this.reportedVmClasses = reportedVmClasses;
    this.index = HostClassIndex.of(hostClasses.sets());
    long[] hostClassSizes = hostClasses.sizes();
    this.fits = fitMatrix(index, vmClasses, hostClassSizes);
    this.reportedFits =
        reportedVmClasses == vmClasses ? fits : fitMatrix(index, reportedVmClasses, hostClassSizes);
    this.pools = Pools.of(fits.acceptedVmClassesByHostClass());
    this.poolsByVmClass = poolsReached(fits, pools);
    this.reportedPoolsByVmClass =
        reportedFits == fits ? poolsByVmClass : poolsReached(reportedFits, pools);
    this.blockers = tally(index, pools, hostClassSizes, vmClasses);
  }

  /**
   * Analyzes the validated sides.
   *
   * @param hostBuckets every host bucket, in bucket order
   * @param vmClasses every VM bucket's classes of the vectors evaluated, in bucket order
   * @param reportedVmClasses the same as reported, or {@code vmClasses} itself without the what-if
   * @throws FleetcompatException 32778 when the class matrix would exceed {@link #MAX_FIT_BITS}
   */
  public static FleetAnalysis of(
      List<SideBucket> hostBuckets,
      List<LocalClasses> vmClasses,
      List<LocalClasses> reportedVmClasses) {
    List<LocalClasses> hostLocal = new ArrayList<>();
    hostBuckets.forEach(b -> hostLocal.add(b.classes()));
    ClassNumbering hostClasses = ClassNumbering.of(hostLocal);
    ClassNumbering vms = ClassNumbering.of(vmClasses);
    ClassNumbering reported =
        reportedVmClasses == vmClasses ? vms : ClassNumbering.of(reportedVmClasses);
    long bits = (long) Math.max(vms.count(), reported.count()) * hostClasses.count();
    if (bits > MAX_FIT_BITS) {
      throw PipelineErrors.classMatrixTooLarge(
          vms.count(), hostClasses.count(), bits, MAX_FIT_BITS);
    }
    return new FleetAnalysis(
        hostClasses, HostDirectory.of(hostBuckets, hostClasses), vms, reported);
  }

  /** The host classes. */
  public ClassNumbering hostClasses() {
    return hostClasses;
  }

  /** Every accepted host. */
  public HostDirectory hosts() {
    return hosts;
  }

  /** The VM classes of the vectors evaluated. */
  public ClassNumbering vmClasses() {
    return vmClasses;
  }

  /** The VM classes of the vectors as reported ({@link #vmClasses()} without the what-if). */
  public ClassNumbering reportedVmClasses() {
    return reportedVmClasses;
  }

  /** Whether this is the cold-migration what-if (reported and evaluated classes differ). */
  public boolean isWhatIf() {
    return reportedVmClasses != vmClasses;
  }

  /** The host side, indexed for the kernel. */
  public HostClassIndex index() {
    return index;
  }

  /** The class matrix of the vectors evaluated. */
  public FitMatrix fits() {
    return fits;
  }

  /** The class matrix of the vectors as reported. */
  public FitMatrix reportedFits() {
    return reportedFits;
  }

  /** The pools. */
  public Pools pools() {
    return pools;
  }

  /** Per VM class, how many pools hold a host it fits. */
  public int[] poolsByVmClass() {
    return poolsByVmClass.clone();
  }

  /** The same for the reported classes. */
  public int[] reportedPoolsByVmClass() {
    return reportedPoolsByVmClass.clone();
  }

  /** The blocker counts per (vector, operation, reason, pool). */
  public List<BlockerCount> blockers() {
    return blockers;
  }

  private static FitMatrix fitMatrix(
      HostClassIndex index, ClassNumbering vms, long[] hostClassSizes) {
    BitSet[] fits = new BitSet[vms.count()];
    chunks(vms.count())
        .forEach(
            range -> {
              MatrixKernel kernel = new MatrixKernel(index);
              for (int c = range[0]; c < range[1]; c++) {
                fits[c] = kernel.compatibleHostClasses(vms.vectors(c));
              }
            });
    return new FitMatrix(Arrays.asList(fits), vms.sizes(), hostClassSizes);
  }

  private static List<BlockerCount> tally(
      HostClassIndex index, Pools pools, long[] hostClassSizes, ClassNumbering vms) {
    int[] poolOf = pools.poolOfHostClass();
    List<int[]> ranges = chunks(vms.count()).toList();
    BlockerTally[] parts = new BlockerTally[ranges.size()];
    IntStream.range(0, ranges.size())
        .parallel()
        .forEach(
            k -> {
              BlockerTally t = new BlockerTally(index, poolOf, hostClassSizes);
              for (int c = ranges.get(k)[0]; c < ranges.get(k)[1]; c++) {
                t.add(vms.vectors(c), vms.size(c));
              }
              parts[k] = t;
            });
    BlockerTally total = new BlockerTally(index, poolOf, hostClassSizes);
    for (BlockerTally t : parts) {
      total.merge(t);
    }
    return total.counts();
  }

  private static int[] poolsReached(FitMatrix fits, Pools pools) {
    int[] poolOf = pools.poolOfHostClass();
    int[] reached = new int[fits.vmClassCount()];
    for (int c = 0; c < reached.length; c++) {
      BitSet p = new BitSet();
      BitSet f = fits.fits(c);
      for (int h = f.nextSetBit(0); h >= 0; h = f.nextSetBit(h + 1)) {
        p.set(poolOf[h]);
      }
      reached[c] = p.cardinality();
    }
    return reached;
  }

  /** [from, to) ranges covering 0..n, about four per core, as a parallel stream. */
  private static java.util.stream.Stream<int[]> chunks(int n) {
    int parts = Math.max(1, Math.min(n, 4 * Runtime.getRuntime().availableProcessors()));
    int step = (n + parts - 1) / Math.max(1, parts);
    List<int[]> ranges = new ArrayList<>();
    for (int from = 0; from < n; from += Math.max(1, step)) {
      ranges.add(new int[] {from, Math.min(n, from + Math.max(1, step))});
    }
    return ranges.parallelStream();
  }
}
