package org.fleetcompat.sample;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SplittableRandom;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.VectorRow;
import org.fleetcompat.io.VmRow;
import org.fleetcompat.io.WriteOptions;

/**
 * Generates a small, real-looking snapshot (SPEC section 3) from real processor data: the host CPUs
 * and named CPU models of {@code data-samples/source/cpus} (see its README for the vector
 * encoding). The output depends only on the input files and the seed: the same seed gives the same
 * bytes.
 *
 * <p>The fleet: {@value #CLUSTER_COUNT} clusters of 30..50 hosts ({@code h-0001}, ...), each made
 * of 1..3 server CPU types of one microarchitecture (so one vendor), named after it ({@code
 * cl-skylake-a}); {@value #VM_COUNT} VMs ({@code vm-00001}, ...), 82% running, 12% off, 6% saved.
 * Each VM gets a home cluster (weighted by host count) and a named CPU model of at least 25
 * features: the richest model every host of the cluster supports (55%), another such model (30%),
 * or one only some of its hosts support (15%); 0.6% of the VMs get a model no host of the fleet
 * supports. It is placed on a host of its home cluster it is compatible with (or of the fleet, if
 * none in the cluster is).
 *
 * <p>Host vectors: every CPUID register and MSR vector of the host's CPU with the operation VMs use
 * for it (SubSet for registers, Equal for the scalars 1..6, because a host vector with another
 * operation than the VM's fails as OPERATION_MISMATCH), plus the Hyper-V style scalars {@link
 * #CONFIG_VERSION_ID} (the minimum VM configuration version the host accepts: 0x0800, 0x0900 with
 * AVX2, 0x0a00 with AVX-512), {@link #CACHE_FLUSH_SIZE_ID} and {@link
 * #CACHE_FLUSH_SIZE_MULTIPLE_ID} (the same flush size, 64 bytes, 128 on a quarter of one cluster,
 * under two ids because one id carries one operation) and {@link #ADDRESS_WIDTH_ID} (52 bits with
 * 5-level paging, 48 on AMD and Hygon, 46 on Intel with AVX, else 39).
 *
 * <p>VM vectors: a running (2) or saved (32769) VM has its model's vectors (SubSet registers, Equal
 * vendor), its configuration version (GreaterThanOrEqual), its flush size (Equal on one id or
 * Multiple on the other) and its address width (LessThanOrEqual). An off VM (3) reports only its
 * configuration version and vendor. Misplaced on purpose: 0.8% of the running VMs sit on a host
 * they are not compatible with (a host that drifted, for example after a firmware update), and so
 * does every VM that no host accepts.
 *
 * <p>Deliberate bad rows (6, counted in {@link GeneratedSnapshot#badRowsInjected()}), appended
 * after the good rows so they land in the last part file:
 *
 * <ul>
 *   <li>one VM gets a second {@link #ADDRESS_WIDTH_ID} row with another value: a conflicting
 *       duplicate, so the whole VM is quarantined;
 *   <li>one VM has compare_operation 12 on its {@link #CONFIG_VERSION_ID} row (row modified, not
 *       added): an unknown operation, the whole VM is quarantined;
 *   <li>one host_vectors row with a null host_id (a copy of a real host row);
 *   <li>two exact duplicates of rows of one valid VM: collapsed and counted, not rejected;
 *   <li>one vms row for a VM that has no vector rows (the id after the last VM).
 * </ul>
 *
 * <p>Writes {@code host_vectors/} and {@code vm_vectors/} as directories of part files (UINT_64
 * values, dictionary encoding), {@code hosts.parquet} and {@code vms.parquet}, with {@link
 * SnapshotTableWriter}. Stateless and thread safe.
 */
public final class SampleSnapshotGenerator {
  /** The seed of the committed sample {@code data-samples/cpu-fleet}. */
  public static final long DEFAULT_SEED = 20261121L;

  /** The seed of the committed second night, {@code data-samples/cpu-fleet-night2}. */
  public static final long DEFAULT_NIGHT_TWO_SEED = SampleNightTwo.DEFAULT_SEED;

  /** Vendor scalar of the CPU data (Intel 1, AMD 2, Hygon 3); VMs compare Equal. */
  public static final int VENDOR_ID = 0x00000001;

  /** Configuration version (0x0800 = 8.0); VMs compare GreaterThanOrEqual. */
  public static final int CONFIG_VERSION_ID = 0x00000010;

  /** Cache-line flush size in bytes, for VMs that compare Equal. */
  public static final int CACHE_FLUSH_SIZE_ID = 0x00000011;

  /** Physical address width in bits; VMs compare LessThanOrEqual. */
  public static final int ADDRESS_WIDTH_ID = 0x00000012;

  /** Cache-line flush size in bytes, for VMs that compare Multiple. */
  public static final int CACHE_FLUSH_SIZE_MULTIPLE_ID = 0x00000013;

  /** Running (Enabled): an Msvm_ComputerSystem EnabledState value, like {@link #OFF}. */
  public static final int RUNNING = 2;

  /** Off (Disabled). */
  public static final int OFF = 3;

  /** Saved (Suspended). */
  public static final int SAVED = 32769;

  /** How many clusters the fleet has: 6 Intel, 2 AMD or Hygon. */
  public static final int CLUSTER_COUNT = 8;

  /** How many VMs have vectors; vms.parquet has one row more (the VM without vectors). */
  public static final int VM_COUNT = 3000;

  /**
   * Conflicting duplicate, operation 12, null host_id, two exact duplicates, VM without vectors.
   */
  private static final int BAD_ROWS = 6;

  static final int HOST_PARTS = 3;
  static final int VM_PARTS = 4;

  /**
   * What {@link #generate} wrote.
   *
   * @param hosts rows of hosts.parquet (every host has vectors)
   * @param vms rows of vms.parquet, including the one VM without vectors
   * @param hostVectorRows rows of host_vectors, bad rows included
   * @param vmVectorRows rows of vm_vectors, bad rows included
   * @param badRowsInjected rows that are bad or duplicated on purpose (see the class comment)
   * @param misplacedVms VMs whose current host is not compatible with them
   * @param unsupportedModelVms VMs configured with a model that no host supports
   * @param vmsByState VM count per enabled_state, the VM without vectors included
   * @param clusters one line per cluster: name, host count, CPU types
   * @param injectedFaults one readable line per injected fault, naming the system
   */
  public record GeneratedSnapshot(
      int hosts,
      int vms,
      int hostVectorRows,
      int vmVectorRows,
      int badRowsInjected,
      int misplacedVms,
      int unsupportedModelVms,
      SortedMap<Integer, Integer> vmsByState,
      List<String> clusters,
      List<String> injectedFaults) {}

  private SampleSnapshotGenerator() {}

  /**
   * Generates the fleet from {@code cpusDir} ({@code hosts.csv}, {@code models.csv}) and writes it
   * into {@code snapshotDir}, replacing the four tables there (other files are left alone).
   *
   * @throws UncheckedIOException if a file cannot be read or written
   * @throws IllegalArgumentException if a CSV file is not in the expected format
   */
  public static GeneratedSnapshot generate(Path cpusDir, Path snapshotDir, long seed) {
    return plan(cpusDir, seed).write(snapshotDir);
  }

  /**
   * Generates the second night of the fleet of {@code seed} (see {@link SampleNightTwo}: a TSX
   * microcode update on part of a Skylake-family cluster, hosts retired and added, one host
   * quarantined, VMs deleted, created, moved and reconfigured) and writes it into {@code
   * snapshotDir}, replacing the four tables there. Deterministic: the two seeds decide every byte.
   *
   * @param seed the first night's seed ({@link #DEFAULT_SEED} for the committed sample)
   * @param nightTwoSeed the seed of the second night's changes ({@link #DEFAULT_NIGHT_TWO_SEED})
   * @throws UncheckedIOException if a file cannot be read or written
   */
  public static GeneratedSnapshot generateNightTwo(
      Path cpusDir, Path snapshotDir, long seed, long nightTwoSeed) {
    return SampleNightTwo.plan(cpusDir, seed, nightTwoSeed).write(snapshotDir);
  }

  /**
   * Plans the fleet of {@code seed} in memory without writing it: what {@link #generate} writes,
   * and what {@link SampleNightTwo} derives the second night from.
   *
   * @throws UncheckedIOException if a CSV file cannot be read
   * @throws IllegalArgumentException if a CSV file is not in the expected format
   */
  static SampleNight plan(Path cpusDir, long seed) {
    List<HostCpu> cpus = CpuCsv.readCpus(cpusDir.resolve("hosts.csv"));
    List<CpuModel> models = CpuCsv.readModels(cpusDir.resolve("models.csv"));
    // One random source drawn in a fixed order: the seed alone decides every byte.
    var rnd = new SplittableRandom(seed);

    List<SampleCluster> clusters = SampleHostPlanner.pickClusters(cpus, rnd);
    List<SampleHost> hosts = SampleHostPlanner.buildHosts(clusters, rnd);
    var vms = new SampleVmPlanner(hosts, clusters, models, rnd);
    for (int i = 1; i <= VM_COUNT; i++) {
      vms.add(String.format(Locale.ROOT, "vm-%05d", i));
    }

    List<VectorRow> hostRows = new ArrayList<>();
    for (SampleHost h : hosts) {
      h.vectors()
          .forEach(v -> hostRows.add(SampleVector.row(h.id(), v.id(), v.op().code(), v.value())));
    }
    List<String> faults = new ArrayList<>();
    List<VectorRow> vmRows = vms.vectorRows(faults);
    VectorRow hostRow = hostRows.get(rnd.nextInt(hostRows.size()));
    hostRows.add(
        new VectorRow(null, hostRow.vectorId(), hostRow.compareOperation(), hostRow.value()));
    faults.add(
        "host_vectors: a row with a null host_id (a copy of a row of " + hostRow.systemId() + ")");
    List<VmRow> vmTable = vms.vmRows(faults);
    List<PlannedVm> planned = new ArrayList<>();
    for (int i = 0; i < vms.ids().size(); i++) {
      planned.add(
          new PlannedVm(vms.ids().get(i), vms.state(i), vms.vectors(i), vms.currentHost(i)));
    }
    return new SampleNight(
        clusters,
        hosts,
        models,
        planned,
        vms.victims(),
        vms.orphanHost(),
        vms.misplacedCount(),
        vms.unsupportedModelCount(),
        hostRow,
        hostRows,
        vmRows,
        vmTable,
        faults,
        BAD_ROWS);
  }

  /**
   * Command line: {@code cpusDir snapshotDir [seed] [--night2]}; prints what was written. With
   * {@code --night2} it writes the second night of the fleet of {@code seed} instead.
   *
   * @param args the CPU data directory, the snapshot directory, optionally a seed (a long), and
   *     optionally {@code --night2}
   */
  public static void main(String[] args) {
    List<String> a = new ArrayList<>(List.of(args));
    boolean nightTwo = a.remove("--night2");
    if (a.size() < 2 || a.size() > 3) {
      System.err.println("Usage: SampleSnapshotGenerator CPUS_DIR SNAPSHOT_DIR [SEED] [--night2]");
      System.exit(2);
    }
    long seed = a.size() == 3 ? Long.parseLong(a.get(2)) : DEFAULT_SEED;
    GeneratedSnapshot s =
        nightTwo
            ? generateNightTwo(Path.of(a.get(0)), Path.of(a.get(1)), seed, DEFAULT_NIGHT_TWO_SEED)
            : generate(Path.of(a.get(0)), Path.of(a.get(1)), seed);
    System.out.printf(
        "seed %d: %d hosts, %d vms %s, %d host vector rows, %d vm vector rows,"
            + " %d bad rows injected, %d misplaced VMs (%d with a model no host supports)%n",
        seed,
        s.hosts(),
        s.vms(),
        s.vmsByState(),
        s.hostVectorRows(),
        s.vmVectorRows(),
        s.badRowsInjected(),
        s.misplacedVms(),
        s.unsupportedModelVms());
    s.clusters().forEach(c -> System.out.println("  " + c));
    s.injectedFaults().forEach(f -> System.out.println("  " + f));
  }

  static WriteOptions partOptions(List<VectorRow> rows, int parts) {
    return WriteOptions.defaults().withRowsPerFile((rows.size() + parts - 1) / parts);
  }
}
