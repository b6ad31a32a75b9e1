package org.fleetcompat.sample;

import java.util.Random;
import org.fleetcompat.io.HostRow;
import org.fleetcompat.io.VmRow;

/**
 * The sample's capacity columns: a host's logical processors, memory and the memory it reserves for
 * itself, a VM's virtual processors and memory, drawn from common server and VM sizes. Each is a
 * function of the system id alone (its own random source seeded by the id), so adding them draws
 * nothing from the generator's shared random source and leaves every other sample value as it was;
 * a VM keeps its size from one night to the next. Stateless.
 */
final class SampleCapacity {
  private static final long[] HOST_PROCESSORS = {48, 64, 64, 96, 128};
  private static final long[] HOST_MEMORY_MB = {262_144, 393_216, 524_288, 786_432};
  private static final long HOST_RESERVED_MB = 8_192;
  private static final long[] VM_PROCESSORS = {1, 2, 2, 4, 4, 8, 16};
  private static final long[] VM_MEMORY_MB = {2_048, 4_096, 8_192, 16_384, 32_768, 65_536};

  private SampleCapacity() {}

  /** The hosts row of {@code id} in {@code cluster}, with its capacity. */
  static HostRow host(String id, String cluster) {
    Random r = new Random(seed(id));
    return new HostRow(
        id,
        cluster,
        HOST_PROCESSORS[r.nextInt(HOST_PROCESSORS.length)],
        HOST_MEMORY_MB[r.nextInt(HOST_MEMORY_MB.length)],
        HOST_RESERVED_MB);
  }

  /** The vms row of {@code id}, with its demand. */
  static VmRow vm(String id, int state, String currentHost) {
    Random r = new Random(seed(id));
    return new VmRow(
        id,
        state,
        currentHost,
        VM_PROCESSORS[r.nextInt(VM_PROCESSORS.length)],
        VM_MEMORY_MB[r.nextInt(VM_MEMORY_MB.length)]);
  }

  private static long seed(String id) {
    long h = 1125899906842597L;
    for (int i = 0; i < id.length(); i++) {
      h = 31 * h + id.charAt(i);
    }
    return h;
  }
}
