package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.fleetcompat.io.AttributeRow.VectorStatus;
import org.junit.jupiter.api.Test;

class AttributeValidatorTest {
  private static final String HOSTS_FILE = "file:/snap/hosts.parquet";
  private static final String VMS_FILE = "file:/snap/vms/part-00001.parquet";

  @Test
  void aSingleRowOfAnAcceptedSystemIsKept() {
    List<AttributeRow> rows = List.of(host("h-1", "cl-a", VectorStatus.ACCEPTED, 0));

    AttributeVerdict v = AttributeValidator.validate(SnapshotTable.HOSTS, "h-1", rows);

    assertThat(v.isAccepted()).isTrue();
    assertThat(v.systemId()).isEqualTo("h-1");
    assertThat(v.values()).containsExactly("cl-a");
    assertThat(v.rejections()).isEmpty();
    assertThat(v.duplicatesCollapsed()).isZero();
    assertBalanced(rows, v);
  }

  @Test
  void exactDuplicatesAreCollapsedAndCounted() {
    List<AttributeRow> rows =
        List.of(
            vm("vm-1", 32769, null, VectorStatus.ACCEPTED, 0),
            vm("vm-1", 32769, null, VectorStatus.ACCEPTED, 1),
            vm("vm-1", 32769, null, VectorStatus.ACCEPTED, 2));

    AttributeVerdict v = AttributeValidator.validate(SnapshotTable.VMS, "vm-1", rows);

    assertThat(v.isAccepted()).isTrue();
    assertThat(v.values()).containsExactly(32769, null);
    assertThat(v.duplicatesCollapsed()).isEqualTo(2);
    assertThat(v.rejections()).isEmpty();
    assertBalanced(rows, v);
  }

  @Test
  void rowsThatDisagreeAreAllRejectedAsConflictingAttributes() {
    List<AttributeRow> rows =
        List.of(
            host("h-2", "cl-a", VectorStatus.ACCEPTED, 0),
            host("h-2", "cl-b", VectorStatus.ACCEPTED, 1));

    AttributeVerdict v = AttributeValidator.validate(SnapshotTable.HOSTS, "h-2", rows);

    assertThat(v.isAccepted()).isFalse();
    assertThat(v.values()).isNull();
    assertThat(v.duplicatesCollapsed()).isZero();
    String message = "host_id h-2 has rows that disagree (2 different versions); all are rejected";
    assertThat(v.rejections())
        .containsExactly(
            new Rejection(
                "h-2", RejectReason.CONFLICTING_ATTRIBUTES, message, rows.get(0).row(), HOSTS_FILE),
            new Rejection(
                "h-2",
                RejectReason.CONFLICTING_ATTRIBUTES,
                message,
                rows.get(1).row(),
                HOSTS_FILE));
    assertBalanced(rows, v);
  }

  @Test
  void aNullAgainstAValueIsAConflictAndDuplicatesAreRejectedToo() {
    List<AttributeRow> rows =
        List.of(
            vm("vm-2", 2, "h-1", VectorStatus.ACCEPTED, 0),
            vm("vm-2", 2, "h-1", VectorStatus.ACCEPTED, 1),
            vm("vm-2", 2, null, VectorStatus.ACCEPTED, 2));

    AttributeVerdict v = AttributeValidator.validate(SnapshotTable.VMS, "vm-2", rows);

    assertThat(v.isAccepted()).isFalse();
    assertThat(v.duplicatesCollapsed()).isZero();
    assertThat(v.rejections()).hasSize(3);
    assertThat(v.rejections())
        .allSatisfy(
            r -> {
              assertThat(r.reason()).isEqualTo(RejectReason.CONFLICTING_ATTRIBUTES);
              assertThat(r.systemId()).isEqualTo("vm-2");
              assertThat(r.message())
                  .isEqualTo(
                      "vm_id vm-2 has rows that disagree (2 different versions); all are rejected");
              assertThat(r.file()).isEqualTo(VMS_FILE);
            });
    assertThat(v.rejections())
        .extracting(Rejection::row)
        .containsExactlyElementsOf(rows.stream().map(AttributeRow::row).toList());
    assertBalanced(rows, v);
  }

  @Test
  void aConflictIsReportedBeforeQuarantinedVectors() {
    List<AttributeRow> rows =
        List.of(
            host("h-3", "cl-a", VectorStatus.QUARANTINED, 0),
            host("h-3", null, VectorStatus.QUARANTINED, 1));

    AttributeVerdict v = AttributeValidator.validate(SnapshotTable.HOSTS, "h-3", rows);

    assertThat(v.rejections())
        .extracting(Rejection::reason)
        .containsOnly(RejectReason.CONFLICTING_ATTRIBUTES);
  }

  @Test
  void rowsOfAQuarantinedSystemAreQuarantinedToo() {
    List<AttributeRow> rows =
        List.of(
            vm("vm-3", 3, "h-9", VectorStatus.QUARANTINED, 0),
            vm("vm-3", 3, "h-9", VectorStatus.QUARANTINED, 1));

    AttributeVerdict v = AttributeValidator.validate(SnapshotTable.VMS, "vm-3", rows);

    assertThat(v.isAccepted()).isFalse();
    assertThat(v.duplicatesCollapsed()).isZero();
    String message = "the vectors of vm-3 are quarantined, so its vms row is too";
    assertThat(v.rejections())
        .containsExactly(
            new Rejection(
                "vm-3", RejectReason.SYSTEM_QUARANTINED, message, rows.get(0).row(), VMS_FILE),
            new Rejection(
                "vm-3", RejectReason.SYSTEM_QUARANTINED, message, rows.get(1).row(), VMS_FILE));
    assertBalanced(rows, v);
  }

  @Test
  void rowsOfASystemWithoutVectorsAreRejected() {
    List<AttributeRow> hostRows = List.of(host("h-9", "cl-a", VectorStatus.ABSENT, 0));
    List<AttributeRow> vmRows = List.of(vm("vm-9", 2, "h-1", VectorStatus.ABSENT, 0));

    AttributeVerdict hosts = AttributeValidator.validate(SnapshotTable.HOSTS, "h-9", hostRows);
    AttributeVerdict vms = AttributeValidator.validate(SnapshotTable.VMS, "vm-9", vmRows);

    assertThat(hosts.rejections())
        .containsExactly(
            new Rejection(
                "h-9",
                RejectReason.NO_VECTORS,
                "h-9 has no rows in host_vectors",
                hostRows.get(0).row(),
                HOSTS_FILE));
    assertThat(vms.rejections())
        .containsExactly(
            new Rejection(
                "vm-9",
                RejectReason.NO_VECTORS,
                "vm-9 has no rows in vm_vectors",
                vmRows.get(0).row(),
                VMS_FILE));
    assertBalanced(hostRows, hosts);
    assertBalanced(vmRows, vms);
  }

  @Test
  void rowsWithoutAnIdAreRejectedOneByOneNamingTheIdColumn() {
    List<AttributeRow> hostRows =
        List.of(
            host(null, "cl-a", VectorStatus.ABSENT, 0),
            host(null, "cl-a", VectorStatus.ABSENT, 1),
            host(null, "cl-b", VectorStatus.ABSENT, 2));
    List<AttributeRow> vmRows = List.of(vm(null, 2, "h-1", VectorStatus.ABSENT, 0));

    AttributeVerdict hosts = AttributeValidator.validate(SnapshotTable.HOSTS, null, hostRows);
    AttributeVerdict vms = AttributeValidator.validate(SnapshotTable.VMS, null, vmRows);

    assertThat(hosts.isAccepted()).isFalse();
    assertThat(hosts.systemId()).isNull();
    assertThat(hosts.duplicatesCollapsed()).isZero();
    assertThat(hosts.rejections()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(hosts.rejections().get(i))
          .isEqualTo(
              new Rejection(
                  null,
                  RejectReason.NULL_SYSTEM_ID,
                  "host_id is null: the row belongs to no system",
                  hostRows.get(i).row(),
                  HOSTS_FILE));
    }
    assertThat(vms.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(RejectReason.NULL_SYSTEM_ID);
              assertThat(r.message()).isEqualTo("vm_id is null: the row belongs to no system");
            });
    assertBalanced(hostRows, hosts);
    assertBalanced(vmRows, vms);
  }

  private static void assertBalanced(List<AttributeRow> rows, AttributeVerdict v) {
    long accepted = v.isAccepted() ? 1 : 0;
    assertThat(accepted + v.duplicatesCollapsed() + v.rejections().size())
        .as("rows in = accepted + duplicates + rejected")
        .isEqualTo(rows.size());
  }

  private static AttributeRow host(String id, String cluster, VectorStatus vectors, int n) {
    return new AttributeRow(
        id,
        Arrays.asList((Object) cluster),
        vectors,
        "#" + n + " host_id=" + id + ", cluster=" + cluster,
        HOSTS_FILE);
  }

  private static AttributeRow vm(
      String id, Integer state, String currentHost, VectorStatus vectors, int n) {
    return new AttributeRow(
        id,
        Arrays.asList(state, currentHost),
        vectors,
        "#" + n + " vm_id=" + id + ", enabled_state=" + state + ", current_host_id=" + currentHost,
        VMS_FILE);
  }
}
