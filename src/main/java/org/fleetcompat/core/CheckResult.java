package org.fleetcompat.core;

import java.util.List;
import java.util.Objects;

/**
 * What {@code CheckSystemCompatibilityInfo} returns (SPEC section 2): a return code, every reason
 * the blob's VMs cannot move, and messages for people. Immutable and thread safe.
 *
 * <p>The code is {@link ReturnCode#COMPLETED} (0) when every VM of the blob passes on the host,
 * {@link ReturnCode#NOT_COMPATIBLE} (32784) when at least one does not, or another code of SPEC
 * section 2 when the check could not be carried out (for example {@link
 * ReturnCode#INVALID_PARAMETER} for a corrupt blob; see {@link #ofError(FleetcompatException)}).
 *
 * @param code the return code, never null
 * @param reasons every failing vector of every VM, in member order, then {@code vector_id} order;
 *     non-empty exactly when the code is {@link ReturnCode#NOT_COMPATIBLE}; an unmodifiable copy
 * @param warnings messages for people that do not change the code (for example "host blob holds no
 *     VMs"); when the check could not be carried out, the one message saying why; an unmodifiable
 *     copy
 */
public record CheckResult(ReturnCode code, List<CheckFinding> reasons, List<String> warnings) {

  /**
   * Validates the result and copies the lists.
   *
   * @throws NullPointerException if an argument or an element is null
   * @throws IllegalArgumentException if {@code reasons} is empty for {@link
   *     ReturnCode#NOT_COMPATIBLE}, or non-empty for any other code
   */
  public CheckResult {
    Objects.requireNonNull(code, "code is null");
    reasons = List.copyOf(reasons);
    warnings = List.copyOf(warnings);
    if (reasons.isEmpty() == (code == ReturnCode.NOT_COMPATIBLE)) {
      throw new IllegalArgumentException(
          "Code "
              + code
              + " with "
              + reasons.size()
              + " reasons: reasons are given exactly for "
              + ReturnCode.NOT_COMPATIBLE);
    }
  }

  /**
   * The result of a check that could not be carried out: the failure's status as the code, its
   * message as the only warning, no reasons.
   */
  public static CheckResult ofError(FleetcompatException failure) {
    String message = Objects.requireNonNullElse(failure.getMessage(), failure.status().toString());
    return new CheckResult(failure.status(), List.of(), List.of(message));
  }

  /**
   * Whether every VM of the blob can move to the host (the code is {@link ReturnCode#COMPLETED}).
   */
  public boolean isCompatible() {
    return code == ReturnCode.COMPLETED;
  }
}
