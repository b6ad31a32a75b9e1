package org.fleetcompat.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code CheckSystemCompatibilityInfo} on a decoded blob (SPEC section 2): could the blob's VMs
 * (one VM, or all the VMs a host runs) move to the target host? Each VM is judged by {@link
 * PairCheck}, the definition of compatibility, so the answer equals the matrix's and explain's.
 * Stateless and thread safe; costs O(total VM vectors x log host vectors).
 *
 * <pre>{@code
 * CheckResult r = CompatibilityCheck.check(BlobCodec.decode(bytes), targetHost);
 * if (!r.isCompatible()) r.reasons().forEach(System.out::println);
 * }</pre>
 */
public final class CompatibilityCheck {
  private CompatibilityCheck() {}

  /**
   * Checks every VM of {@code blob} against {@code targetHost}.
   *
   * @return {@link ReturnCode#COMPLETED} when every VM passes (also when a host blob holds no VM,
   *     with a warning), else {@link ReturnCode#NOT_COMPATIBLE} with every failing vector of every
   *     VM, in member order, then {@code vector_id} order
   */
  public static CheckResult check(SystemBlob blob, VectorSet targetHost) {
    Objects.requireNonNull(blob, "blob is null");
    Objects.requireNonNull(targetHost, "targetHost is null");
    List<CheckFinding> reasons = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (blob.members().isEmpty()) {
      warnings.add("host blob of '" + blob.systemId() + "' holds no VMs: nothing to move");
    }
    for (BlobMember vm : blob.members()) {
      if (vm.vectors().size() == 0) {
        warnings.add(
            "VM '"
                + vm.vmId()
                + "' reports no compatibility vectors: nothing constrains it, so it passes on any"
                + " host");
      }
      for (VectorOutcome failure : PairCheck.failures(vm.vectors(), targetHost)) {
        reasons.add(new CheckFinding(vm.vmId(), failure));
      }
    }
    ReturnCode code = reasons.isEmpty() ? ReturnCode.COMPLETED : ReturnCode.NOT_COMPATIBLE;
    return new CheckResult(code, reasons, warnings);
  }
}
