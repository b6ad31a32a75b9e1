package org.fleetcompat.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.fleetcompat.advise.ClassFleet;
import org.fleetcompat.advise.HostAdmission;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.Rejection;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotInspector;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.SnapshotTableWriter;
import org.fleetcompat.io.Storage;
import org.fleetcompat.io.WriteOptions;
import org.fleetcompat.pipeline.ClassNumbering;
import org.fleetcompat.pipeline.FleetAnalysis;
import org.fleetcompat.pipeline.HostDirectory;
import org.fleetcompat.pipeline.Runner;
import org.fleetcompat.pipeline.SideBucket;
import org.fleetcompat.pipeline.ValidatedSnapshot;

/**
 * The hosts of {@code what-if --add-hosts FILE}: the file is read and validated by the pipeline's
 * own stages, as the {@code host_vectors} of a scratch snapshot (the file linked in, no VMs), and
 * classed. Any rejected row fails the what-if: a host evaluated on part of its vectors would look
 * compatible with more VMs than it is (SPEC section 1).
 */
final class NewHosts {
  static final NewHosts NONE = new NewHosts(List.of(), new int[0], List.of());

  private final List<String> ids;
  private final int[] classOf;
  private final List<VectorSet> classes;

  private NewHosts(List<String> ids, int[] classOf, List<VectorSet> classes) {
    this.ids = ids;
    this.classOf = classOf;
    this.classes = classes;
  }

  /** The distinct vector sets of the new hosts, by class number. */
  List<VectorSet> classes() {
    return classes;
  }

  /** The new hosts as members of {@code fleet}, whose last host classes are {@link #classes()}. */
  List<HostAdmission.Added> added(ClassFleet fleet, String snapshot) {
    int offset = fleet.hostClassCount() - classes.size();
    List<HostAdmission.Added> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      if (fleet.indexOf(ids.get(i)) >= 0) {
        throw JobErrors.addedHostExists(ids.get(i), snapshot);
      }
      out.add(new HostAdmission.Added(ids.get(i), offset + classOf[i]));
    }
    return out;
  }

  /** Reads and validates {@code file}. */
  static NewHosts read(Runner runner, String file, VectorCatalog catalog) {
    Path source = Path.of(file).toAbsolutePath();
    if (!Files.isRegularFile(source)) {
      throw JobErrors.noAddHostsFile(file);
    }
    Path scratch;
    try {
      scratch = Files.createTempDirectory("fleetcompat-add-hosts-");
      Files.createSymbolicLink(scratch.resolve("host_vectors.parquet"), source);
    } catch (IOException e) {
      throw JobErrors.addHostsScratch(file, e);
    }
    try {
      SnapshotTableWriter.writeVectors(
          scratch, SnapshotTable.VM_VECTORS, List.of(), WriteOptions.defaults());
      Storage storage = runner.storage(scratch.toString());
      SnapshotInputs inputs = SnapshotInspector.inspect(storage, scratch.toString());
      try (ValidatedSnapshot validated =
          ValidatedSnapshot.validate(runner, storage, inputs, catalog, false)) {
        for (SideBucket b : validated.hosts()) {
          if (!b.vectorRejections().isEmpty()) {
            Rejection r = b.vectorRejections().get(0);
            throw JobErrors.addedHostRejected(
                file, r.systemId(), String.valueOf(r.reason()), r.message());
          }
        }
        FleetAnalysis analysis = validated.analyze();
        HostDirectory hosts = analysis.hosts();
        ClassNumbering numbering = analysis.hostClasses();
        List<String> ids = new ArrayList<>();
        int[] classOf = new int[hosts.size()];
        for (int h = 0; h < hosts.size(); h++) {
          ids.add(hosts.id(h));
          classOf[h] = hosts.classOf(h);
        }
        return new NewHosts(ids, classOf, numbering.sets());
      }
    } finally {
      deleteQuietly(scratch);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A scratch directory left in the temp dir costs disk, not correctness.
    }
  }
}
