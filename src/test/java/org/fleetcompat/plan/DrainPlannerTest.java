package org.fleetcompat.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link DrainPlanner} on small hand-made fleets whose answers are known: a drain uses room, not
 * only compatibility, and says why a VM cannot move; the exact solver rescues a drain first fit
 * loses; headroom counts the largest hosts first; a maintenance order keeps the moves of earlier
 * steps and names the host where it gets stuck.
 */
class DrainPlannerTest {
  /** VM class 0 fits host classes 0 and 1; VM class 1 only host class 0. */
  private static final PlanFleet.Compatibility FITS = (vm, host) -> vm == 0 || host == 0;

  @Test
  void drainPlacesOnHostsWithRoomAndSaysWhyNot() {
    PlanFleet fleet =
        PlanFleet.builder(FITS, Capacity.BOTH)
            .host("h1", 0, "c", 8, 16_384)
            .host("h2", 0, "c", 8, 4_096)
            .host("h3", 1, "c", 8, 16_384)
            .vm("a", 0, "h1", 2, 8_192)
            .vm("b", 1, "h1", 2, 8_192)
            .vm("c", 1, "h3", 2, 1_024)
            .unevaluated("u", "h1")
            .build();
    List<DrainMove> h1 = new DrainPlanner(fleet).drain(fleet.indexOf("h1"));
    // a (8 GB) fits only h3 by room; b (class 1) fits only class-0 hosts, and h2 has 4 GB.
    assertThat(h1)
        .extracting(DrainMove::vmId, DrainMove::targetHostId, DrainMove::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "h3", null),
            org.assertj.core.groups.Tuple.tuple("b", null, DrainReason.NO_CAPACITY),
            org.assertj.core.groups.Tuple.tuple("u", null, DrainReason.NOT_EVALUATED));
    // c (class 1) on h3: h1 is compatible but full (a and b), h2 has room.
    assertThat(new DrainPlanner(fleet).drain(fleet.indexOf("h3")))
        .extracting(DrainMove::targetHostId)
        .containsExactly("h2");
  }

  @Test
  void withoutCapacityOnlyCompatibilityCounts() {
    PlanFleet fleet =
        PlanFleet.builder(FITS, Capacity.NONE)
            .host("h1", 1, null, 1, 1)
            .host("h2", 1, null, 1, 1)
            .vm("a", 0, "h1", 64, 1_000_000)
            .vm("b", 1, "h1", 1, 1)
            .build();
    assertThat(new DrainPlanner(fleet).drainAll())
        .extracting(DrainMove::vmId, DrainMove::targetHostId, DrainMove::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "h2", null),
            org.assertj.core.groups.Tuple.tuple("b", null, DrainReason.NO_COMPATIBLE_HOST));
  }

  @Test
  void exactSolverRescuesTheDrainFirstFitLoses() {
    // Drain h0: x (class 0, 4 GB) fits h1 or h2, y (class 1, 4 GB) only h1 (class 0); 4 GB free
    // each. First fit puts x on h1 (first by id) and strands y; the exact plan puts x on h2.
    PlanFleet fleet =
        PlanFleet.builder(FITS, Capacity.MEMORY)
            .host("h0", 0, "c", 0, 8_192)
            .host("h1", 0, "c", 0, 4_096)
            .host("h2", 1, "c", 0, 4_096)
            .vm("x", 0, "h0", 0, 4_096)
            .vm("y", 1, "h0", 0, 4_096)
            .build();
    List<DrainMove> firstFitOnly =
        new DrainPlanner(fleet, FirstFitDecreasing.INSTANCE).drain(fleet.indexOf("h0"));
    assertThat(firstFitOnly).filteredOn(DrainMove::isPlaced).hasSize(1);
    List<DrainMove> exact = new DrainPlanner(fleet).drain(fleet.indexOf("h0"));
    assertThat(exact)
        .extracting(DrainMove::vmId, DrainMove::targetHostId, DrainMove::solver)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("x", "h2", Placement.SolverName.CP_SAT),
            org.assertj.core.groups.Tuple.tuple("y", "h1", Placement.SolverName.CP_SAT));
  }

  @Test
  void headroomFailsTheLargestHostsFirst() {
    // Three hosts; the largest (h3, 64 GB) carries 40 GB, which only fits when h1 and h2 are up.
    PlanFleet fleet =
        PlanFleet.builder(FITS, Capacity.MEMORY)
            .host("h1", 0, "c", 0, 32_768)
            .host("h2", 0, "c", 0, 32_768)
            .host("h3", 0, "c", 0, 65_536)
            .vm("a", 0, "h3", 0, 20_480)
            .vm("b", 0, "h3", 0, 20_480)
            .vm("c", 0, "h1", 0, 8_192)
            .build();
    PoolHeadroom r = new DrainPlanner(fleet).headroom(0, new int[] {0, 1, 2});
    assertThat(r.failuresTolerated()).isEqualTo(1);
    assertThat(r.firstFailingHostId()).isEqualTo("h1");
    assertThat(r.firstUnplacedVmId()).isNotNull();
    assertThat(r.reason()).isEqualTo(DrainReason.NO_CAPACITY);
  }

  @Test
  void maintenanceKeepsEarlierMovesAndNamesWhereItGetsStuck() {
    // h1's VM moves to h2 (h3 is full); then h2 holds two VMs and cannot drain (h1, back, has room
    // for one, h3 for none), so h3 goes next (onto h1); then h2 is stuck: h3 has room for one.
    PlanFleet fleet =
        PlanFleet.builder(FITS, Capacity.MEMORY)
            .host("h1", 0, "c", 0, 8_192)
            .host("h2", 0, "c", 0, 16_384)
            .host("h3", 0, "c", 0, 8_192)
            .host("x1", 0, "other", 0, 1_000_000)
            .vm("a", 0, "h1", 0, 8_192)
            .vm("b", 0, "h2", 0, 8_192)
            .vm("c", 0, "h3", 0, 8_192)
            .build();
    List<MaintenanceStep> steps = new DrainPlanner(fleet).maintenance("c");
    assertThat(steps)
        .extracting(MaintenanceStep::hostId, MaintenanceStep::drained, MaintenanceStep::vmCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("h1", true, 1),
            org.assertj.core.groups.Tuple.tuple("h3", true, 1),
            org.assertj.core.groups.Tuple.tuple("h2", false, 2));
    assertThat(steps.get(2).reason()).isEqualTo(DrainReason.NO_CAPACITY);
    assertThat(steps.get(2).step()).isEqualTo(3);
    assertThat(steps.get(2).firstUnplacedVmId()).isIn("a", "b");
  }

  @Test
  void maintenanceOfAClusterWithRoomDrainsEveryHostInIdOrder() {
    PlanFleet fleet =
        PlanFleet.builder(FITS, Capacity.MEMORY)
            .host("h1", 0, "c", 0, 16_384)
            .host("h2", 0, "c", 0, 16_384)
            .host("h3", 0, "c", 0, 16_384)
            .vm("a", 0, "h1", 0, 4_096)
            .vm("b", 0, "h2", 0, 4_096)
            .vm("c", 0, "h3", 0, 4_096)
            .build();
    List<MaintenanceStep> steps = new DrainPlanner(fleet).maintenance("c");
    assertThat(steps)
        .extracting(MaintenanceStep::step, MaintenanceStep::hostId, MaintenanceStep::drained)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "h1", true),
            org.assertj.core.groups.Tuple.tuple(2, "h2", true),
            org.assertj.core.groups.Tuple.tuple(3, "h3", true));
    // h2 carries a (moved from h1) when its turn comes.
    assertThat(steps.get(1).vmCount()).isEqualTo(2);
  }
}
