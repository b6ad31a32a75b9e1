package org.fleetcompat.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.junit.jupiter.api.Test;

/**
 * The drift of a hand-made two-night fleet whose every change is known: a microcode update that
 * removes bit 0x800 of a feature mask on one host of cluster A, a host retired, one added, a VM
 * reconfigured, one moved, one created, one deleted, one host quarantined.
 */
class DriftCalculatorTest {
  @Test
  void namesTheVectorAndBitsAMicrocodeUpdateRemovedAndWhatItCost() {
    Drift d =
        DriftCalculator.compute(
            DriftCalculatorTestFleet.lastNight(), DriftCalculatorTestFleet.tonight());

    DriftCause microcode = d.causes().get(0);
    assertThat(microcode.kind()).isEqualTo(DriftCause.Kind.HOST_VECTOR_CHANGED);
    assertThat(microcode.cluster()).isEqualTo("cl-a");
    assertThat(microcode.change()).isEqualTo(VectorChange.Kind.BITS_LOST);
    assertThat(microcode.bitsLost()).isEqualTo(0x800L);
    assertThat(microcode.systemIds()).containsExactly("h1", "h2");
    // v1 loses h1 and h2; so does v3, which needs 0x800 since its reconfiguration: that loss
    // takes both changes, so it counts for both causes.
    assertThat(microcode.pairsLost()).isEqualTo(4);
    assertThat(microcode.vmsLost()).isEqualTo(2);
    assertThat(microcode.description())
        .isEqualTo("cpuid_features 0x10000701 lost 0x800 on 2 hosts of cl-a: 2 VMs lost 4 pairs");
    DriftCause reconfiguration =
        d.causes().stream()
            .filter(c -> c.kind() == DriftCause.Kind.VM_VECTOR_CHANGED)
            .findFirst()
            .orElseThrow();
    assertThat(reconfiguration.systemIds()).containsExactly("v3");
    assertThat(reconfiguration.bitsGained()).isEqualTo(0x800L);
    // h1, h2 (with the microcode) and h4; h5 and h6 count for their quarantine and retirement.
    assertThat(reconfiguration.pairsLost()).isEqualTo(3);
  }

  @Test
  void explainsEachVmThatLostOrGainedHosts() {
    Map<String, VmDrift> vms =
        byId(
            DriftCalculator.compute(
                    DriftCalculatorTestFleet.lastNight(), DriftCalculatorTestFleet.tonight())
                .vms(),
            VmDrift::vmId);

    assertThat(vms.keySet()).containsExactly("v1", "v2", "v3", "v4", "v5", "v6");
    VmDrift v1 = vms.get("v1");
    assertThat(v1.change()).isEqualTo(VmDrift.Change.HOSTS_CHANGED);
    assertThat(v1.oldCompatibleHosts()).isEqualTo(3);
    assertThat(v1.newCompatibleHosts()).isEqualTo(1);
    assertThat(v1.hostsLost()).isEqualTo(2);
    assertThat(v1.cause()).isEqualTo("HOST_VECTOR_CHANGED");
    assertThat(v1.causeDetail())
        .isEqualTo("lost 2 hosts: cpuid_features 0x10000701 lost 0x800 on 2 hosts of cl-a (2)");
    assertThat(v1.becameStranded()).isFalse();

    VmDrift v3 = vms.get("v3");
    assertThat(v3.change()).isEqualTo(VmDrift.Change.RECONFIGURED);
    assertThat(v3.moved()).isTrue();
    assertThat(v3.oldCompatibleHosts()).isEqualTo(6);
    assertThat(v3.newCompatibleHosts()).isEqualTo(1);
    assertThat(v3.hostsLost() - v3.hostsGained()).isEqualTo(5);
    assertThat(v3.cause()).isEqualTo("VM_VECTOR_CHANGED");

    VmDrift v2 = vms.get("v2");
    assertThat(v2.change()).isEqualTo(VmDrift.Change.HOSTS_CHANGED);
    assertThat(v2.hostsLost()).isEqualTo(2); // h5 quarantined, h6 retired
    assertThat(v2.hostsGained()).isEqualTo(1); // h7 added
    assertThat(v2.causeDetail())
        .contains("1 host of cl-b quarantined (1)")
        .contains("1 host of cl-b retired (1)")
        .contains("gained 1 host: 1 host added to cl-b (1)");

    assertThat(vms.get("v4").moved()).isTrue();
    assertThat(vms.get("v5").change()).isEqualTo(VmDrift.Change.VANISHED);
    assertThat(vms.get("v6").change()).isEqualTo(VmDrift.Change.APPEARED);
  }

  @Test
  void hostAndVmCountsBalanceWithTheTables() {
    Drift d =
        DriftCalculator.compute(
            DriftCalculatorTestFleet.lastNight(), DriftCalculatorTestFleet.tonight());
    long vanishedPairs = 0;
    long appearedPairs = 0;
    long lost = 0;
    long gained = 0;
    for (VmDrift v : d.vms()) {
      if (v.oldCompatibleHosts() != null && v.newCompatibleHosts() != null) {
        assertThat(v.newCompatibleHosts() - v.oldCompatibleHosts())
            .as(v.vmId())
            .isEqualTo(v.hostsGained() - v.hostsLost());
      }
      vanishedPairs += v.newCompatibleHosts() == null ? v.oldCompatibleHosts() : 0;
      appearedPairs += v.oldCompatibleHosts() == null ? v.newCompatibleHosts() : 0;
      lost += v.hostsLost();
      gained += v.hostsGained();
    }
    assertThat(d.newFigures().compatiblePairs() - d.oldFigures().compatiblePairs())
        .isEqualTo(gained - lost + appearedPairs - vanishedPairs);
  }

  @Test
  void tellsHostsRetiredAddedQuarantinedAndChanged() {
    Map<String, HostDrift> hosts =
        byId(
            DriftCalculator.compute(
                    DriftCalculatorTestFleet.lastNight(), DriftCalculatorTestFleet.tonight())
                .hosts(),
            HostDrift::hostId);

    assertThat(hosts.keySet()).containsExactly("h1", "h2", "h3", "h5", "h6", "h7");
    // v3 moved to h3, the only host it fits tonight: h3 can no longer be drained.
    assertThat(hosts.get("h3").change()).isEqualTo(HostDrift.Change.DRAIN_CHANGED);
    assertThat(hosts.get("h3").oldEvacuable()).isTrue();
    assertThat(hosts.get("h3").newEvacuable()).isFalse();
    assertThat(hosts.get("h1").change()).isEqualTo(HostDrift.Change.VECTORS_CHANGED);
    assertThat(hosts.get("h1").vectorChanges()).isEqualTo("cpuid_features 0x10000701 lost 0x800");
    assertThat(hosts.get("h5").change()).isEqualTo(HostDrift.Change.QUARANTINED);
    assertThat(hosts.get("h5").quarantineReason()).isEqualTo("CONFLICTING_DUPLICATE");
    assertThat(hosts.get("h6").change()).isEqualTo(HostDrift.Change.RETIRED);
    assertThat(hosts.get("h7").change()).isEqualTo(HostDrift.Change.ADDED);
  }

  @Test
  void matchesPoolsByTheirHostsAndSeesTheSplit() {
    Drift d =
        DriftCalculator.compute(
            DriftCalculatorTestFleet.lastNight(), DriftCalculatorTestFleet.tonight());
    // Last night: {h1,h2,h3} (cl-a) and {h4,h5,h6} (cl-b). Tonight h1 and h2 accept what h4 and
    // h7 accept: the cl-a pool split into {h3} and a part that merged with the cl-b pool.
    assertThat(d.pools())
        .extracting(p -> p.change() + " " + p.oldFirstHostId() + "->" + p.newFirstHostId())
        .containsExactlyInAnyOrder("REGROUPED h1->h1", "SPLIT h1->h3", "MERGED h4->h1");
    assertThat(d.summary().count("pools_split")).isEqualTo(1);
    assertThat(d.summary().count("pools_merged")).isEqualTo(1);
  }

  @Test
  void reportsNewBlockers() {
    Drift d =
        DriftCalculator.compute(
            DriftCalculatorTestFleet.lastNight(), DriftCalculatorTestFleet.tonight());
    assertThat(d.blockers())
        .anySatisfy(
            b -> {
              assertThat(b.name()).isEqualTo("cpuid_features");
              assertThat(b.change()).isIn(BlockerDrift.Change.GREW, BlockerDrift.Change.NEW);
            });
  }

  @Test
  void refusesResultsOfDifferentFleets() {
    ResultDirectory other =
        new ResultFixture()
            .host("x1", "cl-x", DriftCalculatorTestFleet.host(0xff, 0x900))
            .host("x2", "cl-x", DriftCalculatorTestFleet.host(0xff, 0x900))
            .vm("w1", 2, "x1", DriftCalculatorTestFleet.vm(0x1, 0x900))
            .result("elsewhere");

    assertThatThrownBy(() -> DriftCalculator.compute(DriftCalculatorTestFleet.lastNight(), other))
        .isInstanceOfSatisfying(
            FleetcompatException.class,
            e -> assertThat(e.status()).isEqualTo(ReturnCode.INVALID_PARAMETER))
        .hasMessage(
            "Cannot compare night1 with elsewhere: they share 0 of their 6 and 2 hosts, so they"
                + " are results of different fleets' snapshots. Compare two nights of the same"
                + " fleet.");
  }

  @Test
  void summaryCountsWhatChanged() {
    DriftSummary s =
        DriftCalculator.compute(
                DriftCalculatorTestFleet.lastNight(), DriftCalculatorTestFleet.tonight())
            .summary();
    assertThat(s.count("vms_appeared")).isEqualTo(1);
    assertThat(s.count("vms_vanished")).isEqualTo(1);
    assertThat(s.count("vms_reconfigured")).isEqualTo(1);
    assertThat(s.count("hosts_added")).isEqualTo(1);
    assertThat(s.count("hosts_retired")).isEqualTo(1);
    assertThat(s.count("hosts_quarantined")).isEqualTo(1);
    assertThat(s.count("hosts_vectors_changed")).isEqualTo(2);
    assertThat(s.topCauses().get(0)).startsWith("cpuid_features 0x10000701 lost 0x800");
  }

  static <T> Map<String, T> byId(List<T> rows, Function<T, String> id) {
    return rows.stream().collect(Collectors.toMap(id, r -> r, (a, b) -> a, java.util.TreeMap::new));
  }
}
