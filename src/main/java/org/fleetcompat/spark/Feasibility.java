package org.fleetcompat.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fleetcompat.core.FitMatrix;

/**
 * Migration feasibility (SPEC sections 5 and 6): per VM, where it can go ({@code vm_summary}); per
 * host, whether every VM on it could go elsewhere ({@code host_evacuation}). Both are read from the
 * class matrix on the driver ({@link FitMatrix}), broadcast; nothing pair-sized is made.
 */
public final class Feasibility {
  private static final StructType VM_SUMMARY =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("vm_id", DataTypes.StringType, false),
              DataTypes.createStructField("vm_class", DataTypes.IntegerType, false),
              DataTypes.createStructField("enabled_state", DataTypes.IntegerType, true),
              DataTypes.createStructField("current_host_id", DataTypes.StringType, true),
              DataTypes.createStructField("compatible_hosts", DataTypes.LongType, false),
              DataTypes.createStructField("compatible_pools", DataTypes.IntegerType, false),
              DataTypes.createStructField("other_compatible_hosts", DataTypes.LongType, false),
              DataTypes.createStructField("current_host_ok", DataTypes.BooleanType, true),
              DataTypes.createStructField("stranded", DataTypes.BooleanType, false)));

  private final Broadcast<FeasibilityView> view;

  /**
   * Broadcasts what the rows are read from.
   *
   * @param poolOfHostClass the pool of each host class
   * @param hostClassOfHost the class of every evaluated host
   */
  public Feasibility(
      SparkSession spark,
      FitMatrix fits,
      int[] poolOfHostClass,
      Map<String, Integer> hostClassOfHost) {
    this.view =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .broadcast(FeasibilityView.of(fits, poolOfHostClass, hostClassOfHost));
  }

  /**
   * {@code vm_summary}, one row per evaluated VM; lazy. {@code current_host_ok} is null when the VM
   * names no current host or one that was not evaluated (unknown or quarantined). A VM is {@code
   * stranded} when no host other than its current one accepts it.
   *
   * @param vms {@code vm_id, vm_class, enabled_state, current_host_id}, one row per VM
   */
  public Dataset<Row> vmSummary(Dataset<Row> vms) {
    Broadcast<FeasibilityView> v = view;
    MapPartitionsFunction<Row, Row> summarize =
        rows -> new MappedIterator<>(rows, r -> summaryRow(v.value(), r));
    return vms.select("vm_id", "vm_class", "enabled_state", "current_host_id")
        .mapPartitions(summarize, Encoders.row(VM_SUMMARY));
  }

  /**
   * {@code host_evacuation}, one row per evaluated host: how many evaluated VMs run on it, which of
   * them have no other compatible host (they block the drain), which VMs placed on it could not be
   * evaluated there, and whether it can be drained: false when a VM blocks, null (unknown) when
   * none does but some VM on it was not evaluated, true otherwise. Capacity is not considered.
   * Lazy.
   *
   * @param vmSummary the output of {@link #vmSummary}
   * @param hosts {@code host_id, host_class, pool_id, cluster}, one row per evaluated host
   * @param unevaluated {@code vm_id, current_host_id} of the VMs the raw {@code vms} rows place on
   *     a host but that are not counted there (quarantined, without vectors, conflicting rows)
   */
  public static Dataset<Row> hostEvacuation(
      Dataset<Row> vmSummary, Dataset<Row> hosts, Dataset<Row> unevaluated) {
    Dataset<Row> perHost =
        vmSummary
            .groupBy(col("current_host_id").as("host_id"))
            .agg(
                count(lit(1)).as("vm_count"),
                sort_array(
                        collect_list(when(col("other_compatible_hosts").equalTo(0), col("vm_id"))))
                    .as("blocking_vm_ids"));
    Dataset<Row> notEvaluated =
        unevaluated
            .groupBy(col("current_host_id").as("host_id"))
            .agg(sort_array(collect_list(col("vm_id"))).as("unevaluated_vm_ids"));
    Column blocking = coalesce(col("blocking_vm_ids"), array().cast("array<string>"));
    Column unknown = coalesce(col("unevaluated_vm_ids"), array().cast("array<string>"));
    return hosts
        .join(perHost, new String[] {"host_id"}, "left")
        .join(notEvaluated, new String[] {"host_id"}, "left")
        .select(
            col("host_id"),
            col("host_class"),
            col("pool_id"),
            col("cluster"),
            coalesce(col("vm_count"), lit(0L)).as("vm_count"),
            size(blocking).as("blocking_vm_count"),
            blocking.as("blocking_vm_ids"),
            size(unknown).as("unevaluated_vm_count"),
            unknown.as("unevaluated_vm_ids"),
            when(size(blocking).gt(0), lit(false))
                .when(size(unknown).gt(0), lit(null).cast("boolean"))
                .otherwise(lit(true))
                .as("evacuable"));
  }

  /** Drops the broadcast view from the executors. */
  public void release() {
    view.destroy();
  }

  private static Row summaryRow(FeasibilityView v, Row r) {
    int vmClass = r.getInt(1);
    String current = r.isNullAt(3) ? null : r.getString(3);
    Integer currentClass = current == null ? null : v.hostClassOfHost().get(current);
    Boolean ok = currentClass == null ? null : v.fits().fits(vmClass, currentClass);
    long hosts = v.fits().compatibleHosts(vmClass);
    long others = hosts - (Boolean.TRUE.equals(ok) ? 1 : 0);
    return RowFactory.create(
        r.getString(0),
        vmClass,
        r.isNullAt(2) ? null : r.getInt(2),
        current,
        hosts,
        v.poolsByVmClass()[vmClass],
        others,
        ok,
        others == 0);
  }
}
