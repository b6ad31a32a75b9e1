package org.fleetcompat.sample;

import java.util.List;
import java.util.Set;

/**
 * A real host processor: one row of {@code data-samples/source/cpus/hosts.csv}.
 *
 * @param name the CPU type, e.g. {@code Xeon-Platinum-8268}
 * @param brand the CPUID brand string
 * @param vendor {@code Intel}, {@code AMD} or {@code Hygon}
 * @param family the CPUID family
 * @param model the CPUID model
 * @param stepping the CPUID stepping
 * @param features libvirt's names of the features it has, e.g. {@code avx2}
 * @param vectors its CPUID register, MSR and scalar vectors, with the CSV's meaningless operation
 */
record HostCpu(
    String name,
    String brand,
    String vendor,
    int family,
    int model,
    int stepping,
    Set<String> features,
    List<SampleVector> vectors) {}
