package org.fleetcompat.job;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fleetcompat.core.FitMatrix;
import org.fleetcompat.core.ReturnCode;
import org.fleetcompat.io.FeasibilityCounts;
import org.fleetcompat.io.FleetCounts;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.ManifestWriter;
import org.fleetcompat.io.OutputErrors;
import org.fleetcompat.io.ResultChecksums;
import org.fleetcompat.io.ResultFormat;
import org.fleetcompat.io.ResultPublisher;
import org.fleetcompat.io.ResultTable;
import org.fleetcompat.io.RowAccounting;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotInspector;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.Storage;
import org.fleetcompat.io.TableInput;
import org.fleetcompat.io.WhatIfGains;
import org.fleetcompat.pipeline.DriverTables;
import org.fleetcompat.pipeline.FleetAnalysis;
import org.fleetcompat.pipeline.HostExpansion;
import org.fleetcompat.pipeline.HostLoads;
import org.fleetcompat.pipeline.PartOutput;
import org.fleetcompat.pipeline.PhaseTimer;
import org.fleetcompat.pipeline.Runner;
import org.fleetcompat.pipeline.ValidatedSnapshot;
import org.fleetcompat.pipeline.VmExpansion;
import org.fleetcompat.pipeline.WrittenPart;
import org.fleetcompat.report.ReportWriter;

/**
 * The nightly pipeline behind {@code fleetcompat run} (SPEC sections 4, 5, 8), written once against
 * the stages and run by whichever {@link Runner} it is given: check the snapshot's schemas, read
 * and validate both sides, analyze at class level, expand every system's rows into the result
 * tables in a staging directory, write the class-level tables and the manifest, publish atomically.
 *
 * <p>Schema errors stop the job before any work, with status 32773 or 32776 and nothing published;
 * so does an {@code --out} that cannot be published to. Any failure leaves the previous result at
 * {@code --out} as it was.
 */
public final class RunJob {
  /** The report's file name inside a result. */
  public static final String REPORT_FILE = "report.html";

  private RunJob() {}

  /** Runs the pipeline; returns once the result is published. Not safe to run twice at once. */
  public static RunResult run(Runner runner, RunOptions options) {
    return run(runner, options, new PhaseTimer());
  }

  /** As {@link #run(Runner, RunOptions)}, timing phases with {@code timer}. */
  public static RunResult run(Runner runner, RunOptions options, PhaseTimer timer) {
    return run(runner, options, timer, BeforePublish.NOTHING);
  }

  /**
   * As {@link #run(Runner, RunOptions, PhaseTimer)}, letting {@code beforePublish} add files to the
   * result after the manifest and before the publish.
   */
  public static RunResult run(
      Runner runner, RunOptions options, PhaseTimer timer, BeforePublish beforePublish) {
    Storage storage = runner.storage(options.snapshot());
    String startedAt = Instant.now().toString();
    SnapshotInputs inputs =
        timer.time(
            "inspect",
            () -> SnapshotInspector.inspect(storage, options.snapshot()),
            RunJob::inspected);
    WhatIfInputs.require(options, inputs);
    Storage outStorage = runner.storage(options.out());
    requireOutsideSnapshot(outStorage, options);
    ResultPublisher publisher = ResultPublisher.prepare(outStorage, options.out());
    try {
      Manifest manifest =
          writeInto(runner, storage, inputs, options, timer, publisher.stagingDir(), startedAt);
      ManifestWriter.write(manifest, outStorage, publisher.stagingDir());
      if (options.writeReport()) {
        timer.time(
            "report",
            () ->
                ReportWriter.write(
                    outStorage,
                    publisher.stagingDir(),
                    null,
                    outStorage.resolve(publisher.stagingDir(), REPORT_FILE)));
      }
      beforePublish.write(outStorage, publisher.stagingDir(), manifest);
      publisher.publish();
      return new RunResult(publisher.outDir(), manifest);
    } catch (IOException e) {
      publisher.abandon();
      throw OutputErrors.cannotPublish(options.out(), e);
    } catch (Throwable e) {
      // Throwable, not RuntimeException: Spark's job failures are checked exceptions thrown
      // undeclared through Scala, and they left the staging directory behind.
      publisher.abandon();
      throw e;
    }
  }

  private static void requireOutsideSnapshot(Storage outStorage, RunOptions options) {
    String out = trimSlashes(outStorage.qualify(options.out()));
    String snapshot = trimSlashes(outStorage.qualify(options.snapshot()));
    if (out.equals(snapshot) || out.startsWith(snapshot + "/")) {
      throw OutputErrors.insideSnapshot(options.out(), options.snapshot());
    }
  }

  private static String trimSlashes(String path) {
    return path.replaceAll("/+$", "");
  }

  private static Manifest writeInto(
      Runner runner,
      Storage storage,
      SnapshotInputs inputs,
      RunOptions options,
      PhaseTimer timer,
      String staging,
      String startedAt) {
    PartOutput output =
        new PartOutput(
            runner.storage(options.out()), staging, options.assumeStopped(), options.format());
    try (ValidatedSnapshot snapshot =
        timer.time(
            "validate",
            () ->
                ValidatedSnapshot.validate(
                    runner, storage, inputs, options.catalog(), options.assumeStopped()),
            RunJob::validated)) {
      FleetAnalysis analysis = timer.time("analyze", snapshot::analyze, RunJob::analyzed);
      List<WrittenPart> parts = new ArrayList<>();
      ExpansionProgress progress = new ExpansionProgress(timer, analysis, options.writePairs());
      List<VmExpansion.Result> vmResults =
          timer.time(
              "expand",
              () ->
                  runner.map(
                      progress.started(snapshot.vmBuckets()),
                      VmExpansion.Context.of(analysis, output, options.writePairs()),
                      VmExpansion::expand,
                      (bucket, r) -> progress.finished(r.parts())),
              r -> progress.counts());
      HostLoads loads = new HostLoads();
      FeasibilityCounts feasibility = FeasibilityCounts.ZERO;
      WhatIfGains gains = WhatIfGains.ZERO;
      for (VmExpansion.Result r : vmResults) {
        parts.addAll(r.parts());
        loads.merge(r.loads());
        feasibility = feasibility.plus(r.feasibility());
        gains = gains.plus(r.gains());
      }
      HostExpansion.Context hostContext =
          new HostExpansion.Context(
              output,
              analysis.hostClasses(),
              analysis.pools().poolOfHostClass(),
              loads.sorted(),
              analysis.isWhatIf());
      List<HostExpansion.Result> hostResults =
          timer.time(
              "expand",
              () -> runner.map(snapshot.hostBuckets(), hostContext, HostExpansion::expand),
              results -> List.of(new PhaseTimer.Count(analysis.hosts().size(), "hosts written")));
      long newlyEvacuable = 0;
      for (HostExpansion.Result r : hostResults) {
        parts.addAll(r.parts());
        feasibility = feasibility.plus(r.feasibility());
        newlyEvacuable += r.hostsNewlyEvacuable();
      }
      feasibility =
          feasibility.plus(
              new FeasibilityCounts(analysis.pools().poolCount(), 0, 0, 0, 0, 0, 0, 0));
      gains = gains.plus(new WhatIfGains(0, 0, 0, 0, newlyEvacuable));
      PlanTables plans = new PlanTables(analysis, loads, PlanTables.capacityOf(inputs));
      parts.addAll(
          timer.time(
              "plan",
              () ->
                  List.of(
                      output.writeAll(ResultTable.DRAIN_PLANS, plans.drainPlans()),
                      output.writeAll(ResultTable.POOL_HEADROOM, plans.poolHeadroom()),
                      output.writeAll(ResultTable.MAINTENANCE_ORDER, plans.maintenanceOrder())),
              written -> List.of(new PhaseTimer.Count(written.get(0).rows(), "VMs planned"))));
      parts.addAll(
          timer.time(
              "write",
              () -> writeClassTables(analysis, options, output),
              written -> List.of(new PhaseTimer.Count(written.size(), "class-level tables"))));
      parts.addAll(emptyTables(parts, options, output));
      return manifest(
          runner,
          inputs,
          options,
          snapshot.accounting(),
          checksummed(output.storage(), staging, outputs(parts, staging, options.format())),
          fleet(analysis),
          feasibility,
          analysis.isWhatIf() || options.assumeStopped() ? gains : null,
          timer,
          startedAt);
    }
  }

  private static List<PhaseTimer.Count> inspected(SnapshotInputs inputs) {
    List<PhaseTimer.Count> counts = new ArrayList<>();
    for (TableInput t : inputs.tables().values()) {
      counts.add(new PhaseTimer.Count(t.rowCount(), t.table().tableName() + " rows"));
    }
    return counts;
  }

  private static List<PhaseTimer.Count> validated(ValidatedSnapshot snapshot) {
    long accepted = 0;
    long rejected = 0;
    for (RowAccounting a : snapshot.accounting().values()) {
      accepted += a.rowsAccepted();
      rejected += a.rowsRejected();
    }
    return List.of(
        new PhaseTimer.Count(accepted, "rows accepted"),
        new PhaseTimer.Count(rejected, "rows rejected"));
  }

  private static List<PhaseTimer.Count> analyzed(FleetAnalysis a) {
    return List.of(
        new PhaseTimer.Count(a.fits().vmClassCount(), "VM classes"),
        new PhaseTimer.Count(a.fits().hostClassCount(), "host classes"),
        new PhaseTimer.Count(a.pools().poolCount(), "pools"),
        new PhaseTimer.Count(a.fits().compatiblePairs(), "compatible pairs"));
  }

  /**
   * The expansion's progress as buckets finish: in pairs written with {@code --pairs} (the long
   * part), else in VMs. Thread safe.
   */
  private static final class ExpansionProgress {
    private final PhaseTimer timer;
    private final String unit;
    private final String table;
    private final long total;
    private long done;

    ExpansionProgress(PhaseTimer timer, FleetAnalysis analysis, boolean pairs) {
      this.timer = timer;
      this.unit = pairs ? "pairs" : "VMs";
      this.table = (pairs ? ResultTable.COMPATIBLE_PAIRS : ResultTable.VM_SUMMARY).tableName();
      long vms = 0;
      for (int c = 0; c < analysis.fits().vmClassCount(); c++) {
        vms += analysis.fits().vmClassSize(c);
      }
      this.total = pairs ? analysis.fits().compatiblePairs() : vms;
    }

    /** Shows the empty bar as the stage starts; returns {@code buckets}. */
    <B> B started(B buckets) {
      timer.advance("expand", 0, total, unit);
      return buckets;
    }

    synchronized void finished(List<WrittenPart> parts) {
      for (WrittenPart p : parts) {
        if (p.table().equals(table)) {
          done += p.rows();
        }
      }
      timer.advance("expand", done, total, unit);
    }

    synchronized List<PhaseTimer.Count> counts() {
      return List.of(new PhaseTimer.Count(done, unit + " written"));
    }
  }

  private static List<WrittenPart> writeClassTables(
      FleetAnalysis analysis, RunOptions options, PartOutput output) {
    DriverTables tables = new DriverTables(analysis, options.catalog());
    List<WrittenPart> parts = new ArrayList<>();
    parts.add(output.writeAll(ResultTable.POOLS, tables.pools()));
    parts.add(output.writeAll(ResultTable.POOL_EDGES, tables.poolEdges()));
    parts.add(output.writeAll(ResultTable.BLOCKERS, tables.blockers()));
    parts.add(output.writeAll(ResultTable.BLOCKERS_BY_POOL, tables.blockersByPool()));
    parts.add(
        output.writeAll(ResultTable.VM_CLASS_VECTORS, tables.classVectors(analysis.vmClasses())));
    parts.add(
        output.writeAll(
            ResultTable.HOST_CLASS_VECTORS, tables.classVectors(analysis.hostClasses())));
    return parts;
  }

  /** An empty part file for every table of the run that got none: readers need its schema. */
  private static List<WrittenPart> emptyTables(
      List<WrittenPart> parts, RunOptions options, PartOutput output) {
    List<WrittenPart> out = new ArrayList<>();
    for (ResultTable t : ResultTable.values()) {
      if (t == ResultTable.COMPATIBLE_PAIRS && !options.writePairs()) {
        continue;
      }
      boolean any = parts.stream().anyMatch(p -> p.table().equals(t.tableName()));
      if (!any) {
        out.add(output.empty(t));
      }
    }
    return out;
  }

  private static Map<String, Manifest.OutputTable> outputs(
      List<WrittenPart> parts, String staging, ResultFormat format) {
    Map<String, List<Manifest.OutputFile>> files = new LinkedHashMap<>();
    for (ResultTable t : ResultTable.values()) {
      files.put(t.tableName(), new ArrayList<>());
    }
    for (WrittenPart p : parts) {
      String relative = p.file().substring(staging.length()).replaceFirst("^/+", "");
      files.get(p.table()).add(new Manifest.OutputFile(relative, p.rows()));
    }
    Map<String, Manifest.OutputTable> out = new LinkedHashMap<>();
    files.forEach(
        (table, list) -> {
          if (!list.isEmpty()) {
            list.sort((a, b) -> a.path().compareTo(b.path()));
            long rows = list.stream().mapToLong(Manifest.OutputFile::rows).sum();
            List<Manifest.OutputFile> arrow = new ArrayList<>();
            if (format.writesArrow()) {
              for (Manifest.OutputFile f : list) {
                arrow.add(new Manifest.OutputFile(ResultFormat.arrowPath(f.path()), f.rows()));
              }
            }
            out.put(table, new Manifest.OutputTable(rows, List.copyOf(list), arrow));
          }
        });
    return out;
  }

  private static Map<String, Manifest.OutputTable> checksummed(
      Storage storage, String staging, Map<String, Manifest.OutputTable> outputs) {
    try {
      return ResultChecksums.fill(storage, staging, outputs);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static FleetCounts fleet(FleetAnalysis analysis) {
    FitMatrix fits = analysis.fits();
    long vms = 0;
    for (int c = 0; c < fits.vmClassCount(); c++) {
      vms += fits.vmClassSize(c);
    }
    return new FleetCounts(
        vms,
        analysis.hosts().size(),
        fits.vmClassCount(),
        fits.hostClassCount(),
        fits.compatiblePairs(),
        fits.vmsWithACompatibleHost());
  }

  private static Manifest manifest(
      Runner runner,
      SnapshotInputs inputs,
      RunOptions options,
      Map<SnapshotTable, RowAccounting> accounting,
      Map<String, Manifest.OutputTable> outputs,
      FleetCounts fleet,
      FeasibilityCounts feasibility,
      WhatIfGains whatIf,
      PhaseTimer timer,
      String startedAt) {
    Map<String, Manifest.InputTable> inputTables = new LinkedHashMap<>();
    accounting.forEach(
        (table, a) ->
            inputTables.put(
                table.tableName(),
                Manifest.InputTable.of(
                    inputs.required(table).files(), a, inputs.required(table).ignoredColumns())));
    Map<String, String> where = new TreeMap<>(runner.describe());
    return new Manifest(
        Manifest.FORMAT_VERSION,
        EngineVersion.current(),
        runner.name(),
        where.get("master"),
        where.get("spark_version"),
        ReturnCode.COMPLETED.code(),
        ReturnCode.COMPLETED.description(),
        inputs.snapshot(),
        startedAt,
        new Manifest.Options(
            options.writePairs(),
            options.assumeStopped(),
            options.catalog().entries().size(),
            options.format().optionName()),
        inputTables,
        outputs,
        fleet,
        feasibility,
        whatIf,
        timer.millis());
  }
}
