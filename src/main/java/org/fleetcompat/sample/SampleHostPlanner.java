package org.fleetcompat.sample;

import static org.fleetcompat.sample.SampleSnapshotGenerator.ADDRESS_WIDTH_ID;
import static org.fleetcompat.sample.SampleSnapshotGenerator.CACHE_FLUSH_SIZE_ID;
import static org.fleetcompat.sample.SampleSnapshotGenerator.CACHE_FLUSH_SIZE_MULTIPLE_ID;
import static org.fleetcompat.sample.SampleSnapshotGenerator.CLUSTER_COUNT;
import static org.fleetcompat.sample.SampleSnapshotGenerator.CONFIG_VERSION_ID;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.VectorSet;

/**
 * Plans the hosts of the sample fleet: which server CPUs make up each cluster, how many hosts it
 * has, and each host's vectors (see {@link SampleSnapshotGenerator} for the fleet this gives).
 */
final class SampleHostPlanner {
  private static final int INTEL_CLUSTERS = 6;

  private static final Pattern SERVER_BRAND =
      Pattern.compile("(?i)xeon|epyc|opteron|hygon|server|cooperlake");

  private SampleHostPlanner() {}

  /**
   * {@value SampleSnapshotGenerator#CLUSTER_COUNT} clusters, each of 1..3 server CPU types of one
   * microarchitecture, with no hosts yet. Intel and AMD clusters are drawn apart so both vendors
   * (and the vendor vector) matter.
   */
  static List<SampleCluster> pickClusters(List<HostCpu> cpus, SplittableRandom rnd) {
    Map<String, List<HostCpu>> intel = new LinkedHashMap<>();
    Map<String, List<HostCpu>> others = new LinkedHashMap<>();
    for (HostCpu cpu : cpus) {
      if (SERVER_BRAND.matcher(cpu.brand() + " " + cpu.name()).find()) {
        String key = cpu.family() + "/" + cpu.model() + "/" + CpuFacts.codename(cpu);
        (cpu.vendor().equals("Intel") ? intel : others)
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(cpu);
      }
    }
    List<List<HostCpu>> groups = new ArrayList<>();
    groups.addAll(drawWeighted(new ArrayList<>(intel.values()), INTEL_CLUSTERS, rnd));
    groups.addAll(
        drawWeighted(new ArrayList<>(others.values()), CLUSTER_COUNT - INTEL_CLUSTERS, rnd));
    Map<String, Integer> letters = new LinkedHashMap<>();
    List<SampleCluster> clusters = new ArrayList<>();
    for (List<HostCpu> group : groups) {
      List<HostCpu> members = new ArrayList<>(group);
      shuffle(members, rnd);
      members = members.subList(0, 1 + rnd.nextInt(Math.min(3, members.size())));
      String codename = CpuFacts.codename(members.get(0));
      int letter = letters.merge(codename, 1, Integer::sum) - 1;
      clusters.add(
          new SampleCluster(
              "cl-" + codename + "-" + (char) ('a' + letter),
              List.copyOf(members),
              new ArrayList<>()));
    }
    return clusters;
  }

  /** Newer generations weigh more: today's fleets are mostly recent hardware. */
  private static List<List<HostCpu>> drawWeighted(
      List<List<HostCpu>> groups, int count, SplittableRandom rnd) {
    List<List<HostCpu>> out = new ArrayList<>();
    while (out.size() < count && !groups.isEmpty()) {
      int total = 0;
      for (List<HostCpu> g : groups) {
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

  /**
   * 30..50 hosts per cluster, numbered across the fleet ({@code h-0001}, ...), each with one of its
   * cluster's CPU types; adds each host's position to {@link SampleCluster#hostIndexes()}.
   */
  static List<SampleHost> buildHosts(List<SampleCluster> clusters, SplittableRandom rnd) {
    List<SampleHost> hosts = new ArrayList<>();
    int largeFlushCluster = rnd.nextInt(clusters.size());
    for (int c = 0; c < clusters.size(); c++) {
      SampleCluster cluster = clusters.get(c);
      int size = 30 + rnd.nextInt(21);
      for (int i = 0; i < size; i++) {
        HostCpu cpu = cluster.cpus().get(rnd.nextInt(cluster.cpus().size()));
        long flush = c == largeFlushCluster && i >= size * 3 / 4 ? 128 : 64;
        VectorSet set = SampleVector.toSet(hostVectors(cpu, flush));
        cluster.hostIndexes().add(hosts.size());
        hosts.add(
            new SampleHost(
                String.format(Locale.ROOT, "h-%04d", hosts.size() + 1),
                cluster,
                SampleVector.inIdOrder(set),
                set));
      }
    }
    return hosts;
  }

  /** Every vector of a host of {@code cpu} with the given cache-line flush size. */
  static List<SampleVector> hostVectors(HostCpu cpu, long flushSizeBytes) {
    List<SampleVector> vectors = new ArrayList<>();
    for (SampleVector v : cpu.vectors()) {
      // hosts.csv carries operation 0 everywhere; the VMs' operation must be on the host row.
      boolean register = Integer.compareUnsigned(v.id(), 0x10000000) >= 0;
      vectors.add(
          new SampleVector(
              v.id(), register ? CompareOperation.SUB_SET : CompareOperation.EQUAL, v.value()));
    }
    vectors.add(
        new SampleVector(
            CONFIG_VERSION_ID,
            CompareOperation.GREATER_THAN_OR_EQUAL,
            CpuFacts.minConfigVersion(cpu)));
    // One id carries one operation, so the flush size is there twice: Equal and Multiple.
    vectors.add(new SampleVector(CACHE_FLUSH_SIZE_ID, CompareOperation.EQUAL, flushSizeBytes));
    vectors.add(
        new SampleVector(CACHE_FLUSH_SIZE_MULTIPLE_ID, CompareOperation.MULTIPLE, flushSizeBytes));
    vectors.add(
        new SampleVector(
            ADDRESS_WIDTH_ID, CompareOperation.LESS_THAN_OR_EQUAL, CpuFacts.addressWidthBits(cpu)));
    return vectors;
  }

  /** Fisher-Yates on {@code rnd}, so the seed alone decides the order. */
  private static <T> void shuffle(List<T> list, SplittableRandom rnd) {
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, rnd.nextInt(i + 1));
    }
  }
}
