package org.fleetcompat.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.fleetcompat.core.Utf8Order;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.core.VmState;
import org.fleetcompat.io.AttributeBatch;
import org.fleetcompat.io.AttributeRow;
import org.fleetcompat.io.AttributeValidator;
import org.fleetcompat.io.AttributeVerdict;
import org.fleetcompat.io.ColumnContract;
import org.fleetcompat.io.LoadedVectorRow;
import org.fleetcompat.io.RejectReason;
import org.fleetcompat.io.Rejection;
import org.fleetcompat.io.RowAccounting;
import org.fleetcompat.io.SystemRowBuffer;
import org.fleetcompat.io.SystemValidator;
import org.fleetcompat.io.SystemVerdict;
import org.fleetcompat.io.VectorBatch;

/**
 * The validation stage (SPEC section 4) for one bucket of one side: every row of the bucket's
 * systems is here, from every split, so each system is kept or quarantined whole by io's rules
 * ({@link SystemRowBuffer}, {@link SystemValidator}, {@link AttributeValidator}), its attribute
 * rows judged beside it, and the kept systems grouped into local classes. Runs the same inside a
 * local thread and a Spark task.
 *
 * <p>Rows are gathered by system with a counting sort over primitive arrays; only the rows of
 * quarantined systems become objects, and a vector set is made once per class, not per system. Cost
 * O(rows + systems log systems).
 */
public final class BucketValidation {
  private BucketValidation() {}

  /**
   * What the stage needs besides the rows.
   *
   * @param side the side
   * @param catalog the vector catalog (what the what-if drops)
   * @param assumeStopped whether running VMs are evaluated as if stopped (VM side only)
   */
  public record Options(Side side, VectorCatalog catalog, boolean assumeStopped)
      implements java.io.Serializable {}

  /**
   * Validates one bucket.
   *
   * @param bucket the bucket number
   * @param vectors the bucket's batches of the side's vector table, any order
   * @param attributes the bucket's batches of the side's attribute table, any order
   * @param currentHostColumn whether the VM side's {@code vms} table has {@code current_host_id}
   */
  public static SideBucket validate(
      Options options,
      int bucket,
      List<VectorBatch> vectors,
      List<AttributeBatch> attributes,
      boolean currentHostColumn) {
    List<VectorBatch> batches = new ArrayList<>(vectors);
    batches.sort(Comparator.comparingInt(VectorBatch::splitIndex));
    Systems systems = Systems.of(batches);
    boolean whatIf = options.assumeStopped() && options.side() == Side.VM;
    SystemRowBuffer buffer = new SystemRowBuffer();
    LocalClasses classes = new LocalClasses();
    boolean[] kept = new boolean[systems.count()];
    int[] classOfSystem = new int[systems.count()];
    VectorSet[] reportedOfSystem = whatIf ? new VectorSet[systems.count()] : null;
    int keptCount = 0;
    List<Rejection> vectorRejections = new ArrayList<>();
    long acceptedRows = 0;
    long rejectedRows = 0;
    long duplicates = 0;
    Map<String, String> badCapacity = capacityFaults(options.side(), attributes);
    for (int s = 0; s < systems.count(); s++) {
      String id = systems.id(s);
      String capacityFault = badCapacity.get(id);
      if (capacityFault != null) {
        for (LoadedVectorRow r : systems.loadedRows(s, batches)) {
          vectorRejections.add(
              new Rejection(id, RejectReason.INVALID_CAPACITY, capacityFault, r.row(), r.file()));
        }
        rejectedRows += systems.end(s) - systems.start(s);
        continue;
      }
      buffer.clear();
      for (int k = systems.start(s); k < systems.end(s); k++) {
        VectorBatch b = batches.get(systems.batchOf(k));
        int r = systems.rowOf(k);
        if (b.fault(r) != null) {
          buffer.addFaulty();
        } else {
          buffer.add(b.vectorId(r), b.operation(r), b.value(r));
        }
      }
      if (buffer.screen()) {
        kept[s] = true;
        keptCount++;
        if (whatIf) {
          reportedOfSystem[s] = buffer.toVectorSet();
        } else {
          classOfSystem[s] = classes.add(buffer, id);
        }
        acceptedRows += buffer.vectorCount();
        duplicates += buffer.duplicatesCollapsed();
      } else {
        SystemVerdict v = SystemValidator.validate(id, systems.loadedRows(s, batches));
        vectorRejections.addAll(v.rejections());
        rejectedRows += v.rejections().size();
      }
    }
    if (systems.orphanCount() > 0) {
      SystemVerdict v = SystemValidator.validate(null, systems.orphanRows(batches));
      vectorRejections.addAll(v.rejections());
      rejectedRows += v.rejections().size();
    }

    Attributes attrs = Attributes.judge(options.side(), attributes, id -> systems.kept(id, kept));
    int[] order = systems.keptInIdOrder(kept, keptCount);
    String[] ids = new String[keptCount];
    int[] classOf = new int[keptCount];
    @SuppressWarnings("unchecked")
    List<Object>[] attributeValues = new List[keptCount];
    for (int i = 0; i < keptCount; i++) {
      ids[i] = systems.id(order[i]);
      classOf[i] = classOfSystem[order[i]];
      attributeValues[i] = attrs.values().get(ids[i]);
    }
    LocalClasses reportedClasses = classes;
    int[] reportedClassOf = classOf;
    long dropped = 0;
    if (whatIf) {
      reportedClasses = new LocalClasses();
      reportedClassOf = new int[keptCount];
      for (int i = 0; i < keptCount; i++) {
        VectorSet reported = reportedOfSystem[order[i]];
        reportedClassOf[i] = reportedClasses.add(reported, ids[i]);
        VectorSet evaluated = reported;
        if (isRunning(attributeValues[i])) {
          evaluated = options.catalog().asStopped(reported);
          dropped += evaluated == reported ? 0 : 1;
        }
        classOf[i] = classes.add(evaluated, ids[i]);
      }
    }
    List<String[]> unevaluated =
        options.side() == Side.VM && currentHostColumn
            ? unevaluatedPlacements(attributes, ids, attributeValues)
            : List.of();
    return new SideBucket(
        options.side(),
        bucket,
        ids,
        classOf,
        classes,
        reportedClassOf,
        reportedClasses,
        attributeValues,
        List.copyOf(vectorRejections),
        attrs.rejections(),
        new RowAccounting(0, acceptedRows, rejectedRows, duplicates),
        attrs.accounting(),
        unevaluated,
        dropped);
  }

  /**
   * Per system whose {@code hosts} or {@code vms} rows carry an unusable capacity, why: its vector
   * rows are quarantined with them (SPEC section 4: a system is never evaluated half-known).
   */
  private static Map<String, String> capacityFaults(Side side, List<AttributeBatch> batches) {
    List<AttributeBatch> sorted = new ArrayList<>(batches);
    sorted.sort(Comparator.comparingInt(AttributeBatch::splitIndex));
    Map<String, String> faults = new HashMap<>();
    for (AttributeBatch b : sorted) {
      for (AttributeBatch.Row r : b.rows()) {
        if (r.systemId() != null && !faults.containsKey(r.systemId())) {
          String fault =
              AttributeValidator.capacityFault(
                  side.attributeTable(), r.systemId(), List.of(r.values()));
          if (fault != null) {
            faults.put(r.systemId(), fault);
          }
        }
      }
    }
    return faults;
  }

  /** The position of {@code enabled_state} among the vms table's optional columns. */
  private static final int ENABLED_STATE = 0;

  /** The position of {@code current_host_id} among the vms table's optional columns. */
  private static final int CURRENT_HOST = 1;

  private static boolean isRunning(List<Object> vmAttributes) {
    return vmAttributes != null
        && Objects.equals(vmAttributes.get(ENABLED_STATE), VmState.RUNNING.enabledState());
  }

  /**
   * The raw {@code vms} rows' (vm_id, current_host_id) placements, both not null and distinct, that
   * the accepted VMs do not account for: a host running one cannot be called drainable.
   */
  private static List<String[]> unevaluatedPlacements(
      List<AttributeBatch> batches, String[] ids, List<Object>[] values) {
    Map<String, String> counted = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (values[i] != null && values[i].get(CURRENT_HOST) != null) {
        counted.put(ids[i], (String) values[i].get(CURRENT_HOST));
      }
    }
    TreeSet<String[]> out =
        new TreeSet<>(
            Comparator.<String[], String>comparing(p -> p[0], Utf8Order.COMPARATOR)
                .thenComparing(p -> p[1], Utf8Order.COMPARATOR));
    for (AttributeBatch b : batches) {
      for (AttributeBatch.Row r : b.rows()) {
        Object host = r.values().get(CURRENT_HOST);
        if (r.systemId() != null && host != null && !host.equals(counted.get(r.systemId()))) {
          out.add(new String[] {r.systemId(), (String) host});
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * The bucket's rows gathered by system: a counting sort of (batch, row) references, so each
   * system's rows lie next to each other. Rows that name no system are kept apart.
   */
  private static final class Systems {
    private final Map<String, Integer> index;
    private final String[] ids;
    private final int[] starts;
    private final long[] refs;
    private final long[] orphans;

    private Systems(
        Map<String, Integer> index, String[] ids, int[] starts, long[] refs, long[] orphans) {
      this.index = index;
      this.ids = ids;
      this.starts = starts;
      this.refs = refs;
      this.orphans = orphans;
    }

    static Systems of(List<VectorBatch> batches) {
      int named = 0;
      for (VectorBatch b : batches) {
        named += b.systemIds().length;
      }
      Map<String, Integer> index = new HashMap<>(named + named / 3 + 1);
      List<String> ids = new ArrayList<>(named);
      int[][] systemOfBatchId = new int[batches.size()][];
      for (int b = 0; b < batches.size(); b++) {
        String[] local = batches.get(b).systemIds();
        int[] map = new int[local.length];
        for (int i = 0; i < local.length; i++) {
          Integer s = index.get(local[i]);
          if (s == null) {
            s = ids.size();
            index.put(local[i], s);
            ids.add(local[i]);
          }
          map[i] = s;
        }
        systemOfBatchId[b] = map;
      }
      int[] counts = new int[ids.size() + 1];
      int orphanCount = 0;
      for (int b = 0; b < batches.size(); b++) {
        VectorBatch batch = batches.get(b);
        for (int r = 0; r < batch.size(); r++) {
          int local = batch.systemOf(r);
          if (local < 0) {
            orphanCount++;
          } else {
            counts[systemOfBatchId[b][local] + 1]++;
          }
        }
      }
      for (int s = 0; s < ids.size(); s++) {
        counts[s + 1] += counts[s];
      }
      int[] starts = counts.clone();
      int[] fill = Arrays.copyOf(counts, ids.size());
      long[] refs = new long[counts[ids.size()]];
      long[] orphans = new long[orphanCount];
      int o = 0;
      for (int b = 0; b < batches.size(); b++) {
        VectorBatch batch = batches.get(b);
        for (int r = 0; r < batch.size(); r++) {
          int local = batch.systemOf(r);
          long ref = ((long) b << 32) | r;
          if (local < 0) {
            orphans[o++] = ref;
          } else {
            refs[fill[systemOfBatchId[b][local]]++] = ref;
          }
        }
      }
      return new Systems(index, ids.toArray(String[]::new), starts, refs, orphans);
    }

    /** Whether system {@code id} was kept, per {@code kept} by system; null when it has no rows. */
    Boolean kept(String id, boolean[] kept) {
      Integer s = index.get(id);
      return s == null ? null : kept[s];
    }

    /** The kept systems, {@code count} of them, as system numbers sorted by id. */
    int[] keptInIdOrder(boolean[] kept, int count) {
      int[] order = new int[count];
      int o = 0;
      for (int s = 0; s < ids.length; s++) {
        if (kept[s]) {
          order[o++] = s;
        }
      }
      IdSort.sort(ids, order);
      return order;
    }

    int count() {
      return ids.length;
    }

    String id(int s) {
      return ids[s];
    }

    int start(int s) {
      return starts[s];
    }

    int end(int s) {
      return starts[s + 1];
    }

    int batchOf(int k) {
      return (int) (refs[k] >>> 32);
    }

    int rowOf(int k) {
      return (int) refs[k];
    }

    int orphanCount() {
      return orphans.length;
    }

    List<LoadedVectorRow> loadedRows(int s, List<VectorBatch> batches) {
      List<LoadedVectorRow> rows = new ArrayList<>(end(s) - start(s));
      for (int k = start(s); k < end(s); k++) {
        rows.add(loaded(ids[s], batches.get(batchOf(k)), rowOf(k)));
      }
      return rows;
    }

    List<LoadedVectorRow> orphanRows(List<VectorBatch> batches) {
      List<LoadedVectorRow> rows = new ArrayList<>(orphans.length);
      for (long ref : orphans) {
        rows.add(loaded(null, batches.get((int) (ref >>> 32)), (int) ref));
      }
      return rows;
    }

    private static LoadedVectorRow loaded(String id, VectorBatch b, int r) {
      RejectReason fault = b.fault(r);
      return new LoadedVectorRow(
          id,
          fault == null ? b.vectorId(r) : 0,
          fault == null ? b.operation(r) : 0,
          fault == null ? b.value(r) : 0,
          fault,
          b.faultMessage(r),
          b.rowText(r),
          b.file());
    }
  }

  /**
   * The bucket's attribute rows judged per system with the verdict of its vectors.
   *
   * @param values per system whose attribute rows were accepted, their values
   * @param rejections the rejected attribute rows
   * @param accounting where the attribute rows went
   */
  private record Attributes(
      Map<String, List<Object>> values, List<Rejection> rejections, RowAccounting accounting) {

    static Attributes judge(
        Side side, List<AttributeBatch> batches, Function<String, Boolean> vectorStatus) {
      List<AttributeBatch> sorted = new ArrayList<>(batches);
      sorted.sort(Comparator.comparingInt(AttributeBatch::splitIndex));
      Map<String, List<AttributeRow>> bySystem = new LinkedHashMap<>();
      List<AttributeRow> orphans = new ArrayList<>();
      for (AttributeBatch b : sorted) {
        for (AttributeBatch.Row r : b.rows()) {
          Boolean s = r.systemId() == null ? null : vectorStatus.apply(r.systemId());
          AttributeRow.VectorStatus vs =
              s == null
                  ? AttributeRow.VectorStatus.ABSENT
                  : s ? AttributeRow.VectorStatus.ACCEPTED : AttributeRow.VectorStatus.QUARANTINED;
          AttributeRow row = new AttributeRow(r.systemId(), r.values(), vs, r.text(), b.file());
          if (r.systemId() == null) {
            orphans.add(row);
          } else {
            bySystem.computeIfAbsent(r.systemId(), k -> new ArrayList<>()).add(row);
          }
        }
      }
      Map<String, List<Object>> values = new HashMap<>();
      List<Rejection> rejections = new ArrayList<>();
      long accepted = 0;
      long duplicates = 0;
      List<Map.Entry<String, List<AttributeRow>>> groups = new ArrayList<>(bySystem.entrySet());
      if (!orphans.isEmpty()) {
        groups.add(new java.util.AbstractMap.SimpleEntry<>(null, orphans));
      }
      for (Map.Entry<String, List<AttributeRow>> g : groups) {
        AttributeVerdict v =
            AttributeValidator.validate(side.attributeTable(), g.getKey(), g.getValue());
        if (v.isAccepted()) {
          values.put(g.getKey(), v.values());
          accepted++;
          duplicates += v.duplicatesCollapsed();
        }
        rejections.addAll(v.rejections());
      }
      return new Attributes(
          values,
          List.copyOf(rejections),
          new RowAccounting(0, accepted, rejections.size(), duplicates));
    }
  }

  /** The optional columns of a side's attribute table, in contract order. */
  static List<String> attributeColumns(Side side) {
    return ColumnContract.columns(side.attributeTable()).stream()
        .filter(c -> !c.required())
        .map(ColumnContract.Column::name)
        .toList();
  }
}
