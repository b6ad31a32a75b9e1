package org.fleetcompat.job;

import java.io.IOException;
import org.fleetcompat.io.Manifest;
import org.fleetcompat.io.Storage;

/**
 * Files a caller adds to a run's result before {@link RunJob} publishes it: written into the
 * staging directory after the tables and the manifest, so that they appear together with them in
 * the one atomic publish (the nightly job's report and drift). A failure here abandons the run:
 * nothing is published.
 */
@FunctionalInterface
public interface BeforePublish {
  /** Adds nothing. */
  BeforePublish NOTHING = (storage, stagingDir, manifest) -> {};

  /**
   * Writes into {@code stagingDir}.
   *
   * @param storage the result's storage
   * @param stagingDir the staging directory, complete but for what this writes
   * @param manifest the run's manifest, already written there
   */
  void write(Storage storage, String stagingDir, Manifest manifest) throws IOException;
}
