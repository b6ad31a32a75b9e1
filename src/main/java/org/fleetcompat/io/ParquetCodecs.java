package org.fleetcompat.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.DirectByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The compression codecs of the result writers and readers.
 *
 * <p>parquet-mr's heap {@code CodecFactory} reaches SNAPPY through Hadoop's codec classes and
 * builds a Hadoop {@code Configuration} for them: about 0.3 s of class loading and XML parsing per
 * JVM, on a local disk that needs no Hadoop at all. Its direct-memory factory compresses SNAPPY
 * (and ZSTD) with the compression library itself, so it needs no configuration; other codecs, which
 * only files written by other tools use, still go through Hadoop's classes.
 *
 * <p>That factory hands out its output in one reused buffer: valid until its next call. The writers
 * copy each compressed page at once (parquet-mr's page store does, and so does {@link
 * ColumnarChunk}); the record reader keeps a page of every column alive at the same time, so {@link
 * #newReadFactory} copies each decompressed page out.
 */
final class ParquetCodecs {
  /** The size of a page as parquet-mr and Spark write them: the first size of the buffers. */
  private static final int PAGE_BYTES = 1 << 20;

  private ParquetCodecs() {}

  /**
   * A new factory for writing; not thread safe, one per writer, {@code release()} it when done.
   *
   * @param pageSizeBytes the expected page size, the initial size of its buffers
   */
  static CompressionCodecFactory newWriteFactory(int pageSizeBytes) {
    return CodecFactory.createDirectCodecFactory(
        null, DirectByteBufferAllocator.getInstance(), pageSizeBytes);
  }

  /** A new factory for reading, whose pages stay valid; not thread safe, one per file. */
  static CompressionCodecFactory newReadFactory() {
    return new CopyingFactory(newWriteFactory(PAGE_BYTES));
  }

  /** A copy of {@code bytes} in a new array: they may sit in a buffer the codec reuses. */
  static byte[] toArray(BytesInput bytes) {
    ByteBuffer buffer = bytes.toByteBuffer(HeapByteBufferAllocator.getInstance(), b -> {});
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }

  /** Decompresses into a new heap array per page. */
  private record CopyingFactory(CompressionCodecFactory direct) implements CompressionCodecFactory {
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
      return direct.getCompressor(codecName);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
      BytesInputDecompressor d = direct.getDecompressor(codecName);
      return new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
          return BytesInput.from(toArray(d.decompress(bytes, decompressedSize)));
        }

        @Override
        public void decompress(
            ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
            throws IOException {
          d.decompress(input, compressedSize, output, decompressedSize);
        }

        @Override
        public void release() {
          d.release();
        }
      };
    }

    @Override
    public void release() {
      direct.release();
    }
  }
}
