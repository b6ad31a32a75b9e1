package org.fleetcompat.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.Utf8Order;
import org.fleetcompat.drift.ResultDirectory;
import org.fleetcompat.io.ResultTable;
import org.fleetcompat.io.Storage;
import org.fleetcompat.io.TableFileReader;
import org.fleetcompat.pipeline.Runner;
import org.fleetcompat.plan.DrainReason;
import org.fleetcompat.plan.MaintenanceStep;

/**
 * {@code fleetcompat maintenance}: the rolling maintenance order of one cluster, as {@code run}
 * planned it into {@code maintenance_order} (one host down at a time, its VMs onto the cluster's
 * other hosts), read from a result, or from a snapshot by running the pipeline first into a
 * temporary directory.
 */
public final class MaintenanceJob {
  private MaintenanceJob() {}

  /**
   * One cluster's order.
   *
   * @param cluster the cluster
   * @param source the result or snapshot it was read from
   * @param complete whether every host of the cluster can be drained in this order
   * @param steps the hosts in order; when not complete, the stuck hosts last, each with the VM that
   *     blocks it and why
   */
  public record Plan(String cluster, String source, boolean complete, List<MaintenanceStep> steps) {

    /** The hosts drained, in order. */
    public List<String> order() {
      return steps.stream().filter(MaintenanceStep::drained).map(MaintenanceStep::hostId).toList();
    }
  }

  /**
   * The order of {@code cluster} in the result at {@code resultDir}.
   *
   * @throws FleetcompatException 32773 when the result has no {@code maintenance_order} table or no
   *     host of that cluster
   */
  public static Plan ofResult(String resultDir, String cluster) {
    Storage storage = ResultDirectory.storageFor(resultDir);
    List<Object[]> rows =
        TableFileReader.readAll(
            storage,
            storage.resolve(resultDir, ResultTable.MAINTENANCE_ORDER.tableName()),
            ResultTable.MAINTENANCE_ORDER,
            false);
    List<MaintenanceStep> steps = new ArrayList<>();
    TreeSet<String> clusters = new TreeSet<>(Utf8Order.COMPARATOR);
    for (Object[] r : rows) {
      clusters.add((String) r[0]);
      if (cluster.equals(r[0])) {
        steps.add(
            new MaintenanceStep(
                (String) r[0],
                (Integer) r[1],
                (String) r[2],
                (Boolean) r[3],
                (Integer) r[4],
                (String) r[5],
                r[6] == null ? null : DrainReason.valueOf((String) r[6])));
      }
    }
    if (steps.isEmpty()) {
      throw JobErrors.noSuchCluster(cluster, resultDir, clusters);
    }
    boolean complete = steps.stream().allMatch(MaintenanceStep::drained);
    return new Plan(cluster, resultDir, complete, List.copyOf(steps));
  }

  /**
   * The order of {@code cluster} in the snapshot at {@code snapshot}: runs the pipeline with {@code
   * runner} into a temporary directory (deleted afterwards), then reads it as {@link #ofResult}.
   */
  public static Plan ofSnapshot(Runner runner, String snapshot, String cluster) {
    Path tmp;
    try {
      tmp = Files.createTempDirectory("fleetcompat-maintenance");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary directory for the run", e);
    }
    try {
      RunResult r =
          RunJob.run(
              runner,
              new RunOptions(
                  snapshot,
                  tmp.resolve("result").toString(),
                  false,
                  org.fleetcompat.core.VectorCatalog.empty(),
                  false,
                  false));
      Plan p = ofResult(r.outDir(), cluster);
      return new Plan(p.cluster(), snapshot, p.complete(), p.steps());
    } finally {
      deleteTree(tmp);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temporary directory left behind costs disk, not correctness.
    }
  }
}
