package org.fleetcompat.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fleetcompat.core.Utf8Order;

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

  private HostDirectory(String[] ids, int[] classOf, String[] clusterOf, int hostClasses) {
    this.ids = ids;
    this.classOf = classOf;
    this.clusterOf = clusterOf;
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
        all.add(
            new Object[] {b.systemIds()[i], classes.global(b.bucket(), b.classOf()[i]), cluster});
      }
    }
    all.sort((x, y) -> Utf8Order.compare((String) x[0], (String) y[0]));
    String[] ids = new String[all.size()];
    int[] classOf = new int[all.size()];
    String[] clusterOf = new String[all.size()];
    for (int h = 0; h < ids.length; h++) {
      ids[h] = (String) all.get(h)[0];
      classOf[h] = (Integer) all.get(h)[1];
      clusterOf[h] = (String) all.get(h)[2];
    }
    return new HostDirectory(ids, classOf, clusterOf, classes.count());
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
