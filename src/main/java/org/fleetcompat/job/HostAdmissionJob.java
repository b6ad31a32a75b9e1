package org.fleetcompat.job;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fleetcompat.advise.AdmissionEffect;
import org.fleetcompat.advise.ClassFleet;
import org.fleetcompat.advise.HostAdmission;
import org.fleetcompat.core.FitMatrix;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.HostClassIndex;
import org.fleetcompat.core.MatrixKernel;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotInspector;
import org.fleetcompat.io.Storage;
import org.fleetcompat.pipeline.ClassNumbering;
import org.fleetcompat.pipeline.FleetAnalysis;
import org.fleetcompat.pipeline.HostDirectory;
import org.fleetcompat.pipeline.Runner;
import org.fleetcompat.pipeline.SideBucket;
import org.fleetcompat.pipeline.ValidatedSnapshot;

/**
 * {@code what-if} (host admission): validates and classes a snapshot through the pipeline's stages
 * (distributed by the runner), counts its VMs by (class, current host) in one pass over the VM
 * buckets, and evaluates the change on classes ({@link HostAdmission}), without the per-system
 * expansion or any output.
 */
public final class HostAdmissionJob {
  private HostAdmissionJob() {}

  /**
   * The effect of adding {@code count} copies of each host of {@code like} and retiring {@code
   * retire}.
   *
   * @param like pairs {@code {host id, count}}
   * @throws FleetcompatException 32773 for an unknown host, a count below 1, or a new id that is
   *     taken
   */
  public static AdmissionEffect run(
      Runner runner,
      String snapshot,
      VectorCatalog catalog,
      List<String[]> like,
      List<String> retire) {
    return run(runner, snapshot, catalog, null, like, retire);
  }

  /**
   * As {@link #run(Runner, String, VectorCatalog, List, List)}, also adding the hosts of {@code
   * addHostsFile} (a local Parquet file with the columns of {@code host_vectors}; null for none),
   * validated by the same rules as a snapshot's.
   *
   * @throws FleetcompatException 32773 also when a row of the file is rejected or a host id of it
   *     is already in the snapshot
   */
  public static AdmissionEffect run(
      Runner runner,
      String snapshot,
      VectorCatalog catalog,
      String addHostsFile,
      List<String[]> like,
      List<String> retire) {
    NewHosts newHosts =
        addHostsFile == null ? NewHosts.NONE : NewHosts.read(runner, addHostsFile, catalog);
    Storage storage = runner.storage(snapshot);
    SnapshotInputs inputs = SnapshotInspector.inspect(storage, snapshot);
    try (ValidatedSnapshot validated =
        ValidatedSnapshot.validate(runner, storage, inputs, catalog, false)) {
      FleetAnalysis analysis = validated.analyze();
      ClassFleet fleet = fleet(runner, validated, analysis, newHosts.classes());
      List<HostAdmission.Added> added = new ArrayList<>(newHosts.added(fleet, snapshot));
      Set<String> taken = new HashSet<>();
      for (String[] l : like) {
        int h = host(fleet, l[0], snapshot, "--like");
        int count;
        try {
          count = Integer.parseInt(l[1]);
        } catch (NumberFormatException e) {
          count = 0;
        }
        if (count < 1) {
          throw JobErrors.badLikeCount(l[0], l[1]);
        }
        for (int i = 1; i <= count; i++) {
          String id = l[0] + "+" + i;
          if (fleet.indexOf(id) >= 0 || !taken.add(id)) {
            throw JobErrors.likeIdTaken(l[0], id, snapshot);
          }
          added.add(new HostAdmission.Added(id, fleet.hostClassOf(h)));
        }
      }
      BitSet retired = new BitSet();
      for (String id : retire) {
        retired.set(host(fleet, id, snapshot, "--retire"));
      }
      return HostAdmission.evaluate(fleet, added, retired);
    }
  }

  private static int host(ClassFleet fleet, String id, String snapshot, String option) {
    int h = fleet.indexOf(id);
    if (h < 0) {
      throw JobErrors.unknownHost(option, id, snapshot);
    }
    return h;
  }

  /** The class-level fleet of a validated snapshot. */
  static ClassFleet fleet(
      Runner runner,
      ValidatedSnapshot validated,
      FleetAnalysis analysis,
      List<VectorSet> newClasses) {
    ClassFleet.Builder b = ClassFleet.builder();
    HostDirectory hosts = analysis.hosts();
    int[] poolOf = analysis.pools().poolOfHostClass();
    for (int h = 0; h < hosts.size(); h++) {
      b.host(hosts.id(h), hosts.classOf(h), hosts.clusterOf(h), poolOf[hosts.classOf(h)]);
    }
    ClassNumbering hostClasses = analysis.hostClasses();
    for (int c = 0; c < hostClasses.count(); c++) {
      b.hostClass(c, hostClasses.vectors(c));
    }
    int offset = hostClasses.count();
    for (int k = 0; k < newClasses.size(); k++) {
      b.hostClass(offset + k, newClasses.get(k));
    }
    MatrixKernel kernel =
        newClasses.isEmpty() ? null : new MatrixKernel(HostClassIndex.of(newClasses));
    FitMatrix fits = analysis.fits();
    for (int v = 0; v < fits.vmClassCount(); v++) {
      BitSet row = (BitSet) fits.fits(v).clone();
      if (kernel != null) {
        BitSet extra = kernel.compatibleHostClasses(analysis.vmClasses().vectors(v));
        for (int k = extra.nextSetBit(0); k >= 0; k = extra.nextSetBit(k + 1)) {
          row.set(offset + k);
        }
      }
      b.vmClass(v, row);
    }
    List<HashMap<String, long[]>> groups =
        runner.map(validated.vmBuckets(), analysis.vmClasses(), HostAdmissionJob::groups);
    for (HashMap<String, long[]> bucket : groups) {
      bucket.forEach(
          (key, classAndCount) -> {
            String current = key.substring(key.indexOf(' ') + 1);
            b.vms((int) classAndCount[0], current.isEmpty() ? null : current, classAndCount[1]);
          });
    }
    return b.build();
  }

  /** One VM bucket's VMs counted by "class current-host" (an empty host when none). */
  private static HashMap<String, long[]> groups(
      int bucket, SideBucket vms, ClassNumbering classes) {
    HashMap<String, long[]> out = new HashMap<>();
    for (int i = 0; i < vms.systemCount(); i++) {
      int c = classes.global(bucket, vms.classOf()[i]);
      List<Object> attributes = vms.attributes()[i];
      String current = attributes == null ? null : (String) attributes.get(1);
      String key = c + " " + (current == null ? "" : current);
      out.computeIfAbsent(key, k -> new long[] {c, 0})[1]++;
    }
    return out;
  }
}
