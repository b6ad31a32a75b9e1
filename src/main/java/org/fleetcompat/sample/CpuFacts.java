package org.fleetcompat.sample;

/**
 * Facts about real CPUs that the CSV files do not carry, derived from their family, model, stepping
 * and features.
 */
final class CpuFacts {
  private CpuFacts() {}

  /**
   * The microarchitecture code name of a server CPU of hosts.csv (Intel SDM, AMD docs), e.g. {@code
   * skylake}; {@code x86-<family>-<model>} for one this table does not know.
   */
  static String codename(HostCpu cpu) {
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
  static int generation(HostCpu cpu) {
    return cpu.features().contains("avx512f") ? 3 : cpu.features().contains("avx2") ? 2 : 1;
  }

  /**
   * The lowest VM configuration version a host of this CPU accepts: 0x0800, 0x0900 with AVX2,
   * 0x0a00 with AVX-512.
   */
  static long minConfigVersion(HostCpu cpu) {
    return 0x0700L + 0x0100L * generation(cpu);
  }

  /** 52 with 5-level paging, 48 on AMD and Hygon, 46 on Intel with AVX, else 39. */
  static long addressWidthBits(HostCpu cpu) {
    if (cpu.features().contains("la57")) {
      return 52;
    }
    if (!cpu.vendor().equals("Intel")) {
      return 48;
    }
    return cpu.features().contains("avx") ? 46 : 39;
  }
}
