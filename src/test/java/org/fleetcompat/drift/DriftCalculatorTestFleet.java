package org.fleetcompat.drift;

import java.util.List;
import java.util.Set;
import org.fleetcompat.core.CatalogEntry;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.VectorCatalog;
import org.fleetcompat.core.VectorSet;
import org.fleetcompat.core.VmState;

/**
 * A hand-made two-night fleet whose every change is known: a microcode update that removes bit
 * 0x800 of a feature mask on two hosts of cluster cl-a, a host retired, one added, one quarantined,
 * a VM reconfigured, one moved, one created, one deleted.
 */
public final class DriftCalculatorTestFleet {
  private DriftCalculatorTestFleet() {}

  public static final int FEATURES = 0x10000701;
  public static final int VERSION = 0x10;
  public static final VectorCatalog CATALOG =
      new VectorCatalog(
          List.of(
              new CatalogEntry(
                  0x10000000, 0x12ffffff, "cpuid_features", "", Set.of(VmState.RUNNING)),
              new CatalogEntry(
                  VERSION, VERSION, "configuration_version", "", Set.of(VmState.OFF))));

  public static VectorSet host(long features, long version) {
    return VectorSet.builder()
        .add(FEATURES, CompareOperation.SUB_SET, features)
        .add(VERSION, CompareOperation.GREATER_THAN_OR_EQUAL, version)
        .build();
  }

  public static VectorSet vm(long features, long version) {
    return VectorSet.builder()
        .add(FEATURES, CompareOperation.SUB_SET, features)
        .add(VERSION, CompareOperation.GREATER_THAN_OR_EQUAL, version)
        .build();
  }

  public static ResultDirectory lastNight() {
    return lastNightFixture().result("night1");
  }

  /** Last night's fleet. */
  public static ResultFixture lastNightFixture() {
    return new ResultFixture()
        .catalog(CATALOG)
        .host("h1", "cl-a", host(0xfff, 0x900))
        .host("h2", "cl-a", host(0xfff, 0x900))
        .host("h3", "cl-a", host(0xfff, 0x900))
        .host("h4", "cl-b", host(0x0ff, 0x900))
        .host("h5", "cl-b", host(0x0ff, 0x900))
        .host("h6", "cl-b", host(0x0ff, 0x900))
        .vm("v1", 2, "h1", vm(0x801, 0x900)) // needs the bit that goes
        .vm("v2", 2, "h4", vm(0x001, 0x900))
        .vm("v3", 2, "h4", vm(0x001, 0x900)) // reconfigured to need 0x800
        .vm("v4", 2, "h5", vm(0x001, 0x900)) // moved to h6
        .vm("v5", 3, "h5", vm(0x001, 0x900)); // deleted
  }

  public static ResultDirectory tonight() {
    return tonightFixture().result("night2");
  }

  /** Tonight's fleet. */
  public static ResultFixture tonightFixture() {
    return new ResultFixture()
        .catalog(CATALOG)
        .host("h1", "cl-a", host(0x7ff, 0x900)) // microcode: lost 0x800
        .host("h2", "cl-a", host(0x7ff, 0x900)) // microcode: lost 0x800
        .host("h3", "cl-a", host(0xfff, 0x900))
        .host("h4", "cl-b", host(0x0ff, 0x900))
        // h5 quarantined, h6 retired
        .host("h7", "cl-b", host(0x0ff, 0x900)) // added
        .vm("v1", 2, "h1", vm(0x801, 0x900))
        .vm("v2", 2, "h4", vm(0x001, 0x900))
        .vm("v3", 2, "h3", vm(0x801, 0x900))
        .vm("v4", 2, "h7", vm(0x001, 0x900))
        .vm("v6", 2, "h7", vm(0x001, 0x900)) // created
        .reject("host_vectors", "h5", "CONFLICTING_DUPLICATE");
  }
}
