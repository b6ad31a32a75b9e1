package org.fleetcompat.sample;

import java.util.List;

/**
 * A VM of a planned night.
 *
 * @param id e.g. {@code vm-00001}
 * @param state its enabled_state
 * @param vectors its vectors in id order
 * @param currentHost the host it runs on
 */
record PlannedVm(String id, int state, List<SampleVector> vectors, String currentHost) {}
