package org.fleetcompat.sample;

import java.util.List;
import org.fleetcompat.core.VectorSet;

/**
 * A named CPU model a VM can be configured with: one row of {@code
 * data-samples/source/cpus/models.csv}.
 *
 * @param featureCount how many CPU features the model requires
 * @param vectors the VM vectors of the model (SubSet registers, Equal vendor), in CSV order
 * @param set the same vectors as a set
 */
record CpuModel(int featureCount, List<SampleVector> vectors, VectorSet set) {}
