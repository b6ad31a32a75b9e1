package org.fleetcompat.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.core.VmState;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The cold-migration what-if (SPEC section 1, {@code run --assume-stopped}): running VMs are
 * evaluated as if shut down, without the vectors the catalog says apply only while a VM runs or is
 * saved. Only VMs the {@code vms} table says are running (enabled_state 2) change; saved VMs and
 * VMs of unknown state keep every vector.
 */
public final class ColdMigration {
  private ColdMigration() {}

  /**
   * The accepted VM systems with running VMs' vectors reduced to what a stopped VM needs; lazy.
   *
   * @param vms accepted VM systems, {@code system_id, vectors}
   * @param attributes the accepted {@code vms} rows ({@code system_id, enabled_state, ...}), or
   *     null when the snapshot has no {@code vms} table (then nothing changes)
   * @return {@code system_id, vectors, stopped BOOLEAN} (whether the VM's vectors were reduced)
   */
  public static Dataset<Row> asStopped(
      Dataset<Row> vms, Dataset<Row> attributes, VectorCatalog catalog) {
    if (attributes == null) {
      return vms.select(col("system_id"), col("vectors"), lit(false).as("stopped"));
    }
    int running = VmState.RUNNING.enabledState();
    MapFunction<Row, Row> reduce =
        r -> {
          boolean isRunning = !r.isNullAt(2) && r.getInt(2) == running;
          VectorSet asReported = VectorRows.toVectorSet(r, "vectors");
          VectorSet vectors = isRunning ? catalog.asStopped(asReported) : asReported;
          return RowFactory.create(
              r.getString(0),
              CollectionConverters.asScala(VectorRows.toRows(vectors)),
              vectors != asReported);
        };
    return vms.join(
            attributes.select("system_id", "enabled_state"), new String[] {"system_id"}, "left")
        .select("system_id", "vectors", "enabled_state")
        .map(
            reduce,
            Encoders.row(
                vms.select("system_id", "vectors")
                    .schema()
                    .add("stopped", org.apache.spark.sql.types.DataTypes.BooleanType, false)));
  }

  /**
   * {@code vm_summary} of the what-if with the as-reported answer beside it: {@code
   * compatible_hosts_as_reported} and {@code stranded_as_reported}.
   */
  public static Dataset<Row> withAsReportedSummary(Dataset<Row> whatIf, Dataset<Row> asReported) {
    return whatIf.join(
        asReported.select(
            col("vm_id"),
            col("compatible_hosts").as("compatible_hosts_as_reported"),
            col("stranded").as("stranded_as_reported")),
        new String[] {"vm_id"},
        "left");
  }

  /** {@code host_evacuation} of the what-if with {@code evacuable_as_reported} beside it. */
  public static Dataset<Row> withAsReportedEvacuation(
      Dataset<Row> whatIf, Dataset<Row> asReported) {
    return whatIf.join(
        asReported.select(col("host_id"), col("evacuable").as("evacuable_as_reported")),
        new String[] {"host_id"},
        "left");
  }

  /**
   * What evaluating running VMs as stopped gains, for the manifest: VMs evaluated as stopped, VMs
   * that fit more hosts, VMs no longer stranded, compatible pairs gained, hosts that become
   * evacuable.
   *
   * @param evaluated the output of {@link #asStopped}
   * @param vmSummary the output of {@link #withAsReportedSummary}
   * @param hostEvacuation the output of {@link #withAsReportedEvacuation}
   */
  public static Map<String, Long> gains(
      Dataset<Row> evaluated, Dataset<Row> vmSummary, Dataset<Row> hostEvacuation) {
    Row vms =
        vmSummary
            .agg(
                expr("count_if(compatible_hosts > compatible_hosts_as_reported)"),
                expr("count_if(stranded_as_reported AND NOT stranded)"),
                expr("coalesce(sum(compatible_hosts - compatible_hosts_as_reported), 0)"))
            .first();
    Row hosts =
        hostEvacuation.agg(expr("count_if(evacuable AND NOT evacuable_as_reported)")).first();
    Map<String, Long> gains = new LinkedHashMap<>();
    gains.put("running_vms_with_vectors_dropped", evaluated.filter("stopped").count());
    gains.put("vms_gaining_hosts", vms.getLong(0));
    gains.put("vms_no_longer_stranded", vms.getLong(1));
    gains.put("compatible_pairs_gained", vms.getLong(2));
    gains.put("hosts_newly_evacuable", hosts.getLong(0));
    return gains;
  }
}
