package org.fleetcompat.core;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code GetSystemCompatibilityInfo} captures of one system (SPEC section 2), before it is
 * encoded by {@link BlobCodec}: the VMs a check on another host must judge. Immutable and thread
 * safe.
 *
 * <p>A {@link SystemKind#VM VM} blob has exactly one member, the VM itself, whose id is the system
 * id. A {@link SystemKind#HOST HOST} blob stands for all the VMs that host runs: its members are
 * the VMs currently on it, each once, possibly none (an empty host has nothing to move).
 *
 * <pre>{@code
 * SystemBlob vm = SystemBlob.vm("vm-17", 2, vectors);
 * SystemBlob host = SystemBlob.host("h-03", List.of(new BlobMember("vm-17", 2, vectors)));
 * }</pre>
 *
 * @param kind whether a VM or a host was captured, never null
 * @param systemId the id of the VM or host, never null, valid Unicode
 * @param members the VMs to check, in the order a check reports them; an unmodifiable copy
 */
public record SystemBlob(SystemKind kind, String systemId, List<BlobMember> members) {

  /**
   * Validates the blob and copies {@code members}.
   *
   * @throws NullPointerException if {@code kind}, {@code systemId}, {@code members} or a member is
   *     null
   * @throws IllegalArgumentException if a VM blob does not hold exactly the VM itself, if two
   *     members share an id, or if {@code systemId} holds a lone surrogate
   */
  public SystemBlob {
    Objects.requireNonNull(kind, "kind is null");
    requireEncodableId(kind == SystemKind.VM ? "VM id" : "host id", systemId);
    Objects.requireNonNull(members, () -> "members of " + kind + " '" + systemId + "' is null");
    members = List.copyOf(members);
    if (kind == SystemKind.VM && (members.size() != 1 || !members.get(0).vmId().equals(systemId))) {
      throw new IllegalArgumentException(
          "A VM blob holds exactly one member, the VM itself: VM '"
              + systemId
              + "' has members "
              + memberIds(members));
    }
    Set<String> seen = new HashSet<>();
    for (BlobMember m : members) {
      if (!seen.add(m.vmId())) {
        throw new IllegalArgumentException(
            "Host '" + systemId + "' lists VM '" + m.vmId() + "' twice: a host runs a VM once");
      }
    }
  }

  /** The blob of one VM: its id, state ({@code null} if unknown) and vectors. */
  public static SystemBlob vm(String vmId, Integer enabledState, VectorSet vectors) {
    return new SystemBlob(
        SystemKind.VM, vmId, List.of(new BlobMember(vmId, enabledState, vectors)));
  }

  /** The blob of a host: the VMs it runs, in the order a check should report them. */
  public static SystemBlob host(String hostId, List<BlobMember> vms) {
    return new SystemBlob(SystemKind.HOST, hostId, vms);
  }

  /** Ids are stored as UTF-8, which cannot hold a lone surrogate: reject one up front. */
  static void requireEncodableId(String what, String id) {
    Objects.requireNonNull(id, () -> what + " is null");
    if (!StandardCharsets.UTF_8.newEncoder().canEncode(id)) {
      throw new IllegalArgumentException(
          what + " '" + id + "' is not valid Unicode (it holds a lone surrogate): fix the id");
    }
  }

  private static List<String> memberIds(List<BlobMember> members) {
    return members.stream().map(BlobMember::vmId).toList();
  }
}
