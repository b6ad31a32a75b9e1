package org.fleetcompat.sample;

import java.util.ArrayList;
import java.util.List;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.io.VectorRow;

/**
 * One vector of a generated host, VM or CPU model.
 *
 * @param id the {@code vector_id}, unsigned (register vectors are 0x10000000 and above)
 * @param op the operation it is compared with; not null
 * @param value the raw value, unsigned 64 bits
 */
record SampleVector(int id, CompareOperation op, long value) {

  /** The vectors as a set, for the compatibility checks that place the VMs. */
  static VectorSet toSet(List<SampleVector> vectors) {
    VectorSet.Builder b = VectorSet.builder();
    vectors.forEach(v -> b.add(v.id(), v.op(), v.value()));
    return b.build();
  }

  /** The vectors in {@code vector_id} order, as a tool exporting a system would list them. */
  static List<SampleVector> inIdOrder(VectorSet set) {
    List<SampleVector> out = new ArrayList<>(set.size());
    for (int i = 0; i < set.size(); i++) {
      out.add(new SampleVector(set.vectorId(i), set.operation(i), set.value(i)));
    }
    return out;
  }

  /**
   * A vector table row. The operation is a code rather than a {@link CompareOperation} so that a
   * bad row can carry a code no operation has.
   */
  static VectorRow row(String systemId, int vectorId, int operationCode, long value) {
    return VectorRow.of(systemId, Integer.toUnsignedLong(vectorId), operationCode, value);
  }
}
