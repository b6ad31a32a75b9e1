package org.fleetcompat.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.io.AttributeBatch;
import org.fleetcompat.io.AttributeTableReader;
import org.fleetcompat.io.InputSplit;
import org.fleetcompat.io.RowAccounting;
import org.fleetcompat.io.SnapshotInputs;
import org.fleetcompat.io.SnapshotTable;
import org.fleetcompat.io.Storage;
import org.fleetcompat.io.TableInput;
import org.fleetcompat.io.VectorBatch;
import org.fleetcompat.io.VectorTableReader;

/**
 * A snapshot read and validated by a runner: the first stages of every job that looks at the whole
 * fleet. Each side's splits are read and routed to buckets ({@link Bucketing}), each bucket
 * validated ({@link BucketValidation}); the runner keeps the buckets for the expansion stages, and
 * the class-level summaries come to the driver for the analysis ({@link #analyze}). Close it to
 * free the runner's buckets.
 */
public final class ValidatedSnapshot implements AutoCloseable {
  private final Runner runner;
  private final SnapshotInputs inputs;
  private final Runner.Buckets<SideBucket> hostBuckets;
  private final Runner.Buckets<SideBucket> vmBuckets;
  private final List<SideBucket> hosts;
  private final List<VmSummary> vms;

  private ValidatedSnapshot(
      Runner runner,
      SnapshotInputs inputs,
      Runner.Buckets<SideBucket> hostBuckets,
      Runner.Buckets<SideBucket> vmBuckets,
      List<SideBucket> hosts,
      List<VmSummary> vms) {
    this.runner = runner;
    this.inputs = inputs;
    this.hostBuckets = hostBuckets;
    this.vmBuckets = vmBuckets;
    this.hosts = hosts;
    this.vms = vms;
  }

  /**
   * Reads and validates both sides of {@code inputs} with {@code runner}.
   *
   * @param catalog the vector catalog (what the what-if drops)
   * @param assumeStopped whether running VMs are evaluated as if stopped
   */
  public static ValidatedSnapshot validate(
      Runner runner,
      Storage storage,
      SnapshotInputs inputs,
      VectorCatalog catalog,
      boolean assumeStopped) {
    Runner.Buckets<SideBucket> hostBuckets =
        partition(runner, storage, inputs, Side.HOST, catalog, false);
    Runner.Buckets<SideBucket> vmBuckets = null;
    try {
      List<SideBucket> hosts = runner.map(hostBuckets, null, (b, s, c) -> s);
      vmBuckets = partition(runner, storage, inputs, Side.VM, catalog, assumeStopped);
      List<VmSummary> vms = runner.map(vmBuckets, null, (b, s, c) -> VmSummary.of(s));
      return new ValidatedSnapshot(runner, inputs, hostBuckets, vmBuckets, hosts, vms);
    } catch (RuntimeException | Error e) {
      runner.release(hostBuckets);
      if (vmBuckets != null) {
        runner.release(vmBuckets);
      }
      throw e;
    }
  }

  private static Runner.Buckets<SideBucket> partition(
      Runner runner,
      Storage storage,
      SnapshotInputs inputs,
      Side side,
      VectorCatalog catalog,
      boolean assumeStopped) {
    TableInput vectors = inputs.required(side.vectorTable());
    Optional<TableInput> attributes = inputs.optional(side.attributeTable());
    int buckets = Bucketing.bucketCount(vectors.rowCount());
    VectorTableReader.Router router = Bucketing.router(buckets);
    List<InputSplit> splits = new ArrayList<>(vectors.splits());
    attributes.ifPresent(a -> splits.addAll(a.splits()));
    TableInput attributeInput = attributes.orElse(null);
    boolean currentHost = attributeInput != null && attributeInput.hasColumn("current_host_id");
    BucketValidation.Options options = new BucketValidation.Options(side, catalog, assumeStopped);
    Runner.SplitReader read =
        split ->
            split.table().isVectorTable()
                ? VectorTableReader.read(storage, split, router, buckets)
                : AttributeTableReader.read(storage, attributeInput, split, router, buckets);
    Runner.BucketBuilder<SideBucket> build =
        (bucket, batches) -> {
          List<VectorBatch> v = new ArrayList<>();
          List<AttributeBatch> a = new ArrayList<>();
          for (Object o : batches) {
            if (o instanceof VectorBatch vb) {
              v.add(vb);
            } else {
              a.add((AttributeBatch) o);
            }
          }
          return BucketValidation.validate(options, bucket, v, a, currentHost);
        };
    return runner.partition(splits, read, buckets, build);
  }

  /** The class-level analysis of the validated fleet (SPEC sections 6 and 7). */
  public FleetAnalysis analyze() {
    List<LocalClasses> evaluated = new ArrayList<>();
    List<LocalClasses> reported = new ArrayList<>();
    boolean whatIf = false;
    for (VmSummary s : vms) {
      evaluated.add(s.classes());
      reported.add(s.reportedClasses());
      whatIf |= s.classes() != s.reportedClasses();
    }
    return FleetAnalysis.of(hosts, evaluated, whatIf ? reported : evaluated);
  }

  /** The runner's host buckets. */
  public Runner.Buckets<SideBucket> hostBuckets() {
    return hostBuckets;
  }

  /** The runner's VM buckets. */
  public Runner.Buckets<SideBucket> vmBuckets() {
    return vmBuckets;
  }

  /** The host buckets, on the driver (the host side is small). */
  public List<SideBucket> hosts() {
    return hosts;
  }

  /** How many running VMs the what-if evaluates without running-only vectors. */
  public long vectorsDropped() {
    return vms.stream().mapToLong(VmSummary::vectorsDropped).sum();
  }

  /**
   * Where every row of every input table went, in table order: rows read from the footers, the rest
   * from the buckets.
   */
  public Map<SnapshotTable, RowAccounting> accounting() {
    Map<SnapshotTable, RowAccounting> out = new LinkedHashMap<>();
    for (SnapshotTable t : SnapshotTable.values()) {
      Optional<TableInput> input = inputs.optional(t);
      if (input.isEmpty()) {
        continue;
      }
      long accepted = 0;
      long rejected = 0;
      long duplicates = 0;
      for (RowAccounting a : bucketAccounting(t)) {
        accepted += a.rowsAccepted();
        rejected += a.rowsRejected();
        duplicates += a.duplicatesCollapsed();
      }
      out.put(t, new RowAccounting(input.get().rowCount(), accepted, rejected, duplicates));
    }
    return out;
  }

  private List<RowAccounting> bucketAccounting(SnapshotTable t) {
    List<RowAccounting> out = new ArrayList<>();
    if (t == SnapshotTable.HOST_VECTORS) {
      hosts.forEach(b -> out.add(b.vectorAccounting()));
    } else if (t == SnapshotTable.HOSTS) {
      hosts.forEach(b -> out.add(b.attributeAccounting()));
    } else if (t == SnapshotTable.VM_VECTORS) {
      vms.forEach(s -> out.add(s.vectors()));
    } else {
      vms.forEach(s -> out.add(s.attributes()));
    }
    return out;
  }

  @Override
  public void close() {
    runner.release(hostBuckets);
    runner.release(vmBuckets);
  }

  /**
   * What the driver needs of a VM bucket: its classes and counts, not its systems.
   *
   * @param classes the classes of the vectors evaluated
   * @param reportedClasses the classes as reported ({@code classes} itself without the what-if)
   * @param vectors where its vector rows went
   * @param attributes where its attribute rows went
   * @param vectorsDropped running VMs evaluated without running-only vectors
   */
  record VmSummary(
      LocalClasses classes,
      LocalClasses reportedClasses,
      RowAccounting vectors,
      RowAccounting attributes,
      long vectorsDropped)
      implements Serializable {
    static VmSummary of(SideBucket b) {
      return new VmSummary(
          b.classes(),
          b.reportedClasses(),
          b.vectorAccounting(),
          b.attributeAccounting(),
          b.vectorsDropped());
    }
  }
}
