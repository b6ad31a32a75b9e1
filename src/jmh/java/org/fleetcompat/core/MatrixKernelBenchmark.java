package org.fleetcompat.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH microbenchmarks of the class-matrix kernel: {@link MatrixKernel#compatibleHostClasses} over
 * every VM class of a fleet, {@link HostClassIndex#of}, and the naive per-pair rule ({@link
 * PairCheck#isCompatible} in a nested loop) as the baseline measured in the same run.
 *
 * <p>Two fleet shapes ({@link Shape}), generated from a fixed seed so every run measures the same
 * data: {@code REAL_FLEET}, 20 host classes x 500 VM classes, each class standing for 100 systems
 * (2,000 hosts, 50,000 VMs), and {@code ALL_DISTINCT}, 5,000 host classes x 20,000 VM classes of
 * one system each. Every VM has 24 vectors shaped like a Hyper-V fleet's: 20 CPUID feature
 * registers compared SubSet (the VM's CPU model, a named model of one of eight CPU generations of
 * two vendors), the vendor compared Equal, the configuration version GreaterThanOrEqual, the
 * physical address width LessThanOrEqual and the cache-line flush size Equal. Hosts have the same
 * ids plus host-only family, model and serial vectors (ignored by the rule, as in real snapshots);
 * their registers are their generation's features less a few disabled in firmware.
 *
 * <p>Results: the primary score counts whole matrices (or, for {@code naivePairCheck}, whole
 * sampled matrices) per second; the secondary {@link Verdicts} counters give the figures to compare
 * and to quote: {@code classVerdicts} (VM class x host class verdicts per second) and {@code
 * vmHostVerdicts} (the VM x host verdicts those class verdicts stand for, per second). {@code
 * kernelColdCache} builds a fresh kernel per invocation, so every distinct VM value is compared
 * against the host side again, as in a Spark task; {@code kernelWarmCache} reuses one kernel whose
 * cache a first pass filled (the steady state of a long partition). The fleets are built once per
 * trial and not timed. Run with {@code jobs/bench-kernel}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class MatrixKernelBenchmark {
  /** The fleet shapes measured. */
  public enum Shape {
    /** 20 host classes x 500 VM classes, 100 members each: a datacenter of 2,000 hosts. */
    REAL_FLEET(20, 500, 100, 100),
    /** 5,000 host classes x 20,000 VM classes, every system its own class. */
    ALL_DISTINCT(5_000, 20_000, 1, 1);

    final int hostClasses;
    final int vmClasses;
    final int hostsPerClass;
    final int vmsPerClass;

    Shape(int hostClasses, int vmClasses, int hostsPerClass, int vmsPerClass) {
      this.hostClasses = hostClasses;
      this.vmClasses = vmClasses;
      this.hostsPerClass = hostsPerClass;
      this.vmsPerClass = vmsPerClass;
    }
  }

  /** At most this many VM classes go through the naive nested loop (it is that slow). */
  static final int NAIVE_VM_CLASSES = 1_000;

  private static final long SEED = 20261121L;
  private static final int GENERATIONS = 8;
  private static final int INTEL_GENERATIONS = 5;
  private static final int REGISTERS = 20;
  private static final int CPU_MODELS = 30;
  private static final int REGISTER_BASE_ID = 0x1000_0100;
  private static final int VENDOR_ID = 1;
  private static final int FAMILY_ID = 2;
  private static final int MODEL_ID = 3;
  private static final int CONFIG_VERSION_ID = 0x10;
  private static final int FLUSH_SIZE_ID = 0x11;
  private static final int ADDRESS_WIDTH_ID = 0x12;
  private static final int HOST_SERIAL_ID = 0x7FFF_FFFF;
  private static final long[] CONFIG_VERSIONS = {0x0800, 0x0900, 0x0a00, 0x0b00};
  private static final long[] ADDRESS_WIDTHS = {39, 46, 48, 52};

  /** The fleet of this trial (JMH runs every benchmark once per shape unless {@code -p}). */
  @Param({"REAL_FLEET", "ALL_DISTINCT"})
  public Shape shape;

  private List<VectorSet> hostClasses;
  private List<VectorSet> vmClasses;
  private HostClassIndex index;
  private MatrixKernel warmKernel;

  /** Verdict counters, reported by JMH as rates (per second) beside the primary score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Verdicts {
    /** VM class x host class verdicts. */
    public long classVerdicts;

    /** VM x host verdicts the class verdicts stand for (class verdicts x members). */
    public long vmHostVerdicts;

    /** Zeroes the counters before each iteration. */
    @Setup(Level.Iteration)
    public void clear() {
      classVerdicts = 0;
      vmHostVerdicts = 0;
    }

    void add(Shape shape, long vmClasses) {
      long classes = vmClasses * shape.hostClasses;
      classVerdicts += classes;
      vmHostVerdicts += classes * shape.vmsPerClass * shape.hostsPerClass;
    }
  }

  /** Generates the fleet, indexes it, warms one kernel, and prints what the fleet is. */
  @Setup(Level.Trial)
  public void generateFleet() {
    Fleet fleet = new Fleet(new Random(SEED), shape);
    hostClasses = fleet.hostClasses();
    vmClasses = fleet.vmClasses();
    index = HostClassIndex.of(hostClasses);
    warmKernel = new MatrixKernel(index);
    long compatible = 0;
    for (VectorSet vm : vmClasses) {
      compatible += warmKernel.compatibleHostClasses(vm).cardinality();
    }
    long pairs = (long) vmClasses.size() * hostClasses.size();
    System.out.printf(
        "%n%s: %,d host classes (%,d hosts) x %,d VM classes (%,d VMs), %d VM vectors;"
            + " %,d of %,d class pairs compatible (%.1f%%)%n",
        shape,
        hostClasses.size(),
        (long) hostClasses.size() * shape.hostsPerClass,
        vmClasses.size(),
        (long) vmClasses.size() * shape.vmsPerClass,
        vmClasses.get(0).size(),
        compatible,
        pairs,
        100.0 * compatible / pairs);
  }

  /** Every VM class through a new kernel: nothing cached at the start. */
  @Benchmark
  public long kernelColdCache(Verdicts verdicts) {
    MatrixKernel kernel = new MatrixKernel(index);
    long compatible = 0;
    for (VectorSet vm : vmClasses) {
      BitSet hosts = kernel.compatibleHostClasses(vm);
      compatible += hosts.cardinality();
    }
    verdicts.add(shape, vmClasses.size());
    return compatible;
  }

  /** Every VM class through a kernel whose cache already holds every VM value. */
  @Benchmark
  public long kernelWarmCache(Verdicts verdicts) {
    long compatible = 0;
    for (VectorSet vm : vmClasses) {
      compatible += warmKernel.compatibleHostClasses(vm).cardinality();
    }
    verdicts.add(shape, vmClasses.size());
    return compatible;
  }

  /** The baseline: the per-pair rule for (at most {@value #NAIVE_VM_CLASSES}) VM classes. */
  @Benchmark
  public long naivePairCheck(Verdicts verdicts) {
    int vms = Math.min(NAIVE_VM_CLASSES, vmClasses.size());
    long compatible = 0;
    for (int v = 0; v < vms; v++) {
      VectorSet vm = vmClasses.get(v);
      for (VectorSet host : hostClasses) {
        if (PairCheck.isCompatible(vm, host)) {
          compatible++;
        }
      }
    }
    verdicts.add(shape, vms);
    return compatible;
  }

  /** Indexing the host classes, as the driver does once per run before broadcasting. */
  @Benchmark
  public HostClassIndex indexHostClasses() {
    return HostClassIndex.of(hostClasses);
  }

  /**
   * A seeded fleet: eight CPU generations (five of one vendor, three of the other) whose features
   * grow from one to the next, named CPU models cut from them, hosts and VMs built on those.
   */
  private static final class Fleet {
    private final Random rnd;
    private final Shape shape;
    private final long[][] generationFeatures = new long[GENERATIONS][REGISTERS];
    private final long[][] newFeatures = new long[GENERATIONS][REGISTERS];
    private final long[] anyFeature = new long[REGISTERS];
    private final long[][] modelFeatures = new long[CPU_MODELS][];
    private final int[] modelGeneration = new int[CPU_MODELS];

    Fleet(Random rnd, Shape shape) {
      this.rnd = rnd;
      this.shape = shape;
      for (int g = 0; g < GENERATIONS; g++) {
        boolean firstOfVendor = g == 0 || g == INTEL_GENERATIONS;
        for (int r = 0; r < REGISTERS; r++) {
          long base = firstOfVendor ? randomBits(12) : generationFeatures[g - 1][r];
          generationFeatures[g][r] = base | randomBits(3);
          newFeatures[g][r] = generationFeatures[g][r] & (firstOfVendor ? -1L : ~base);
        }
      }
      Arrays.fill(anyFeature, -1L);
      // Named models (like libvirt's): a generation's features less a few of its newest ones;
      // the first six are the generic baselines of each vendor (its first generation).
      for (int m = 0; m < CPU_MODELS; m++) {
        int g = m < 6 ? (m % 2 == 0 ? 0 : INTEL_GENERATIONS) : rnd.nextInt(GENERATIONS);
        modelGeneration[m] = g;
        modelFeatures[m] = dropBits(generationFeatures[g], newFeatures[g], rnd.nextInt(4));
      }
    }

    List<VectorSet> hostClasses() {
      List<VectorSet> out = new ArrayList<>(shape.hostClasses);
      for (int c = 0; c < shape.hostClasses; c++) {
        boolean distinct = shape == Shape.ALL_DISTINCT;
        int g = distinct ? rnd.nextInt(GENERATIONS) : c % GENERATIONS;
        // Firmware that disables some of the generation's newest features (think TSX): REAL_FLEET
        // has up to three such variants per generation, ALL_DISTINCT any.
        int disabled = distinct ? rnd.nextInt(4) : 2 * (c / GENERATIONS);
        long[] features = dropBits(generationFeatures[g], newFeatures[g], disabled);
        VectorSet.Builder b = VectorSet.builder();
        addRegisters(b, features);
        b.add(VENDOR_ID, CompareOperation.EQUAL, vendor(g))
            .add(FAMILY_ID, CompareOperation.EQUAL, 6 + g / 3)
            .add(MODEL_ID, CompareOperation.EQUAL, 0x50 + g)
            .add(CONFIG_VERSION_ID, CompareOperation.GREATER_THAN_OR_EQUAL, g < 3 ? 0x0900 : 0x0a00)
            .add(ADDRESS_WIDTH_ID, CompareOperation.LESS_THAN_OR_EQUAL, hostWidth(g))
            .add(FLUSH_SIZE_ID, CompareOperation.EQUAL, c % 7 == 6 ? 128 : 64);
        if (distinct) {
          b.add(HOST_SERIAL_ID, CompareOperation.EQUAL, c);
        }
        out.add(b.build());
      }
      return out;
    }

    List<VectorSet> vmClasses() {
      Set<VectorSet> out = new LinkedHashSet<>();
      while (out.size() < shape.vmClasses) {
        int m = rnd.nextInt(CPU_MODELS);
        int g = modelGeneration[m];
        // ALL_DISTINCT: CPU features hidden per VM make almost every VM its own class.
        long[] features =
            shape == Shape.ALL_DISTINCT
                ? dropBits(modelFeatures[m], anyFeature, rnd.nextInt(4))
                : rnd.nextInt(4) == 0
                    ? dropBits(modelFeatures[m], anyFeature, 1)
                    : modelFeatures[m];
        VectorSet.Builder b = VectorSet.builder();
        addRegisters(b, features);
        b.add(VENDOR_ID, CompareOperation.EQUAL, vendor(g))
            .add(CONFIG_VERSION_ID, CompareOperation.GREATER_THAN_OR_EQUAL, configVersion())
            .add(ADDRESS_WIDTH_ID, CompareOperation.LESS_THAN_OR_EQUAL, vmWidth(g))
            .add(FLUSH_SIZE_ID, CompareOperation.EQUAL, rnd.nextInt(20) == 0 ? 128 : 64);
        out.add(b.build());
      }
      return List.copyOf(out);
    }

    private static void addRegisters(VectorSet.Builder b, long[] features) {
      for (int r = 0; r < REGISTERS; r++) {
        b.add(REGISTER_BASE_ID + r, CompareOperation.SUB_SET, features[r]);
      }
    }

    private static long vendor(int generation) {
      return generation < INTEL_GENERATIONS ? 0x756e6547L : 0x68747541L;
    }

    private static long hostWidth(int generation) {
      return ADDRESS_WIDTHS[Math.min(ADDRESS_WIDTHS.length - 1, 1 + generation / 3)];
    }

    /** The VM's configuration version: mostly the current one, some older, a few newer. */
    private long configVersion() {
      int draw = rnd.nextInt(10);
      return CONFIG_VERSIONS[draw < 2 ? 1 : draw < 9 ? 2 : 3];
    }

    /** The home cluster's narrowest width, or the generic 39. */
    private long vmWidth(int generation) {
      return rnd.nextInt(3) == 0 ? ADDRESS_WIDTHS[0] : hostWidth(generation);
    }

    private long randomBits(int count) {
      long bits = 0;
      for (int i = 0; i < count; i++) {
        bits |= 1L << rnd.nextInt(64);
      }
      return bits;
    }

    /**
     * A copy with {@code count} of its bits that are also in {@code candidates} cleared, each in a
     * random register (fewer if it has fewer such bits).
     */
    private long[] dropBits(long[] features, long[] candidates, int count) {
      long[] out = features.clone();
      for (int i = 0; i < count; i++) {
        int r = rnd.nextInt(REGISTERS);
        long available = out[r] & candidates[r];
        for (int tries = 1; available == 0 && tries < REGISTERS; tries++) {
          r = (r + 1) % REGISTERS;
          available = out[r] & candidates[r];
        }
        if (available == 0) {
          return out;
        }
        long rest = available;
        for (int k = rnd.nextInt(Long.bitCount(available)); k > 0; k--) {
          rest &= rest - 1;
        }
        out[r] &= ~Long.lowestOneBit(rest);
      }
      return out;
    }
  }
}
