package org.fleetcompat.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fleetcompat.core.Utf8Order;
import org.fleetcompat.core.VectorSet;

/**
 * The fleet's classes of one side, merged from every bucket's {@link LocalClasses}: numbered from 0
 * in the order of each class's smallest system id (UTF-8 order), so an unchanged snapshot gets the
 * same numbers every night whatever the buckets, threads or executors. Immutable; serializable
 * (tasks translate their local classes with {@link #global}).
 */
public final class ClassNumbering implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<VectorSet> sets;
  private final long[] sizes;
  private final String[] firstMembers;
  private final int[][] remap;

  private ClassNumbering(List<VectorSet> sets, long[] sizes, String[] firstMembers, int[][] remap) {
    this.sets = sets;
    this.sizes = sizes;
    this.firstMembers = firstMembers;
    this.remap = remap;
  }

  /** Merges the buckets' classes, {@code perBucket.get(b)} being bucket b's. */
  public static ClassNumbering of(List<LocalClasses> perBucket) {
    Map<VectorSet, Merged> merged = new HashMap<>();
    List<Merged> order = new ArrayList<>();
    for (LocalClasses local : perBucket) {
      for (int c = 0; c < local.size(); c++) {
        Merged m = merged.get(local.vectors(c));
        if (m == null) {
          m = new Merged(local.vectors(c), local.firstMember(c));
          merged.put(m.set, m);
          order.add(m);
        } else if (Utf8Order.compare(local.firstMember(c), m.first) < 0) {
          m.first = local.firstMember(c);
        }
        m.size += local.count(c);
      }
    }
    order.sort((a, b) -> Utf8Order.compare(a.first, b.first));
    List<VectorSet> sets = new ArrayList<>(order.size());
    long[] sizes = new long[order.size()];
    String[] firsts = new String[order.size()];
    for (int g = 0; g < order.size(); g++) {
      Merged m = order.get(g);
      m.global = g;
      sets.add(m.set);
      sizes[g] = m.size;
      firsts[g] = m.first;
    }
    int[][] remap = new int[perBucket.size()][];
    for (int b = 0; b < perBucket.size(); b++) {
      LocalClasses local = perBucket.get(b);
      remap[b] = new int[local.size()];
      for (int c = 0; c < local.size(); c++) {
        remap[b][c] = merged.get(local.vectors(c)).global;
      }
    }
    return new ClassNumbering(List.copyOf(sets), sizes, firsts, remap);
  }

  /** How many classes. */
  public int count() {
    return sets.size();
  }

  /** The vectors of class {@code c}. */
  public VectorSet vectors(int c) {
    return sets.get(c);
  }

  /** Every class's vectors, by class number. */
  public List<VectorSet> sets() {
    return sets;
  }

  /** How many systems class {@code c} has. */
  public long size(int c) {
    return sizes[c];
  }

  /** Every class's size, by class number: a new array. */
  public long[] sizes() {
    return sizes.clone();
  }

  /** The smallest system id of class {@code c}. */
  public String firstMember(int c) {
    return firstMembers[c];
  }

  /** The class number of bucket {@code bucket}'s local class {@code local}. */
  public int global(int bucket, int local) {
    return remap[bucket][local];
  }

  /** Whether bucket {@code bucket}'s local class {@code local} holds its class's smallest id. */
  public boolean owns(int bucket, int local, String localFirstMember) {
    return firstMembers[global(bucket, local)].equals(localFirstMember);
  }

  private static final class Merged {
    final VectorSet set;
    String first;
    long size;
    int global;

    Merged(VectorSet set, String first) {
      this.set = set;
      this.first = first;
    }
  }
}
