package org.fleetcompat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a {@link SystemBlob} may hold: a VM blob holds exactly the VM, a host each VM once. */
class SystemBlobTest {
  private static final VectorSet VECTORS =
      VectorSet.builder().add(1, CompareOperation.EQUAL, 7).build();

  @Test
  void vmBlobHoldsTheVmItself() {
    SystemBlob vm = SystemBlob.vm("vm-1", 3, VECTORS);
    assertThat(vm.kind()).isEqualTo(SystemKind.VM);
    assertThat(vm.members()).containsExactly(new BlobMember("vm-1", 3, VECTORS));
  }

  @Test
  void vmBlobWithOtherMembersIsRejected() {
    BlobMember a = new BlobMember("a", null, VECTORS);
    BlobMember b = new BlobMember("b", null, VECTORS);
    assertThatThrownBy(() -> new SystemBlob(SystemKind.VM, "a", List.of(a, b)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A VM blob holds exactly one member, the VM itself: VM 'a' has members [a, b]");
    assertThatThrownBy(() -> new SystemBlob(SystemKind.VM, "a", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A VM blob holds exactly one member, the VM itself: VM 'a' has members []");
    assertThatThrownBy(() -> new SystemBlob(SystemKind.VM, "a", List.of(b)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A VM blob holds exactly one member, the VM itself: VM 'a' has members [b]");
  }

  @Test
  void hostBlobHoldsEachVmOnceAndMayBeEmpty() {
    BlobMember a = new BlobMember("a", 2, VECTORS);
    assertThat(SystemBlob.host("h", List.of()).members()).isEmpty();
    assertThatThrownBy(() -> SystemBlob.host("h", List.of(a, new BlobMember("a", 3, VECTORS))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Host 'h' lists VM 'a' twice: a host runs a VM once");
  }

  @Test
  void membersAreCopied() {
    List<BlobMember> members = new ArrayList<>(List.of(new BlobMember("a", 2, VECTORS)));
    SystemBlob host = SystemBlob.host("h", members);
    members.clear();
    assertThat(host.members()).hasSize(1);
    assertThatThrownBy(() -> host.members().clear())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(null);
  }

  @Test
  void idsAreRequiredAndValidUnicode() {
    assertThatThrownBy(() -> new BlobMember(null, 2, VECTORS))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("VM id is null");
    assertThatThrownBy(() -> new BlobMember("a", 2, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("vectors of VM 'a' is null");
    assertThatThrownBy(() -> SystemBlob.host(null, List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("host id is null");
    assertThatThrownBy(() -> new SystemBlob(null, "h", List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kind is null");
    assertThatThrownBy(() -> SystemBlob.host("h", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("members of HOST 'h' is null");
    assertThatThrownBy(() -> new BlobMember("vm-\uD800", 2, VECTORS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "VM id 'vm-\uD800' is not valid Unicode (it holds a lone surrogate): fix the id");
    assertThat(new BlobMember("vm-\uD83D\uDDA5", 2, VECTORS).vmId()).hasSize(5);
  }
}
