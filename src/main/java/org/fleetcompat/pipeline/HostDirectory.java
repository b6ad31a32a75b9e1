package org.fleetcompat.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fleetcompat.core.Utf8Order;
import org.fleetcompat.io.AttributeValidator;
import org.fleetcompat.io.ColumnContract;
import org.fleetcompat.io.SnapshotTable;

/**
 * Every accepted host on the driver, sorted by id (UTF-8 order): its class and cluster, and per
 * host class the positions of its hosts. Small (one entry per host) and shared with every task:
 * what turns a VM's compatible host classes into host ids, and a VM's current host into its class.
 * Immutable; serializable.
 */
public final class HostDirectory implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] ids;
  private final int[] classOf;
  private final String[] clusterOf;
  private final int[][] hostsOfClass;
  private final long[] processors;
  private final long[] memoryMb;

  private HostDirectory(
      String[] ids,
      int[] classOf,
      String[] clusterOf,
      long[] processors,
      long[] memoryMb,
      int hostClasses) {
    this.ids = ids;
    this.classOf = classOf;
    this.clusterOf = clusterOf;
    this.processors = processors;
    this.memoryMb = memoryMb;
    int[] counts = new int[hostClasses];
    for (int c : classOf) {
      counts[c]++;
    }
    this.hostsOfClass = new int[hostClasses][];
    for (int c = 0; c < hostClasses; c++) {
      hostsOfClass[c] = new int[counts[c]];
    }
    int[] fill = new int[hostClasses];
    for (int h = 0; h < ids.length; h++) {
      hostsOfClass[classOf[h]][fill[classOf[h]]++] = h;
    }
  }

  /** The hosts of the host side's buckets, with their classes in {@code classes}. */
  public static HostDirectory of(List<SideBucket> buckets, ClassNumbering classes) {
    List<Object[]> all = new ArrayList<>();
    for (SideBucket b : buckets) {
      for (int i = 0; i < b.systemCount(); i++) {
        List<Object> attributes = b.attributes()[i];
        String cluster = attributes == null ? null : (String) attributes.get(0);
        long cpu = attributes == null ? UNKNOWN : known(attributes.get(PROCESSORS));
        long memory = attributes == null ? UNKNOWN : known(attributes.get(MEMORY));
        long reserved = attributes == null ? 0 : known(attributes.get(RESERVED));
        if (memory != UNKNOWN && reserved != UNKNOWN) {
          memory -= reserved;
        }
        all.add(
            new Object[] {
              b.systemIds()[i], classes.global(b.bucket(), b.classOf()[i]), cluster, cpu, memory
            });
      }
    }
    all.sort((x, y) -> Utf8Order.compare((String) x[0], (String) y[0]));
    String[] ids = new String[all.size()];
    int[] classOf = new int[all.size()];
    String[] clusterOf = new String[all.size()];
    long[] processors = new long[all.size()];
    long[] memoryMb = new long[all.size()];
    for (int h = 0; h < ids.length; h++) {
      ids[h] = (String) all.get(h)[0];
      classOf[h] = (Integer) all.get(h)[1];
      clusterOf[h] = (String) all.get(h)[2];
      processors[h] = (Long) all.get(h)[3];
      memoryMb[h] = (Long) all.get(h)[4];
    }
    return new HostDirectory(ids, classOf, clusterOf, processors, memoryMb, classes.count());
  }

  /** A capacity the hosts table does not give (no row, or no such column). */
  public static final long UNKNOWN = -1;

  private static final int PROCESSORS =
      AttributeValidator.optionalPosition(SnapshotTable.HOSTS, ColumnContract.LOGICAL_PROCESSORS);
  private static final int MEMORY =
      AttributeValidator.optionalPosition(SnapshotTable.HOSTS, ColumnContract.MEMORY_MB);
  private static final int RESERVED =
      AttributeValidator.optionalPosition(SnapshotTable.HOSTS, ColumnContract.RESERVED_MEMORY_MB);

  private static long known(Object capacity) {
    // Validation quarantined every host with a faulty value, so a value is a Long or absent.
    return capacity instanceof Long v ? v : UNKNOWN;
  }

  /** Host {@code h}'s logical processors, or {@link #UNKNOWN}. */
  public long processorsOf(int h) {
    return processors[h];
  }

  /**
   * Host {@code h}'s memory for VMs in MB ({@code memory_mb} less {@code reserved_memory_mb}), or
   * {@link #UNKNOWN}.
   */
  public long memoryMbOf(int h) {
    return memoryMb[h];
  }

  /** How many hosts. */
  public int size() {
    return ids.length;
  }

  /** Host {@code h}'s id (hosts sorted by id). */
  public String id(int h) {
    return ids[h];
  }

  /** Every host id, sorted: read only. */
  public String[] ids() {
    return ids;
  }

  /** Host {@code h}'s class. */
  public int classOf(int h) {
    return classOf[h];
  }

  /** Host {@code h}'s cluster, or null. */
  public String clusterOf(int h) {
    return clusterOf[h];
  }

  /** The positions of the hosts of host class {@code c}, ascending (so sorted by id). */
  public int[] hostsOfClass(int c) {
    return hostsOfClass[c];
  }

  /** The position of host {@code id}, or -1 when no accepted host has it. O(log hosts). */
  public int indexOf(String id) {
    int i = Arrays.binarySearch(ids, id, Utf8Order.COMPARATOR);
    return i < 0 ? -1 : i;
  }
}
