package org.fleetcompat.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The compatibility rule of SPEC section 1 for one VM and one host, vector by vector. This is the
 * definition the fast {@link MatrixKernel} must agree with; it costs O(vm vectors x log host
 * vectors) per pair. Stateless and thread safe.
 */
public final class PairCheck {
  private PairCheck() {}

  /** The outcome of one VM vector (at position {@code i} of {@code vm}) against the host. */
  public static VectorOutcome outcome(VectorSet vm, int i, VectorSet host) {
    int id = vm.vectorId(i);
    CompareOperation op = vm.operation(i);
    long vmValue = vm.value(i);
    int j = host.indexOf(id);
    if (j < 0) {
      return new VectorOutcome(id, op, vmValue, null, 0L, Reason.MISSING_ON_HOST);
    }
    CompareOperation hostOp = host.operation(j);
    long hostValue = host.value(j);
    Reason reason = hostOp == op ? op.reason(vmValue, hostValue) : Reason.OPERATION_MISMATCH;
    return new VectorOutcome(id, op, vmValue, hostOp, hostValue, reason);
  }

  /** Every VM vector against the host, in {@code vector_id} order. */
  public static List<VectorOutcome> outcomes(VectorSet vm, VectorSet host) {
    List<VectorOutcome> out = new ArrayList<>(vm.size());
    for (int i = 0; i < vm.size(); i++) {
      out.add(outcome(vm, i, host));
    }
    return out;
  }

  /** The failing VM vectors only; empty exactly when the VM is compatible with the host. */
  public static List<VectorOutcome> failures(VectorSet vm, VectorSet host) {
    List<VectorOutcome> out = new ArrayList<>();
    for (int i = 0; i < vm.size(); i++) {
      VectorOutcome o = outcome(vm, i, host);
      if (!o.reason().passes()) {
        out.add(o);
      }
    }
    return out;
  }

  /** Whether every VM vector passes against the host (host vectors the VM lacks are ignored). */
  public static boolean isCompatible(VectorSet vm, VectorSet host) {
    for (int i = 0; i < vm.size(); i++) {
      if (!outcome(vm, i, host).reason().passes()) {
        return false;
      }
    }
    return true;
  }
}
