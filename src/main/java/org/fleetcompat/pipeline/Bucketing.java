package org.fleetcompat.pipeline;

import org.fleetcompat.io.IdHash;
import org.fleetcompat.io.VectorTableReader;

/**
 * How systems are spread over buckets: the unit of work of both runners, from validation to the
 * part files of the per-system tables. Both the bucket count and a system's bucket are functions of
 * the data alone (never of threads, executors or partitions), so every runner on every machine
 * makes the same buckets, judges the same systems together and writes the same files.
 *
 * <p>A system's bucket is a mix of its id's {@link IdHash} (the polynomial hash of its UTF-8 bytes,
 * which for ASCII ids is the {@link String#hashCode()} the Java language specifies), so it is the
 * same in every JVM, and readers compute it from a page's bytes with no string made.
 */
public final class Bucketing {
  /** A side with at most this many vector rows is one bucket: small fleets make few files. */
  static final long ONE_BUCKET_ROWS = 100_000;

  /** Above that, about this many vector rows go to a bucket. */
  static final long ROWS_PER_BUCKET = 250_000;

  /** Above one bucket, at least this many: enough to keep every core of a machine busy. */
  static final int MIN_BUCKETS = 8;

  /** At most this many buckets. */
  static final int MAX_BUCKETS = 4096;

  private Bucketing() {}

  /** How many buckets a side with {@code vectorRows} rows (from the footers) is split into. */
  public static int bucketCount(long vectorRows) {
    if (vectorRows <= ONE_BUCKET_ROWS) {
      return 1;
    }
    long n = (vectorRows + ROWS_PER_BUCKET - 1) / ROWS_PER_BUCKET;
    return (int) Math.min(MAX_BUCKETS, Math.max(MIN_BUCKETS, n));
  }

  /** The bucket of a system id among {@code buckets}; the rows naming no system go to bucket 0. */
  public static int bucketOf(String systemId, int buckets) {
    return systemId == null ? 0 : bucketOfHash(IdHash.of(systemId), buckets);
  }

  /** The bucket of a system whose id has the {@link IdHash} {@code idHash}. */
  public static int bucketOfHash(int idHash, int buckets) {
    if (buckets == 1) {
      return 0;
    }
    int h = idHash;
    // MurmurHash3's finalizer: spreads ids that differ only in their last characters.
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return Math.floorMod(h, buckets);
  }

  /** A serializable router over {@code buckets} for the readers. */
  public static VectorTableReader.Router router(int buckets) {
    return idHash -> bucketOfHash(idHash, buckets);
  }
}
