package org.fleetcompat.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.PairCheck;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.HostRow;
import org.fleetcompat.io.SnapshotTable;
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

  /** Msvm_ComputerSystem EnabledState values. */
  public static final int RUNNING = 2;

  /** Off (Disabled). */
  public static final int OFF = 3;

  /** Saved (Suspended). */
  public static final int SAVED = 32769;

  /** How many clusters the fleet has: 6 Intel, 2 AMD or Hygon. */
  public static final int CLUSTER_COUNT = 8;

  /** How many VMs have vectors; vms.parquet has one row more (the VM without vectors). */
  public static final int VM_COUNT = 3000;

  private static final int INTEL_CLUSTERS = 6;
  private static final int UNKNOWN_OPERATION = 12;

  /**
   * Conflicting duplicate, operation 12, null host_id, two exact duplicates, VM without vectors.
   */
  private static final int BAD_ROWS = 6;

  private static final int HOST_PARTS = 3;
  private static final int VM_PARTS = 4;

  /** Models with fewer features (486 ... pentiumpro, qemu32) are not what a fleet runs today. */
  private static final int MIN_REALISTIC_FEATURES = 25;

  private static final Pattern SERVER_BRAND =
      Pattern.compile("(?i)xeon|epyc|opteron|hygon|server|cooperlake");

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

  private record Vec(int id, CompareOperation op, long value) {}

  private record Cpu(
      String name,
      String brand,
      String vendor,
      int family,
      int model,
      int stepping,
      Set<String> features,
      List<Vec> vectors) {}

  private record Model(
      String name, String vendor, int features, List<Vec> vectors, VectorSet set) {}

  private record Cluster(String name, List<Cpu> cpus, List<Integer> hosts) {}

  private record Host(String id, Cluster cluster, List<Vec> vectors, VectorSet set) {}

  private SampleSnapshotGenerator() {}

  /**
   * Generates the fleet from {@code cpusDir} ({@code hosts.csv}, {@code models.csv}) and writes it
   * into {@code snapshotDir}, replacing the four tables there (other files are left alone).
   *
   * @throws UncheckedIOException if a file cannot be read or written
   * @throws IllegalArgumentException if a CSV file is not in the expected format
   */
  public static GeneratedSnapshot generate(Path cpusDir, Path snapshotDir, long seed) {
    List<Cpu> cpus = CpuCsv.readCpus(cpusDir.resolve("hosts.csv"));
    List<Model> models = CpuCsv.readModels(cpusDir.resolve("models.csv"));
    var rnd = new SplittableRandom(seed);

    List<Cluster> clusters = pickClusters(cpus, rnd);
    List<Host> hosts = buildHosts(clusters, rnd);
    var vms = new FleetVms(hosts, clusters, models, rnd);
    for (int i = 1; i <= VM_COUNT; i++) {
      vms.add(String.format(Locale.ROOT, "vm-%05d", i));
    }

    List<VectorRow> hostRows = new ArrayList<>();
    for (Host h : hosts) {
      h.vectors().forEach(v -> hostRows.add(row(h.id(), v.id(), v.op().code(), v.value())));
    }
    List<String> faults = new ArrayList<>();
    List<VectorRow> vmRows = vms.vectorRows(faults);
    VectorRow hostRow = hostRows.get(rnd.nextInt(hostRows.size()));
    hostRows.add(
        new VectorRow(null, hostRow.vectorId(), hostRow.compareOperation(), hostRow.value()));
    faults.add(
        "host_vectors: a row with a null host_id (a copy of a row of " + hostRow.systemId() + ")");
    List<VmRow> vmTable = vms.vmRows(faults);

    SnapshotTableWriter.writeVectors(
        snapshotDir, SnapshotTable.HOST_VECTORS, hostRows, partOptions(hostRows, HOST_PARTS));
    SnapshotTableWriter.writeVectors(
        snapshotDir, SnapshotTable.VM_VECTORS, vmRows, partOptions(vmRows, VM_PARTS));
    SnapshotTableWriter.writeHosts(
        snapshotDir, hosts.stream().map(h -> new HostRow(h.id(), h.cluster().name())).toList());
    SnapshotTableWriter.writeVms(snapshotDir, vmTable);

    SortedMap<Integer, Integer> states = new TreeMap<>();
    vmTable.forEach(v -> states.merge(v.enabledState(), 1, Integer::sum));
    List<String> clusterLines = new ArrayList<>();
    for (Cluster c : clusters) {
      clusterLines.add(
          c.name()
              + ": "
              + c.hosts().size()
              + " hosts, "
              + String.join(", ", c.cpus().stream().map(Cpu::name).toList()));
    }
    return new GeneratedSnapshot(
        hosts.size(),
        vmTable.size(),
        hostRows.size(),
        vmRows.size(),
        BAD_ROWS,
        vms.misplaced,
        vms.unsupported,
        Collections.unmodifiableSortedMap(states),
        List.copyOf(clusterLines),
        List.copyOf(faults));
  }

  /**
   * Command line: {@code cpusDir snapshotDir [seed]}; prints what was written.
   *
   * @param args the CPU data directory, the snapshot directory, optionally a seed (a long)
   */
  public static void main(String[] args) {
    if (args.length < 2 || args.length > 3) {
      System.err.println("Usage: SampleSnapshotGenerator CPUS_DIR SNAPSHOT_DIR [SEED]");
      System.exit(2);
    }
    long seed = args.length == 3 ? Long.parseLong(args[2]) : DEFAULT_SEED;
    GeneratedSnapshot s = generate(Path.of(args[0]), Path.of(args[1]), seed);
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

  static VectorRow row(String systemId, int vectorId, int op, long value) {
    return VectorRow.of(systemId, Integer.toUnsignedLong(vectorId), op, value);
  }

  private static WriteOptions partOptions(List<VectorRow> rows, int parts) {
    return WriteOptions.defaults().withRowsPerFile((rows.size() + parts - 1) / parts);
  }

  /** Intel and AMD clusters are drawn apart so both vendors (and the vendor vector) matter. */
  private static List<Cluster> pickClusters(List<Cpu> cpus, SplittableRandom rnd) {
    Map<String, List<Cpu>> intel = new LinkedHashMap<>();
    Map<String, List<Cpu>> others = new LinkedHashMap<>();
    for (Cpu cpu : cpus) {
      if (SERVER_BRAND.matcher(cpu.brand() + " " + cpu.name()).find()) {
        String key = cpu.family() + "/" + cpu.model() + "/" + CpuFacts.codename(cpu);
        (cpu.vendor().equals("Intel") ? intel : others)
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(cpu);
      }
    }
    List<List<Cpu>> groups = new ArrayList<>();
    groups.addAll(drawWeighted(new ArrayList<>(intel.values()), INTEL_CLUSTERS, rnd));
    groups.addAll(
        drawWeighted(new ArrayList<>(others.values()), CLUSTER_COUNT - INTEL_CLUSTERS, rnd));
    Map<String, Integer> letters = new LinkedHashMap<>();
    List<Cluster> clusters = new ArrayList<>();
    for (List<Cpu> group : groups) {
      List<Cpu> members = new ArrayList<>(group);
      shuffle(members, rnd);
      members = members.subList(0, 1 + rnd.nextInt(Math.min(3, members.size())));
      String codename = CpuFacts.codename(members.get(0));
      int letter = letters.merge(codename, 1, Integer::sum) - 1;
      clusters.add(
          new Cluster(
              "cl-" + codename + "-" + (char) ('a' + letter),
              List.copyOf(members),
              new ArrayList<>()));
    }
    return clusters;
  }

  /** Newer generations weigh more: today's fleets are mostly recent hardware. */
  private static List<List<Cpu>> drawWeighted(
      List<List<Cpu>> groups, int count, SplittableRandom rnd) {
    List<List<Cpu>> out = new ArrayList<>();
    while (out.size() < count && !groups.isEmpty()) {
      int total = 0;
      for (List<Cpu> g : groups) {
        total += CpuFacts.generation(g.get(0));
      }
      int r = rnd.nextInt(total);
      int i = 0;
      while (r >= CpuFacts.generation(groups.get(i).get(0))) {
        r -= CpuFacts.generation(groups.get(i).get(0));
        i++;
      }
      out.add(groups.remove(i));
    }
    return out;
  }

  private static List<Host> buildHosts(List<Cluster> clusters, SplittableRandom rnd) {
    List<Host> hosts = new ArrayList<>();
    int largeFlushCluster = rnd.nextInt(clusters.size());
    for (int c = 0; c < clusters.size(); c++) {
      Cluster cluster = clusters.get(c);
      int size = 30 + rnd.nextInt(21);
      for (int i = 0; i < size; i++) {
        Cpu cpu = cluster.cpus().get(rnd.nextInt(cluster.cpus().size()));
        long flush = c == largeFlushCluster && i >= size * 3 / 4 ? 128 : 64;
        List<Vec> vectors = new ArrayList<>();
        for (Vec v : cpu.vectors()) {
          // hosts.csv carries operation 0 everywhere; the VMs' operation must be on the host row.
          boolean register = Integer.compareUnsigned(v.id(), 0x10000000) >= 0;
          vectors.add(
              new Vec(
                  v.id(), register ? CompareOperation.SUB_SET : CompareOperation.EQUAL, v.value()));
        }
        vectors.add(
            new Vec(
                CONFIG_VERSION_ID,
                CompareOperation.GREATER_THAN_OR_EQUAL,
                CpuFacts.minConfigVersion(cpu)));
        vectors.add(new Vec(CACHE_FLUSH_SIZE_ID, CompareOperation.EQUAL, flush));
        vectors.add(new Vec(CACHE_FLUSH_SIZE_MULTIPLE_ID, CompareOperation.MULTIPLE, flush));
        vectors.add(
            new Vec(
                ADDRESS_WIDTH_ID,
                CompareOperation.LESS_THAN_OR_EQUAL,
                CpuFacts.addressWidthBits(cpu)));
        VectorSet set = toSet(vectors);
        cluster.hosts().add(hosts.size());
        hosts.add(
            new Host(
                String.format(Locale.ROOT, "h-%04d", hosts.size() + 1), cluster, sorted(set), set));
      }
    }
    return hosts;
  }

  static VectorSet toSet(List<Vec> vectors) {
    VectorSet.Builder b = VectorSet.builder();
    vectors.forEach(v -> b.add(v.id(), v.op(), v.value()));
    return b.build();
  }

  /** The vectors in {@code vector_id} order, as a tool exporting a system would list them. */
  static List<Vec> sorted(VectorSet set) {
    List<Vec> out = new ArrayList<>(set.size());
    for (int i = 0; i < set.size(); i++) {
      out.add(new Vec(set.vectorId(i), set.operation(i), set.value(i)));
    }
    return out;
  }

  static <T> void shuffle(List<T> list, SplittableRandom rnd) {
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, rnd.nextInt(i + 1));
    }
  }

  /** Facts about real CPUs that the CSV files do not carry, from their family/model/features. */
  static final class CpuFacts {
    private CpuFacts() {}

    /** Microarchitecture code names of the server CPUs in hosts.csv (Intel SDM, AMD docs). */
    static String codename(Cpu cpu) {
      String key = cpu.vendor() + " " + cpu.family() + "/" + cpu.model();
      return switch (key) {
        case "Intel 6/15" -> "core2";
        case "Intel 6/23" -> "penryn";
        case "Intel 6/26", "Intel 6/46" -> "nehalem";
        case "Intel 6/47" -> "westmere";
        case "Intel 6/45" -> "sandybridge";
        case "Intel 6/62" -> "ivybridge";
        case "Intel 6/63" -> "haswell";
        case "Intel 6/79" -> "broadwell";
        case "Intel 6/94" -> "skylake";
        // One model number for three server generations; the stepping tells them apart.
        case "Intel 6/85" ->
            cpu.stepping() >= 10 ? "cooperlake" : cpu.stepping() >= 5 ? "cascadelake" : "skylake";
        case "Intel 6/106" -> "icelake";
        case "Intel 6/143" -> "sapphirerapids";
        case "Intel 6/207" -> "emeraldrapids";
        case "Intel 6/173" -> "graniterapids";
        case "Intel 6/175" -> "sierraforest";
        case "AMD 16/2" -> "barcelona";
        case "AMD 21/1" -> "bulldozer";
        case "AMD 23/1" -> "naples";
        case "AMD 23/49" -> "rome";
        case "AMD 25/1" -> "milan";
        case "AMD 25/17" -> "genoa";
        case "Hygon 24/0" -> "dhyana";
        default -> "x86-" + cpu.family() + "-" + cpu.model();
      };
    }

    /** 1 before AVX2, 2 with AVX2, 3 with AVX-512. */
    static int generation(Cpu cpu) {
      return cpu.features().contains("avx512f") ? 3 : cpu.features().contains("avx2") ? 2 : 1;
    }

    static long minConfigVersion(Cpu cpu) {
      return 0x0700L + 0x0100L * generation(cpu);
    }

    static long addressWidthBits(Cpu cpu) {
      if (cpu.features().contains("la57")) {
        return 52;
      }
      if (!cpu.vendor().equals("Intel")) {
        return 48;
      }
      return cpu.features().contains("avx") ? 46 : 39;
    }
  }

  /** The two CSV files, comma separated without quoting (checked: a quote is an error). */
  static final class CpuCsv {
    private CpuCsv() {}

    static List<Cpu> readCpus(Path file) {
      List<Cpu> out = new ArrayList<>();
      for (Map<String, String> r : read(file)) {
        out.add(
            new Cpu(
                r.get("host"),
                r.get("brand"),
                r.get("vendor"),
                Integer.parseInt(r.get("family")),
                Integer.parseInt(r.get("model")),
                Integer.parseInt(r.get("stepping")),
                Set.copyOf(List.of(r.get("features").split(" "))),
                parseVectors(r.get("vectors"))));
      }
      return out;
    }

    static List<Model> readModels(Path file) {
      List<Model> out = new ArrayList<>();
      for (Map<String, String> r : read(file)) {
        List<Vec> vectors = parseVectors(r.get("vm_vectors"));
        out.add(
            new Model(
                r.get("model"),
                r.get("vendor"),
                Integer.parseInt(r.get("n_features")),
                vectors,
                toSet(vectors)));
      }
      return out;
    }

    /** {@code id:op:value;...}, all three in hex with a 0x prefix except op. */
    static List<Vec> parseVectors(String text) {
      List<Vec> out = new ArrayList<>();
      for (String item : text.split(";")) {
        if (item.isEmpty()) {
          continue;
        }
        String[] f = item.split(":");
        if (f.length != 3) {
          throw new IllegalArgumentException(
              "Cannot parse vector '" + item + "': expected vector_id:compare_operation:value");
        }
        out.add(
            new Vec(
                (int) Long.parseLong(hex(f[0]), 16),
                CompareOperation.ofCode(Long.parseLong(hex(f[1]), 16)),
                Long.parseUnsignedLong(hex(f[2]), 16)));
      }
      return out;
    }

    private static String hex(String s) {
      return s.startsWith("0x") ? s.substring(2) : s;
    }

    static List<Map<String, String>> read(Path file) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
      }
      String[] header = lines.get(0).split(",", -1);
      List<Map<String, String>> rows = new ArrayList<>();
      for (int n = 1; n < lines.size(); n++) {
        String line = lines.get(n);
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (line.indexOf('"') >= 0 || f.length != header.length) {
          throw new IllegalArgumentException(
              "Cannot read "
                  + file
                  + " line "
                  + (n + 1)
                  + ": expected "
                  + header.length
                  + " unquoted comma-separated fields, found "
                  + f.length
                  + (line.indexOf('"') >= 0 ? " and a quote" : ""));
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], f[i]);
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** The VMs: model choice, vectors, placement, and the bad VM rows. */
  static final class FleetVms {
    private final List<Host> hosts;
    private final SplittableRandom rnd;
    private final Map<Cluster, List<Model>> everywhere = new LinkedHashMap<>();
    private final Map<Cluster, List<Model>> somewhere = new LinkedHashMap<>();
    private final List<Model> nowhere = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final List<List<Vec>> vectors = new ArrayList<>();
    private final List<Integer> states = new ArrayList<>();
    private final List<String> currentHosts = new ArrayList<>();
    private final List<Boolean> wellPlaced = new ArrayList<>();
    int misplaced;
    int unsupported;

    FleetVms(
        List<Host> hosts, List<Cluster> clusters, List<Model> allModels, SplittableRandom rnd) {
      this.hosts = hosts;
      this.rnd = rnd;
      List<Model> models =
          allModels.stream().filter(m -> m.features() >= MIN_REALISTIC_FEATURES).toList();
      for (Cluster c : clusters) {
        everywhere.put(c, new ArrayList<>());
        somewhere.put(c, new ArrayList<>());
      }
      for (Model m : models) {
        boolean anyHost = false;
        for (Cluster c : clusters) {
          int supported = 0;
          for (int h : c.hosts()) {
            supported += PairCheck.isCompatible(m.set(), hosts.get(h).set()) ? 1 : 0;
          }
          anyHost |= supported > 0;
          if (supported == c.hosts().size()) {
            everywhere.get(c).add(m);
          } else if (supported > 0) {
            somewhere.get(c).add(m);
          }
        }
        if (!anyHost) {
          nowhere.add(m);
        }
      }
    }

    void add(String id) {
      Cluster home = hosts.get(rnd.nextInt(hosts.size())).cluster();
      double s = rnd.nextDouble();
      int state = s < 0.82 ? RUNNING : s < 0.94 ? OFF : SAVED;
      Model model = pickModel(home);
      boolean noHostSupportsModel = nowhere.contains(model);
      List<Vec> v = new ArrayList<>();
      long maxMin = 0;
      long minWidth = Long.MAX_VALUE;
      boolean largeFlush = false;
      for (int h : home.hosts()) {
        VectorSet set = hosts.get(h).set();
        maxMin = Math.max(maxMin, set.value(set.indexOf(CONFIG_VERSION_ID)));
        minWidth = Math.min(minWidth, set.value(set.indexOf(ADDRESS_WIDTH_ID)));
        largeFlush |= set.value(set.indexOf(CACHE_FLUSH_SIZE_ID)) == 128;
      }
      double k = rnd.nextDouble();
      long version = maxMin + (k < 0.7 ? 0 : k < 0.95 ? 0x100 : 0x200);
      v.add(new Vec(CONFIG_VERSION_ID, CompareOperation.GREATER_THAN_OR_EQUAL, version));
      if (state == OFF) {
        model.vectors().stream().filter(x -> x.id() == VENDOR_ID).forEach(v::add);
      } else {
        v.addAll(model.vectors());
        double f = rnd.nextDouble();
        if (largeFlush && f < 0.3) {
          v.add(new Vec(CACHE_FLUSH_SIZE_ID, CompareOperation.EQUAL, 128));
        } else {
          double g = rnd.nextDouble();
          v.add(
              g < 0.7
                  ? new Vec(CACHE_FLUSH_SIZE_ID, CompareOperation.EQUAL, 64)
                  : new Vec(
                      CACHE_FLUSH_SIZE_MULTIPLE_ID,
                      CompareOperation.MULTIPLE,
                      g < 0.85 ? 64 : 128));
        }
        v.add(
            new Vec(
                ADDRESS_WIDTH_ID,
                CompareOperation.LESS_THAN_OR_EQUAL,
                rnd.nextBoolean() ? minWidth : 39));
      }
      VectorSet set = toSet(v);
      List<Host> ok = new ArrayList<>();
      List<Host> notOk = new ArrayList<>();
      for (int h : home.hosts()) {
        (PairCheck.isCompatible(set, hosts.get(h).set()) ? ok : notOk).add(hosts.get(h));
      }
      if (ok.isEmpty()) {
        hosts.stream().filter(h -> PairCheck.isCompatible(set, h.set())).forEach(ok::add);
      }
      if (notOk.isEmpty()) {
        hosts.stream().filter(h -> !PairCheck.isCompatible(set, h.set())).forEach(notOk::add);
      }
      boolean drifted = state == RUNNING && rnd.nextDouble() < 0.008;
      boolean placeWell = !ok.isEmpty() && (!drifted || notOk.isEmpty());
      List<Host> from = placeWell ? ok : notOk;
      ids.add(id);
      vectors.add(sorted(set));
      states.add(state);
      currentHosts.add(from.get(rnd.nextInt(from.size())).id());
      wellPlaced.add(placeWell);
      misplaced += placeWell ? 0 : 1;
      unsupported += noHostSupportsModel ? 1 : 0;
    }

    private Model pickModel(Cluster home) {
      double r = rnd.nextDouble();
      List<Model> all = everywhere.get(home);
      List<Model> some = somewhere.get(home);
      if ((r < 0.006 || (all.isEmpty() && some.isEmpty())) && !nowhere.isEmpty()) {
        return nowhere.get(rnd.nextInt(nowhere.size()));
      }
      if (all.isEmpty() || (r >= 0.85 && !some.isEmpty())) {
        return some.get(rnd.nextInt(some.size()));
      }
      if (r < 0.55) {
        Model best = all.get(0);
        for (Model m : all) {
          best = m.features() > best.features() ? m : best;
        }
        return best;
      }
      return all.get(rnd.nextInt(all.size()));
    }

    /** A running, well-placed VM not used for another fault. */
    private int victim(Set<Integer> used) {
      while (true) {
        int i = rnd.nextInt(ids.size());
        if (states.get(i) == RUNNING && wellPlaced.get(i) && used.add(i)) {
          return i;
        }
      }
    }

    List<VectorRow> vectorRows(List<String> faults) {
      Set<Integer> used = new HashSet<>();
      int conflict = victim(used);
      int unknownOp = victim(used);
      int duplicated = victim(used);
      List<VectorRow> rows = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        for (Vec v : vectors.get(i)) {
          int op =
              i == unknownOp && v.id() == CONFIG_VERSION_ID ? UNKNOWN_OPERATION : v.op().code();
          rows.add(row(ids.get(i), v.id(), op, v.value()));
        }
      }
      faults.add(
          "vm_vectors: "
              + ids.get(unknownOp)
              + " has compare_operation 12 on vector 0x10 (unknown operation)");
      Vec width =
          vectors.get(conflict).stream().filter(v -> v.id() == ADDRESS_WIDTH_ID).findFirst().get();
      long other = width.value() == 39 ? 46 : 39;
      rows.add(row(ids.get(conflict), ADDRESS_WIDTH_ID, width.op().code(), other));
      faults.add(
          "vm_vectors: "
              + ids.get(conflict)
              + " has vector 0x12 twice, values "
              + width.value()
              + " and "
              + other
              + " (conflicting duplicate)");
      for (Vec v : vectors.get(duplicated).subList(0, 2)) {
        rows.add(row(ids.get(duplicated), v.id(), v.op().code(), v.value()));
      }
      faults.add(
          "vm_vectors: "
              + ids.get(duplicated)
              + " has two rows written twice (exact duplicates, collapsed)");
      return rows;
    }

    List<VmRow> vmRows(List<String> faults) {
      List<VmRow> rows = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        rows.add(new VmRow(ids.get(i), states.get(i), currentHosts.get(i)));
      }
      String orphan = String.format(Locale.ROOT, "vm-%05d", ids.size() + 1);
      rows.add(new VmRow(orphan, OFF, hosts.get(rnd.nextInt(hosts.size())).id()));
      faults.add("vms: " + orphan + " has a vms row but no vector rows");
      return rows;
    }
  }
}
