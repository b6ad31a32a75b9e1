package org.fleetcompat.sample;

import java.util.List;
import org.fleetcompat.core.VectorSet;

/**
 * A host of the generated fleet.
 *
 * @param id e.g. {@code h-0001}
 * @param cluster the cluster it belongs to
 * @param vectors its vectors in {@code vector_id} order
 * @param set the same vectors as a set
 */
record SampleHost(String id, SampleCluster cluster, List<SampleVector> vectors, VectorSet set) {}
