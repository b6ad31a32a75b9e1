package org.fleetcompat.spark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
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

  /**
   * Groups the accepted hosts ({@code system_id, vectors}) into classes and collects them, numbered
   * as {@link SystemClasses} numbers classes: by each class's smallest host id (in Spark's string
   * order, UTF-8 bytes). The host side is collected anyway, so the numbering is done here on the
   * driver, without the distributed sort and indexing the VM side needs.
   */
  public static HostSide of(Dataset<Row> hosts) {
    List<Row> rows = new ArrayList<>(SystemClasses.group(hosts).collectAsList());
    rows.sort(
        Comparator.comparing(r -> utf8(r.<String>getList(1).get(0)), Arrays::compareUnsigned));
    List<VectorSet> classes = new ArrayList<>();
    List<String[]> members = new ArrayList<>();
    for (Row r : rows) {
      classes.add(VectorRows.toVectorSet(r, "vectors"));
      members.add(r.<String>getList(1).toArray(String[]::new));
    }
    return new HostSide(List.copyOf(classes), List.copyOf(members));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
