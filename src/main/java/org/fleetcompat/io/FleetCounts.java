package org.fleetcompat.io;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The manifest's headline counts of the fleet evaluated ({@code fleet}). Immutable.
 *
 * @param vms VMs evaluated
 * @param hosts hosts evaluated
 * @param vmClasses VM classes
 * @param hostClasses host classes
 * @param compatiblePairs compatible VM-host pairs
 * @param vmsWithACompatibleHost VMs that fit at least one host
 */
public record FleetCounts(
    long vms,
    long hosts,
    long vmClasses,
    long hostClasses,
    long compatiblePairs,
    @JsonProperty("vms_with_a_compatible_host") long vmsWithACompatibleHost) {}
