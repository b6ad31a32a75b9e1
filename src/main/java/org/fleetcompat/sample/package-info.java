/**
 * The sample fleet generator behind {@code fleetcompat generate-samples}: the {@code cpu-fleet}
 * sample snapshot built from the real CPU data under {@code data-samples/source/cpus} (hosts on
 * real processors in clusters, VMs on libvirt models in three states, a few deliberate bad rows),
 * deterministic for a seed.
 *
 * <p>Depends on {@code io} and {@code core}.
 *
 * <pre>{@code
 * SampleSnapshotGenerator.generate(Path.of("data-samples/source/cpus"),
 *     Path.of("/tmp/cpu-fleet"), SampleSnapshotGenerator.DEFAULT_SEED);
 * }</pre>
 */
package org.fleetcompat.sample;
