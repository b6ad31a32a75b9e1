package org.fleetcompat.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.fleetcompat.core.VectorSet;

/**
 * The host classes collected to the driver: small (thousands of classes) and broadcast to every
 * task. Immutable.
 *
 * @param classes the vector set of each host class, by class number
 * @param memberIds the host ids of each class, by class number, sorted
 */
public record HostSide(List<VectorSet> classes, List<String[]> memberIds) {

  /** Collects {@link SystemClasses#classes()} of the host side, in class-number order. */
  public static HostSide collect(SystemClasses hostClasses) {
    List<VectorSet> classes = new ArrayList<>();
    List<String[]> members = new ArrayList<>();
    for (Row r :
        hostClasses
            .classes()
            .select("class", "vectors", "member_ids")
            .orderBy("class")
            .collectAsList()) {
      classes.add(VectorRows.toVectorSet(r, "vectors"));
      members.add(r.<String>getList(2).toArray(String[]::new));
    }
    return new HostSide(List.copyOf(classes), List.copyOf(members));
  }
}
