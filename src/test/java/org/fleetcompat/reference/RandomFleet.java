package org.fleetcompat.reference;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fleetcompat.reference.NestedLoopReference.RefVector;

/**
 * A seeded random fleet in the reference model ({@link RefVector} lists keyed by system id), for
 * checking the engine against {@link NestedLoopReference}. The same seed, shape and sizes always
 * give the same fleet ({@link java.util.Random} is specified bit for bit), so a failure reproduces
 * from the seed it prints.
 *
 * <p>What a fleet contains, so that the comparison exercises every rule:
 *
 * <ul>
 *   <li>A small pool of {@code vector_id}s per fleet, including ids at and above 2^31 (unsigned
 *       order) and 0; each id has one "canonical" operation, drawn from all ten.
 *   <li>A small pool of values per id that hosts and VMs share, so a good share of vectors pass and
 *       the pass rate is non-trivial: mask operations draw unions of a few disjoint bit groups (so
 *       subset, superset and disjoint relations are frequent, and bit 63 is often set);
 *       Multiple/Divisor draw multiples of a common base (including 2^63 and 2^64-1, and sometimes
 *       0 for {@code ZERO_OPERAND}); Equal and the ordered operations draw edge values (0, 1, 2,
 *       2^63-1, 2^63, 2^63+1, 2^64-1, powers of two, small values, random values). Now and then a
 *       system takes a fresh value outside the pool.
 *   <li>Hosts that lack some ids ({@code MISSING_ON_HOST}), hosts and VMs that carry another
 *       operation than the canonical one ({@code OPERATION_MISMATCH}), host-only vectors the VMs
 *       never have (ignored by the rule), VMs that draw no vector at all (compatible with every
 *       host).
 *   <li>Systems that copy an earlier system's vectors, in another order: classes of identical
 *       vector sets.
 * </ul>
 *
 * <p>Shapes: {@link Shape#DENSE} (few ids, two or three values each, many clones: many compatible
 * pairs), {@link Shape#SPARSE} (more ids and values, an id the hosts never have: mostly
 * incompatible), {@link Shape#ALL_DISTINCT} (no clones; a serial vector makes every VM and every
 * host distinct, the VM one an unsigned LessThanOrEqual crossing 2^63), {@link Shape#EMPTY} (no
 * VMs, no hosts, or neither; the other side dense). System ids are {@code vm0000...} and {@code
 * h0000...}, in insertion order (LinkedHashMap), which is also their sorted order.
 */
public final class RandomFleet {
  /** The shape of a generated fleet. */
  public enum Shape {
    /** Few ids, small value sets, many identical systems: many compatible pairs. */
    DENSE,
    /** More ids and values, an id no host has: mostly incompatible. */
    SPARSE,
    /** Every VM distinct and every host distinct. */
    ALL_DISTINCT,
    /** No VMs, no hosts, or neither (which one depends on the seed). */
    EMPTY
  }

  /** The id of the ALL_DISTINCT serial vector every VM has (and hosts usually have). */
  public static final long VM_SERIAL_ID = 0xFFFF_FFFFL;

  /** The id of a host-only vector: no VM ever has it, so it never matters. */
  public static final long HOST_ONLY_ID = 0xFFFF_FFFEL;

  /**
   * The id of the ALL_DISTINCT serial vector every host has (Equal, distinct values): host-only.
   */
  public static final long HOST_SERIAL_ID = 0xFFFF_FFFDL;

  private static final long[] EDGES = {
    0L, 1L, 2L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L
  };

  private final long seed;
  private final Shape shape;
  private final Map<String, List<RefVector>> vms;
  private final Map<String, List<RefVector>> hosts;

  private RandomFleet(
      long seed,
      Shape shape,
      Map<String, List<RefVector>> vms,
      Map<String, List<RefVector>> hosts) {
    this.seed = seed;
    this.shape = shape;
    this.vms = Collections.unmodifiableMap(vms);
    this.hosts = Collections.unmodifiableMap(hosts);
  }

  /**
   * A fleet of about {@code vmCount} VMs and {@code hostCount} hosts (exactly, except that {@link
   * Shape#EMPTY} empties one side or both).
   */
  public static RandomFleet generate(long seed, Shape shape, int vmCount, int hostCount) {
    Random rnd = new Random(seed);
    Params p = Params.of(shape);
    int vmsWanted = vmCount;
    int hostsWanted = hostCount;
    if (shape == Shape.EMPTY) {
      int variant = rnd.nextInt(3);
      vmsWanted = variant == 1 ? vmCount : 0;
      hostsWanted = variant == 0 ? hostCount : 0;
    }
    List<IdSpec> ids = idSpecs(rnd, p);
    Map<String, List<RefVector>> vms = new LinkedHashMap<>();
    List<List<RefVector>> made = new ArrayList<>();
    for (int i = 0; i < vmsWanted; i++) {
      List<RefVector> vm;
      if (!made.isEmpty() && rnd.nextDouble() < p.vmCloneRate) {
        vm = new ArrayList<>(made.get(rnd.nextInt(made.size())));
      } else {
        vm = new ArrayList<>();
        for (IdSpec id : ids) {
          if (rnd.nextDouble() < id.vmRate) {
            int op = rnd.nextDouble() < p.vmOpSwapRate ? otherOp(rnd, id.op) : id.op;
            vm.add(RefVector.ofBits(id.id, op, id.value(rnd, p)));
          }
        }
        if (shape == Shape.ALL_DISTINCT) {
          // Distinct by construction; LessThanOrEqual values cross 2^63 as i grows.
          vm.add(RefVector.ofBits(VM_SERIAL_ID, 7, Long.MIN_VALUE - 4 + i));
        }
      }
      made.add(vm);
      Collections.shuffle(vm, rnd);
      vms.put(String.format("vm%04d", i), List.copyOf(vm));
    }
    Map<String, List<RefVector>> hosts = new LinkedHashMap<>();
    made.clear();
    for (int i = 0; i < hostsWanted; i++) {
      List<RefVector> host;
      if (!made.isEmpty() && rnd.nextDouble() < p.hostCloneRate) {
        host = new ArrayList<>(made.get(rnd.nextInt(made.size())));
      } else {
        host = new ArrayList<>();
        for (IdSpec id : ids) {
          if (rnd.nextDouble() < id.hostRate) {
            int op = rnd.nextDouble() < p.hostMismatchRate ? otherOp(rnd, id.op) : id.op;
            host.add(RefVector.ofBits(id.id, op, id.value(rnd, p)));
          }
        }
        if (rnd.nextDouble() < 0.3) {
          host.add(RefVector.ofBits(HOST_ONLY_ID, rnd.nextInt(10), edge(rnd)));
        }
        if (shape == Shape.ALL_DISTINCT) {
          host.add(
              RefVector.ofBits(HOST_SERIAL_ID, 0, (rnd.nextBoolean() ? Long.MIN_VALUE : 0) | i));
          if (rnd.nextDouble() < 0.9) {
            long limit =
                rnd.nextDouble() < 0.8
                    ? Long.MIN_VALUE - 4 + rnd.nextInt(vmsWanted + 8)
                    : edge(rnd);
            host.add(RefVector.ofBits(VM_SERIAL_ID, 7, limit));
          }
        }
      }
      made.add(host);
      Collections.shuffle(host, rnd);
      hosts.put(String.format("h%04d", i), List.copyOf(host));
    }
    return new RandomFleet(seed, shape, vms, hosts);
  }

  /** The seed this fleet was generated from. */
  public long seed() {
    return seed;
  }

  /** The shape this fleet was generated with. */
  public Shape shape() {
    return shape;
  }

  /** VM id to its vectors (unordered), in id order. Unmodifiable. */
  public Map<String, List<RefVector>> vms() {
    return vms;
  }

  /** Host id to its vectors (unordered), in id order. Unmodifiable. */
  public Map<String, List<RefVector>> hosts() {
    return hosts;
  }

  /** The whole fleet, one system a line, for failure messages. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    s.append("RandomFleet.generate(")
        .append(seed)
        .append("L, ")
        .append(shape)
        .append(", ")
        .append(vms.size())
        .append(", ")
        .append(hosts.size())
        .append(")\n");
    vms.forEach((id, v) -> s.append("  ").append(id).append(' ').append(v).append('\n'));
    hosts.forEach((id, v) -> s.append("  ").append(id).append(' ').append(v).append('\n'));
    return s.toString();
  }

  @Override
  public String toString() {
    return "RandomFleet[seed="
        + seed
        + ", shape="
        + shape
        + ", vms="
        + vms.size()
        + ", hosts="
        + hosts.size()
        + "]";
  }

  /** Per-shape knobs. */
  private record Params(
      int minIds,
      int maxIds,
      int minValues,
      int maxValues,
      double vmRate,
      double hostRate,
      double hostMismatchRate,
      double vmOpSwapRate,
      double vmCloneRate,
      double hostCloneRate,
      double offPoolRate,
      boolean orphanId) {

    static Params of(Shape shape) {
      return switch (shape) {
        case DENSE, EMPTY -> new Params(2, 4, 2, 3, 0.6, 0.95, 0.03, 0.02, 0.5, 0.4, 0.02, false);
        case SPARSE -> new Params(5, 8, 3, 6, 0.5, 0.85, 0.08, 0.04, 0.25, 0.2, 0.08, true);
        case ALL_DISTINCT -> new Params(3, 5, 4, 8, 0.5, 0.9, 0.05, 0.03, 0, 0, 0.05, false);
      };
    }
  }

  /** One {@code vector_id} of the fleet: its canonical operation, value pool and frequencies. */
  private record IdSpec(long id, int op, long[] pool, double vmRate, double hostRate) {
    long value(Random rnd, Params p) {
      return rnd.nextDouble() < p.offPoolRate ? edge(rnd) : pool[rnd.nextInt(pool.length)];
    }
  }

  private static List<IdSpec> idSpecs(Random rnd, Params p) {
    int count = p.minIds + rnd.nextInt(p.maxIds - p.minIds + 1);
    Set<Long> ids = new LinkedHashSet<>();
    while (ids.size() < count) {
      long id =
          switch (rnd.nextInt(6)) {
            case 0 -> rnd.nextInt(4); // 0..3
            case 1 -> 0x7FFF_FFFFL + rnd.nextInt(3); // around 2^31: signed int flips sign
            case 2 -> 0xFFFF_FFF0L + rnd.nextInt(12); // just below the reserved ids
            case 3 -> 0x1000_0000L + rnd.nextInt(0x100); // Hyper-V looking ids
            default -> rnd.nextLong() & 0xFFFF_FFFFL;
          };
      if (id != VM_SERIAL_ID && id != HOST_ONLY_ID && id != HOST_SERIAL_ID) {
        ids.add(id);
      }
    }
    List<IdSpec> specs = new ArrayList<>();
    boolean orphan = p.orphanId;
    for (long id : ids) {
      int op = rnd.nextInt(10);
      long[] pool = pool(rnd, op, p.minValues + rnd.nextInt(p.maxValues - p.minValues + 1));
      if (orphan) {
        // An id no host has: every VM carrying it is incompatible everywhere.
        specs.add(new IdSpec(id, op, pool, 0.15, 0));
        orphan = false;
      } else {
        specs.add(new IdSpec(id, op, pool, p.vmRate, p.hostRate));
      }
    }
    return specs;
  }

  private static long[] pool(Random rnd, int op, int size) {
    long[] pool = new long[size];
    switch (op) {
      case 1, 2, 3 -> {
        // Unions of a few disjoint bit groups: subset / superset / disjoint relations are common.
        int groups = 2 + rnd.nextInt(3);
        long[] group = new long[groups];
        for (int bit = 0; bit < 64; bit++) {
          int g = rnd.nextInt(groups + 1);
          if (g < groups) {
            group[g] |= 1L << bit;
          }
        }
        for (int i = 0; i < size; i++) {
          long v = 0;
          for (long g : group) {
            if (rnd.nextBoolean()) {
              v |= g;
            }
          }
          pool[i] = v;
        }
      }
      case 8, 9 -> {
        // Multiples of one base: divisibility is common, and 0 now and then.
        long[] bases = {1, 2, 3, 5, 1L << (1 + rnd.nextInt(62)), 0x1_0000_0001L, Long.MIN_VALUE};
        BigInteger base = NestedLoopReference.unsigned(bases[rnd.nextInt(bases.length)]);
        int[] factors = {1, 2, 3, 4, 6, 8, 12};
        for (int i = 0; i < size; i++) {
          int pick = rnd.nextInt(10);
          BigInteger v = base.multiply(BigInteger.valueOf(factors[rnd.nextInt(factors.length)]));
          if (pick == 0 || v.compareTo(NestedLoopReference.TWO_TO_64) >= 0) {
            pool[i] = pick == 0 && rnd.nextBoolean() ? 0 : -1L; // 2^64-1 = 3*5*17*257*...
          } else {
            pool[i] = v.longValue();
          }
        }
      }
      default -> {
        for (int i = 0; i < size; i++) {
          pool[i] = edge(rnd);
        }
      }
    }
    return pool;
  }

  /** An edge-biased value: the SPEC's edges, powers of two and neighbours, small, random. */
  static long edge(Random rnd) {
    return switch (rnd.nextInt(6)) {
      case 0, 1 -> EDGES[rnd.nextInt(EDGES.length)];
      case 2 -> (1L << rnd.nextInt(64)) + (rnd.nextInt(3) - 1);
      case 3 -> rnd.nextInt(17);
      case 4 -> Long.MIN_VALUE + rnd.nextInt(17) - 8;
      default -> rnd.nextLong();
    };
  }

  private static int otherOp(Random rnd, int op) {
    return (op + 1 + rnd.nextInt(9)) % 10;
  }
}
