package org.fleetcompat.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fleetcompat.io.HostRow;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.ValueEncoding;
import org.fleetcompat.io.VectorRow;
import org.fleetcompat.io.VmRow;
import org.fleetcompat.io.WriteOptions;

/**
 * Writes a synthetic fleet of a {@link BenchShape} as a snapshot with {@link SnapshotTableWriter}
 * (no Spark), each vector table as a directory of part files so that readers can work on them in
 * parallel. Realistic in the ways a classes-first engine relies on: few feature "generations",
 * nested feature masks (SubSet), a minimum configuration version (GreaterThanOrEqual) and a large
 * width value at and above 2^63 (LessThanOrEqual) that makes every class distinct. About a third of
 * VM-host pairs are compatible.
 *
 * <p>System {@code i} belongs to class {@code i % classes}; a class's vectors depend only on the
 * class, so the fleet has exactly the shape's class counts. Vector {@code k} of a system: id {@code
 * 0x10000100 + k} (or {@code 2^31 + k} for every seventh, so ids cross the signed 32-bit range);
 * operation GreaterThanOrEqual for {@code k % 6 == 4}, LessThanOrEqual for {@code k % 6 == 5},
 * SubSet otherwise. Values are written as plain signed INT64 bit patterns (the way Spark writes
 * longs), so every reader must reinterpret values at and above 2^63; {@code vector_id} INT64,
 * {@code compare_operation} INT32, dictionary encoding on, uncompressed.
 *
 * <p>The {@code hosts} and {@code vms} tables ({@link #writeCapacity}) give the plans their fleet:
 * host {@code i} is in cluster {@code cl-NNN} of {@value #HOSTS_PER_CLUSTER} consecutive hosts,
 * with 128, 192 or 256 logical processors, 1, 1.5 or 2 TB of memory and 8 GB reserved; VM {@code i}
 * has 1, 2, 2 or 4 virtual processors and 2 to 16 GB, is running (every 25th is off) and runs on a
 * host picked by a hash of {@code i} among the hosts compatible with its class (a class is
 * compatible with the host classes whose generation is its own to two above), or on any host when
 * none is. With 50 VMs a host that leaves about 40% of processors and 75% of memory free.
 *
 * <p>The output is a function of the shape only. Parts are written by one thread per core; memory
 * is bounded by two parts per thread ({@value #ROWS_PER_PART} rows each).
 */
public final class BenchFleetWriter {
  private static final int GENERATIONS = 8;
  private static final int ROWS_PER_PART = 500_000;
  private static final int MIN_PARTS = 4;
  private static final int MAX_PARTS = 64;
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
  private static final int HOSTS_PER_CLUSTER = 200;
  private static final long[] HOST_PROCESSORS = {128, 192, 256};
  private static final long[] HOST_MEMORY_MB = {1_048_576, 1_572_864, 2_097_152};
  private static final long HOST_RESERVED_MB = 8_192;
  private static final long[] VM_PROCESSORS = {1, 2, 2, 4};
  private static final long[] VM_MEMORY_MB = {2_048, 4_096, 8_192, 16_384};

  private BenchFleetWriter() {}

  /**
   * Writes {@code host_vectors/}, {@code vm_vectors/}, {@code hosts.parquet} and {@code
   * vms.parquet} under {@code snapshotDir}, replacing what was there.
   *
   * @throws UncheckedIOException if a file cannot be written
   */
  public static void write(BenchShape shape, Path snapshotDir) {
    writeVectors(shape, snapshotDir);
    writeCapacity(shape, snapshotDir);
  }

  /**
   * Writes {@code hosts.parquet} and {@code vms.parquet} under {@code snapshotDir}, replacing what
   * was there, leaving the vector tables as they are (a fleet written before these tables existed
   * gains them without being rewritten). One thread; about 1 s and 300 MB of heap per million VMs.
   *
   * @throws UncheckedIOException if a file cannot be written
   */
  public static void writeCapacity(BenchShape shape, Path snapshotDir) {
    List<HostRow> hosts = new ArrayList<>(shape.hosts());
    for (int h = 0; h < shape.hosts(); h++) {
      long mix = mix(h * 2L);
      hosts.add(
          new HostRow(
              hostId(h),
              String.format(Locale.ROOT, "cl-%03d", h / HOSTS_PER_CLUSTER),
              HOST_PROCESSORS[(int) Math.floorMod(mix, (long) HOST_PROCESSORS.length)],
              HOST_MEMORY_MB[(int) Math.floorMod(mix >>> 20, (long) HOST_MEMORY_MB.length)],
              HOST_RESERVED_MB));
    }
    SnapshotTableWriter.writeHosts(snapshotDir, hosts);
    // Per VM class, the host classes it fits (see value): generation the VM's to two above.
    int[][] fitting = new int[shape.vmClasses()][];
    long[] fittingHosts = new long[shape.vmClasses()];
    for (int c = 0; c < shape.vmClasses(); c++) {
      int gen = generation(c, true);
      List<Integer> classes = new ArrayList<>();
      for (int hc = 0; hc < shape.hostClasses(); hc++) {
        int hostGen = generation(hc, false);
        if (hostGen >= gen && hostGen <= gen + 2) {
          classes.add(hc);
          fittingHosts[c] += hostsOfClass(shape, hc);
        }
      }
      fitting[c] = classes.stream().mapToInt(Integer::intValue).toArray();
    }
    List<VmRow> vms = new ArrayList<>(shape.vms());
    for (int i = 0; i < shape.vms(); i++) {
      int c = i % shape.vmClasses();
      long mix = mix(i * 2L + 1);
      int host;
      if (fittingHosts[c] == 0) {
        host = (int) Math.floorMod(mix, (long) shape.hosts());
      } else {
        long pick = Math.floorMod(mix, fittingHosts[c]);
        host = -1;
        for (int hc : fitting[c]) {
          long n = hostsOfClass(shape, hc);
          if (pick < n) {
            host = (int) (hc + pick * shape.hostClasses());
            break;
          }
          pick -= n;
        }
      }
      vms.add(
          new VmRow(
              String.format(Locale.ROOT, "vm-%08d", i),
              i % 25 == 24 ? 3 : 2,
              hostId(host),
              VM_PROCESSORS[(int) Math.floorMod(mix >>> 8, (long) VM_PROCESSORS.length)],
              VM_MEMORY_MB[(int) Math.floorMod(mix >>> 24, (long) VM_MEMORY_MB.length)]));
    }
    SnapshotTableWriter.writeVms(snapshotDir, vms);
  }

  /** How many hosts have class {@code hc} (host {@code i} has class {@code i % hostClasses}). */
  private static long hostsOfClass(BenchShape shape, int hc) {
    return hc >= shape.hosts() ? 0 : (shape.hosts() - 1 - hc) / shape.hostClasses() + 1;
  }

  private static String hostId(int h) {
    return String.format(Locale.ROOT, "h-%08d", h);
  }

  private static void writeVectors(BenchShape shape, Path snapshotDir) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      writeSide(pool, snapshotDir, SnapshotTable.VM_VECTORS, shape, shape.vms(), shape.vmClasses());
      writeSide(
          pool, snapshotDir, SnapshotTable.HOST_VECTORS, shape, shape.hosts(), shape.hostClasses());
    } finally {
      pool.shutdownNow();
    }
  }

  /** How many part files a table of {@code systems} systems gets: whole systems per part. */
  static int parts(int systems, int vectors) {
    long rows = (long) systems * vectors;
    long wanted = Math.max(MIN_PARTS, (rows + ROWS_PER_PART - 1) / ROWS_PER_PART);
    return (int) Math.max(1, Math.min(Math.min(MAX_PARTS, wanted), systems));
  }

  private static void writeSide(
      ExecutorService pool,
      Path snapshotDir,
      SnapshotTable table,
      BenchShape shape,
      int systems,
      int classes) {
    Path dir = snapshotDir.resolve(table.tableName());
    Path scratch = snapshotDir.resolve("_writing-" + table.tableName());
    BenchFiles.deleteTree(dir);
    BenchFiles.deleteTree(scratch);
    int parts = parts(systems, shape.vectors());
    List<Future<?>> done = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      int part = p;
      int from = (int) ((long) systems * p / parts);
      int to = (int) ((long) systems * (p + 1) / parts);
      done.add(
          pool.submit(
              () -> writePart(table, shape.vectors(), classes, from, to, scratch, dir, part)));
    }
    try {
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing " + dir, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("Cannot write " + dir + ": " + e.getCause(), e.getCause());
    } finally {
      BenchFiles.deleteTree(scratch);
    }
  }

  /**
   * The writer deletes a table's previous files before it writes, so each part goes through a
   * scratch snapshot of its own and is then moved into place.
   */
  private static void writePart(
      SnapshotTable table,
      int vectors,
      int classes,
      int from,
      int to,
      Path scratch,
      Path dir,
      int part) {
    boolean vm = table == SnapshotTable.VM_VECTORS;
    List<VectorRow> rows = new ArrayList<>((to - from) * vectors);
    for (int i = from; i < to; i++) {
      String id = String.format(Locale.ROOT, "%s-%08d", vm ? "vm" : "h", i);
      int c = i % classes;
      int gen = generation(c, vm);
      for (int k = 0; k < vectors; k++) {
        long vectorId = k % 7 == 6 ? 2_147_483_648L + k : 268_435_712L + k;
        long op = k % 6 == 4 ? 5 : k % 6 == 5 ? 7 : 2;
        rows.add(new VectorRow(id, vectorId, op, unsigned(value(k, c, gen, vm))));
      }
    }
    Path own = scratch.resolve(String.format(Locale.ROOT, "p%05d", part));
    SnapshotTableWriter.writeVectors(
        own,
        table,
        rows,
        WriteOptions.defaults().withValue(ValueEncoding.SIGNED_INT64).withRowsPerFile(0));
    try {
      Files.createDirectories(dir);
      Files.move(
          own.resolve(table.tableName() + ".parquet"),
          dir.resolve(String.format(Locale.ROOT, "part-%05d.parquet", part)),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move a part file into " + dir + ": " + e, e);
    }
  }

  /**
   * The value bits of vector {@code k} of a system of class {@code c} and generation {@code gen}. A
   * VM needs {@code gen <=} the host's (nested masks) and a configuration version that reaches the
   * host's minimum, which lags two generations.
   */
  private static long value(int k, int c, int gen, boolean vm) {
    switch (k % 6) {
      case 4:
        return vm ? 2048 + 256L * gen : 2048 + 256L * Math.max(gen - 2, 0);
      case 5:
        return vm ? Long.MIN_VALUE + c : Long.MIN_VALUE + 4_294_967_296L + c;
      default:
        long mask = ((1L << (8 + 6 * gen)) - 1) << (k % 4);
        long top = k % 4 == 3 ? Long.MIN_VALUE : 0L;
        return vm ? (mask & ~(1L << (c % 8))) | top : mask | top;
    }
  }

  /** A class's feature generation, 0..7: a fixed mix of the class number and the side. */
  private static int generation(int c, boolean vm) {
    return (int) Math.floorMod(mix(c * 2L + (vm ? 1 : 0)), (long) GENERATIONS);
  }

  /** SplitMix64's finalizer of {@code x + golden gamma}: a fixed, well-mixed hash. */
  private static long mix(long x) {
    long z = x + 0x9E37_79B9_7F4A_7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }

  private static BigInteger unsigned(long bits) {
    BigInteger v = BigInteger.valueOf(bits);
    return bits < 0 ? v.add(TWO_TO_64) : v;
  }
}
