package org.fleetcompat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.fleetcompat.core.CompareOperation.EQUAL;
import static org.fleetcompat.core.CompareOperation.LESS_THAN_OR_EQUAL;
import static org.fleetcompat.core.CompareOperation.SUB_SET;
import static org.fleetcompat.core.ReturnCode.COMPLETED;
import static org.fleetcompat.core.ReturnCode.INVALID_PARAMETER;
import static org.fleetcompat.core.ReturnCode.NOT_COMPATIBLE;
import static org.fleetcompat.core.ReturnCode.NOT_SUPPORTED;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fleetcompat.reference.NestedLoopReference.RefVector;
import org.fleetcompat.reference.RandomFleet;
import org.fleetcompat.reference.RandomFleet.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code CheckSystemCompatibilityInfo}: {@link CompatibilityCheck} agrees with {@link PairCheck}
 * (the definition) on seeded random fleets, for VM blobs and host blobs, directly and through the
 * encoded bytes of {@link SystemCompatibility}; and the codes, reasons and warnings by example. A
 * failure names the shape and seed; {@code -Dfleetcompat.seed=N} runs that one seed only.
 */
class CompatibilityCheckTest {
  private static final int[] STATES = {2, 3, 32769};

  @ParameterizedTest
  @EnumSource(Shape.class)
  void agreesWithPairCheckOnRandomFleets(Shape shape) {
    Set<ReturnCode> codes = EnumSet.noneOf(ReturnCode.class);
    for (long seed : MatrixKernelTest.seeds(shape)) {
      Random random = new Random(seed);
      RandomFleet fleet = RandomFleet.generate(seed, shape, random.nextInt(13), random.nextInt(9));
      List<SystemBlob> blobs = blobs(fleet.vms(), random);
      for (var host : fleet.hosts().entrySet()) {
        VectorSet hostSet = MatrixKernelTest.vectorSet(host.getValue());
        for (SystemBlob blob : blobs) {
          boolean allCompatible = true;
          List<CheckFinding> expected = new ArrayList<>();
          for (BlobMember vm : blob.members()) {
            allCompatible &= PairCheck.isCompatible(vm.vectors(), hostSet);
            for (VectorOutcome o : PairCheck.failures(vm.vectors(), hostSet)) {
              expected.add(new CheckFinding(vm.vmId(), o));
            }
          }
          CheckResult result = CompatibilityCheck.check(blob, hostSet);
          String where = "shape " + shape + " seed " + seed + ": " + blob + " on " + host.getKey();
          assertThat(result.code()).as(where).isEqualTo(allCompatible ? COMPLETED : NOT_COMPATIBLE);
          assertThat(result.isCompatible()).as(where).isEqualTo(allCompatible);
          assertThat(result.reasons()).as(where).containsExactlyElementsOf(expected);
          assertThat(SystemCompatibility.check(SystemCompatibility.info(blob), hostSet))
              .as("through the bytes: " + where)
              .isEqualTo(result);
          codes.add(result.code());
        }
      }
    }
    if (shape != Shape.EMPTY) {
      assertThat(codes)
          .as("both answers occur")
          .containsExactlyInAnyOrder(COMPLETED, NOT_COMPATIBLE);
    }
  }

  @Test
  void hostBlobWithoutVmsHasNothingToMove() {
    CheckResult result =
        CompatibilityCheck.check(SystemBlob.host("h-empty", List.of()), VectorSet.empty());
    assertThat(result.code()).isEqualTo(COMPLETED);
    assertThat(result.reasons()).isEmpty();
    assertThat(result.warnings())
        .containsExactly("host blob of 'h-empty' holds no VMs: nothing to move");
  }

  @Test
  void reasonsListEveryFailingVectorInMemberThenVectorOrder() {
    VectorSet host =
        VectorSet.builder()
            .add(1, EQUAL, 5)
            .add(2, LESS_THAN_OR_EQUAL, 10)
            .add(3, SUB_SET, 0b110)
            .build();
    BlobMember fits =
        new BlobMember(
            "vm-fits", 2, VectorSet.builder().add(1, EQUAL, 5).add(3, SUB_SET, 0b100).build());
    BlobMember blocked =
        new BlobMember(
            "vm-blocked",
            32769,
            VectorSet.builder()
                .add(9, EQUAL, 0) // missing on the host
                .add(2, LESS_THAN_OR_EQUAL, -1L) // 2^64-1 <= 10 is false, unsigned
                .add(3, SUB_SET, 0b001)
                .build());
    BlobMember mismatched =
        new BlobMember("vm-mismatch", null, VectorSet.builder().add(1, SUB_SET, 5).build());
    CheckResult result =
        CompatibilityCheck.check(SystemBlob.host("h1", List.of(blocked, fits, mismatched)), host);
    assertThat(result.code()).isEqualTo(NOT_COMPATIBLE);
    assertThat(result.isCompatible()).isFalse();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.reasons())
        .extracting(f -> f.vmId(), f -> f.outcome().vectorId(), f -> f.outcome().reason())
        .containsExactly(
            tuple("vm-blocked", 2, Reason.COMPARE_FAILED),
            tuple("vm-blocked", 3, Reason.COMPARE_FAILED),
            tuple("vm-blocked", 9, Reason.MISSING_ON_HOST),
            tuple("vm-mismatch", 1, Reason.OPERATION_MISMATCH));
    assertThat(result.reasons().get(0).outcome())
        .isEqualTo(
            new VectorOutcome(
                2, LESS_THAN_OR_EQUAL, -1L, LESS_THAN_OR_EQUAL, 10, Reason.COMPARE_FAILED));
  }

  @Test
  void vmBlobThatFits() {
    VectorSet vectors = VectorSet.builder().add(0x8000_0000, SUB_SET, 0b01).build();
    VectorSet host = VectorSet.builder().add(0x8000_0000, SUB_SET, 0b11).add(4, EQUAL, 1).build();
    CheckResult result = CompatibilityCheck.check(SystemBlob.vm("vm-1", 2, vectors), host);
    assertThat(result).isEqualTo(new CheckResult(COMPLETED, List.of(), List.of()));
    assertThat(result.isCompatible()).isTrue();
  }

  @Test
  void vmWithoutVectorsFitsAnywhereWithAWarning() {
    CheckResult result =
        CompatibilityCheck.check(
            SystemBlob.vm("vm-bare", null, VectorSet.empty()), VectorSet.empty());
    assertThat(result.code()).isEqualTo(COMPLETED);
    assertThat(result.warnings())
        .containsExactly(
            "VM 'vm-bare' reports no compatibility vectors: nothing constrains it, so it passes on"
                + " any host");
  }

  @Test
  void facadeReturnsTheCodeOfABadBlobInsteadOfThrowing() {
    byte[] blob = SystemCompatibility.info(BlobCodecTest.GOLDEN_VM);
    byte[] corrupt = blob.clone();
    corrupt[40] ^= 1;
    assertNotCarriedOut(
        corrupt,
        INVALID_PARAMETER,
        "Cannot read blob at byte offset 64: the CRC32C checksum stored here is");
    byte[] newer = blob.clone();
    newer[5] = (byte) (BlobCodec.FORMAT_VERSION + 1);
    assertNotCarriedOut(
        newer,
        NOT_SUPPORTED,
        "Cannot read blob at byte offset 4: format version 2 is newer than this fleetcompat reads"
            + " (up to 1)");
  }

  @Test
  void resultCarriesReasonsExactlyWhenNotCompatible() {
    assertThatThrownBy(() -> new CheckResult(NOT_COMPATIBLE, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Code 32784 (Not compatible) with 0 reasons: reasons are given exactly for 32784 (Not"
                + " compatible)");
    CheckFinding finding =
        new CheckFinding("vm", new VectorOutcome(1, EQUAL, 1, null, 0, Reason.MISSING_ON_HOST));
    assertThatThrownBy(() -> new CheckResult(COMPLETED, List.of(finding), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Code 0 (Completed with No Error) with 1 reasons");
    assertThatThrownBy(
            () -> new CheckFinding("vm", new VectorOutcome(1, EQUAL, 1, EQUAL, 1, Reason.PASS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("A finding is a failing vector: VM 'vm' passes on VectorOutcome[");
  }

  @Test
  void ofErrorKeepsTheStatusAndTheMessage() {
    CheckResult result =
        CheckResult.ofError(new FleetcompatException(INVALID_PARAMETER, "Unknown host h9"));
    assertThat(result)
        .isEqualTo(new CheckResult(INVALID_PARAMETER, List.of(), List.of("Unknown host h9")));
  }

  /** The facade's answer for a blob it cannot read: the code, no reasons, the message. */
  private static void assertNotCarriedOut(byte[] blob, ReturnCode code, String messageStart) {
    CheckResult result = SystemCompatibility.check(blob, VectorSet.empty());
    assertThat(result.code()).isEqualTo(code);
    assertThat(result.isCompatible()).isFalse();
    assertThat(result.reasons()).isEmpty();
    assertThat(result.warnings()).singleElement(STRING).startsWith(messageStart);
  }

  /** Every VM as a VM blob, and the VMs again, in order, split into host blobs of 0..4 VMs. */
  private static List<SystemBlob> blobs(Map<String, List<RefVector>> vms, Random random) {
    List<BlobMember> members = new ArrayList<>();
    for (var vm : vms.entrySet()) {
      Integer state = random.nextInt(4) == 0 ? null : STATES[random.nextInt(STATES.length)];
      members.add(new BlobMember(vm.getKey(), state, MatrixKernelTest.vectorSet(vm.getValue())));
    }
    List<SystemBlob> blobs = new ArrayList<>();
    for (BlobMember m : members) {
      blobs.add(new SystemBlob(SystemKind.VM, m.vmId(), List.of(m)));
    }
    int from = 0;
    do {
      int to = Math.min(members.size(), from + random.nextInt(5));
      blobs.add(SystemBlob.host("h-src-" + blobs.size(), members.subList(from, to)));
      from = to;
    } while (from < members.size());
    return blobs;
  }
}
