package org.fleetcompat.core;

import java.util.Objects;

/**
 * One VM inside a {@link SystemBlob}: its id, its state and its compatibility vectors as reported.
 * Immutable and thread safe.
 *
 * @param vmId the VM's id, never null; valid Unicode (no lone surrogate), so it survives the UTF-8
 *     of the blob format unchanged
 * @param enabledState the VM's {@code enabled_state} (2 running, 3 off, 32769 saved), or {@code
 *     null} when the snapshot does not say; carried, never interpreted by the check
 * @param vectors the VM's vectors, never null; may be empty (then nothing constrains the VM)
 */
public record BlobMember(String vmId, Integer enabledState, VectorSet vectors) {

  /**
   * Validates the member.
   *
   * @throws NullPointerException if {@code vmId} or {@code vectors} is null
   * @throws IllegalArgumentException if {@code vmId} holds a lone surrogate
   */
  public BlobMember {
    SystemBlob.requireEncodableId("VM id", vmId);
    Objects.requireNonNull(vectors, () -> "vectors of VM '" + vmId + "' is null");
  }
}
