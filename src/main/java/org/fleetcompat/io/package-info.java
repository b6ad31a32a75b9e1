/**
 * Snapshot input and result output without Spark: the schema contract of each table, footer checks
 * with clear errors, reject reasons, row accounting, the manifest, atomic publishing (of a result:
 * {@link org.fleetcompat.io.ResultPublisher}; of dated nights and their {@code latest}: {@link
 * org.fleetcompat.io.DatedResults}), and a Parquet writer of snapshot tables in every accepted
 * physical encoding, and the vector catalog reader.
 *
 * <p>Result tables are declared once ({@link org.fleetcompat.io.ResultTable}, or any list of {@link
 * org.fleetcompat.io.ResultColumn}s) and written and read from that declaration with parquet-mr
 * alone: {@link org.fleetcompat.io.ParquetSchemas} (the schema, as Spark writes it), {@link
 * org.fleetcompat.io.TableFileWriter} (any table, lists and structs included), {@link
 * org.fleetcompat.io.ColumnarFileWriter} (flat tables value by value, strings as dictionary
 * indices: the fast path for the big tables) and {@link org.fleetcompat.io.TableFileReader}.
 *
 * <p>May use Hadoop, Parquet and Jackson; never Spark. Depends on {@code core} only.
 *
 * <pre>{@code
 * SnapshotInputs in = SnapshotInspector.inspect("data-samples/cpu-fleet", new Configuration());
 * ResultPublisher out = ResultPublisher.prepare("/tmp/result", new Configuration());
 * // ... write tables under out.stagingDir() ...
 * TableFileWriter.write(storage, out.stagingDir() + "/pools/part-00000.parquet",
 *     ResultTable.POOLS.tableName(), ResultTable.POOLS.columns(false), poolRows);
 * ManifestWriter.write(manifest, out.stagingDir(), new Configuration());
 * out.publish();
 * List<Object[]> pools = TableFileReader.readAll(storage, "/tmp/result/pools", ResultTable.POOLS, false);
 * }</pre>
 */
package org.fleetcompat.io;
