/**
 * Snapshot input and result output without Spark: the schema contract of each table, footer checks
 * with clear errors, reject reasons, row accounting, the manifest, atomic publishing, and a Parquet
 * writer of snapshot tables in every accepted physical encoding, and the vector catalog reader.
 *
 * <p>May use Hadoop, Parquet and Jackson; never Spark. Depends on {@code core} only.
 *
 * <pre>{@code
 * SnapshotInputs in = SnapshotInspector.inspect("data-samples/cpu-fleet", new Configuration());
 * ResultPublisher out = ResultPublisher.prepare("/tmp/result", new Configuration());
 * // ... write tables under out.stagingDir() ...
 * ManifestWriter.write(manifest, out.stagingDir(), new Configuration());
 * out.publish();
 * }</pre>
 */
package org.fleetcompat.io;
