package org.fleetcompat.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fleetcompat.core.PairCheck;

/**
 * Chooses a VM's CPU model for its home cluster: the richest model every host of the cluster
 * supports (55%), another such model (30%), one only some of its hosts support (15%), or, for 0.6%
 * of the VMs, one no host of the fleet supports.
 */
final class CpuModelPicker {
  /** Models with fewer features (486 ... pentiumpro, qemu32) are not what a fleet runs today. */
  private static final int MIN_REALISTIC_FEATURES = 25;

  private final Map<SampleCluster, List<CpuModel>> everywhere = new LinkedHashMap<>();
  private final Map<SampleCluster, List<CpuModel>> somewhere = new LinkedHashMap<>();
  private final List<CpuModel> nowhere = new ArrayList<>();

  /**
   * Sorts the realistic models of {@code allModels} by where they run. Checks every model against
   * every host once: O(models x hosts) pair checks.
   */
  CpuModelPicker(List<SampleHost> hosts, List<SampleCluster> clusters, List<CpuModel> allModels) {
    List<CpuModel> models =
        allModels.stream().filter(m -> m.featureCount() >= MIN_REALISTIC_FEATURES).toList();
    for (SampleCluster c : clusters) {
      everywhere.put(c, new ArrayList<>());
      somewhere.put(c, new ArrayList<>());
    }
    for (CpuModel m : models) {
      boolean anyHost = false;
      for (SampleCluster c : clusters) {
        int supported = 0;
        for (int h : c.hostIndexes()) {
          supported += PairCheck.isCompatible(m.set(), hosts.get(h).set()) ? 1 : 0;
        }
        anyHost |= supported > 0;
        if (supported == c.hostIndexes().size()) {
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

  /**
   * A model for a VM of {@code home}. Falls back to what exists when a cluster has no model of the
   * wanted kind.
   */
  CpuModel pick(SampleCluster home, SplittableRandom rnd) {
    double r = rnd.nextDouble();
    List<CpuModel> all = everywhere.get(home);
    List<CpuModel> some = somewhere.get(home);
    if ((r < 0.006 || (all.isEmpty() && some.isEmpty())) && !nowhere.isEmpty()) {
      return nowhere.get(rnd.nextInt(nowhere.size()));
    }
    if (all.isEmpty() || (r >= 0.85 && !some.isEmpty())) {
      return some.get(rnd.nextInt(some.size()));
    }
    if (r < 0.55) {
      CpuModel best = all.get(0);
      for (CpuModel m : all) {
        best = m.featureCount() > best.featureCount() ? m : best;
      }
      return best;
    }
    return all.get(rnd.nextInt(all.size()));
  }

  /** Whether no host of the fleet supports {@code model}. */
  boolean noHostSupports(CpuModel model) {
    return nowhere.contains(model);
  }
}
