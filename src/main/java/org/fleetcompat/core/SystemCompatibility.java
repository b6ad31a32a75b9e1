package org.fleetcompat.core;

/**
 * The single-system API as Hyper-V's method pair (SPEC section 2), for notebooks and tools: {@link
 * #info} is {@code GetSystemCompatibilityInfo} (a system to an opaque blob), {@link #check} is
 * {@code CheckSystemCompatibilityInfo} (a blob and a host to a return code with reasons). Unlike
 * {@link BlobCodec#decode}, {@link #check} never throws for a bad blob: it returns the code.
 * Stateless and thread safe.
 *
 * <pre>{@code
 * byte[] blob = SystemCompatibility.info(SystemBlob.vm("vm-17", 2, vmVectors));
 * CheckResult r = SystemCompatibility.check(blob, hostVectors);
 * r.code();     // COMPLETED, NOT_COMPATIBLE, or INVALID_PARAMETER / NOT_SUPPORTED for a bad blob
 * r.reasons();  // every failing vector: VM id, vector_id, operation, both values, reason
 * }</pre>
 */
public final class SystemCompatibility {
  private SystemCompatibility() {}

  /**
   * The blob of a VM or a host ({@link BlobCodec#encode}), to keep or to check on other hosts.
   *
   * @throws IllegalArgumentException if the blob would exceed 2 GiB
   */
  public static byte[] info(SystemBlob system) {
    return BlobCodec.encode(system);
  }

  /**
   * Whether the VMs of {@code blob} could move to {@code targetHost}. A blob that does not decode
   * gives {@link ReturnCode#INVALID_PARAMETER} (32773), or {@link ReturnCode#NOT_SUPPORTED} (32770)
   * for a newer format version, with the decoder's message as the only warning.
   *
   * @throws NullPointerException if an argument is null
   * @see CompatibilityCheck#check(SystemBlob, VectorSet)
   */
  public static CheckResult check(byte[] blob, VectorSet targetHost) {
    SystemBlob system;
    try {
      system = BlobCodec.decode(blob);
    } catch (BlobFormatException e) {
      return CheckResult.ofError(e);
    }
    return CompatibilityCheck.check(system, targetHost);
  }
}
