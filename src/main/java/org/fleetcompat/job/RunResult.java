package org.fleetcompat.job;

import org.fleetcompat.io.Manifest;

/**
 * What a successful {@link RunJob} produced.
 *
 * @param outDir the published result directory
 * @param manifest the manifest written into it
 */
public record RunResult(String outDir, Manifest manifest) {}
