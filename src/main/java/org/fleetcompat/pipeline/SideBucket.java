package org.fleetcompat.pipeline;

import java.io.Serializable;
import java.util.List;
import org.fleetcompat.io.Rejection;
import org.fleetcompat.io.RowAccounting;

/**
 * One bucket of one side after validation ({@link BucketValidation}): its accepted systems sorted
 * by id (UTF-8 order), each with its local class and attributes, the rows it rejected and where
 * every row went. What a runner keeps between the analysis and the expansion; serializable, so
 * Spark can cache and recompute it.
 *
 * @param side the side
 * @param bucket the bucket number
 * @param systemIds the accepted systems, sorted
 * @param classOf per accepted system, its local class among {@code classes}
 * @param classes the bucket's classes of the vectors evaluated
 * @param reportedClassOf per accepted system, its local class among {@code reportedClasses}: the
 *     vectors as reported; the same arrays as {@code classOf} unless the cold-migration what-if
 *     changed some
 * @param reportedClasses the bucket's classes of the vectors as reported
 * @param attributes per accepted system, its accepted attribute values (the optional contract
 *     columns of the side's attribute table, in contract order), or null where it has none
 * @param vectorRejections the vector table's rejected rows
 * @param attributeRejections the attribute table's rejected rows
 * @param vectorAccounting the vector table's rows accepted, rejected and collapsed (rows read is 0:
 *     the driver takes it from the footers)
 * @param attributeAccounting the same for the attribute table
 * @param unevaluatedPlacements VM side: {@code {vm_id, host_id}} of each VM the raw {@code vms}
 *     rows place on a host where it is not counted (quarantined, without vectors, conflicting
 *     rows), sorted
 * @param vectorsDropped how many running VMs the what-if evaluates without running-only vectors
 */
public record SideBucket(
    Side side,
    int bucket,
    String[] systemIds,
    int[] classOf,
    LocalClasses classes,
    int[] reportedClassOf,
    LocalClasses reportedClasses,
    List<Object>[] attributes,
    List<Rejection> vectorRejections,
    List<Rejection> attributeRejections,
    RowAccounting vectorAccounting,
    RowAccounting attributeAccounting,
    List<String[]> unevaluatedPlacements,
    long vectorsDropped)
    implements Serializable {

  /** How many systems were accepted. */
  public int systemCount() {
    return systemIds.length;
  }

  /** Whether the what-if gave some system other vectors than reported. */
  public boolean hasWhatIf() {
    return classes != reportedClasses;
  }
}
