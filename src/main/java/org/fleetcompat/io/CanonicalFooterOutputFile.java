package org.fleetcompat.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} whose files are the same bytes for the same rows in every JVM.
 * parquet-mr lists each column chunk's encodings in a {@code HashSet}'s order, and enums hash by
 * identity, so that one list in the footer comes out in another order from one JVM to the next: two
 * runners, or two nights, would write different bytes for the same table. This file holds back the
 * last {@link #TAIL_BYTES} written, and on close rewrites the footer found there with every
 * encoding list sorted by code; the footer keeps its length, so nothing else moves.
 *
 * <p>A footer longer than the held-back tail (a file of thousands of row groups) is written as
 * parquet-mr made it. Not thread safe, like the streams it wraps.
 */
final class CanonicalFooterOutputFile implements OutputFile {
  /** How many trailing bytes are held back until close: far more than a part file's footer. */
  static final int TAIL_BYTES = 1 << 20;

  private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

  private final OutputFile target;

  CanonicalFooterOutputFile(OutputFile target) {
    this.target = target;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) throws IOException {
    return new TailStream(target.create(blockSizeHint));
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
    return new TailStream(target.createOrOverwrite(blockSizeHint));
  }

  @Override
  public boolean supportsBlockSize() {
    return target.supportsBlockSize();
  }

  @Override
  public long defaultBlockSize() {
    return target.defaultBlockSize();
  }

  @Override
  public String getPath() {
    return target.getPath();
  }

  /** Writes through, but for the last {@link #TAIL_BYTES}, which close canonicalizes first. */
  private static final class TailStream extends PositionOutputStream {
    private final PositionOutputStream out;
    private byte[] held = new byte[8192];
    private int size;
    private long pos;
    private boolean closed;

    TailStream(PositionOutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public void write(int b) throws IOException {
      reserve(1);
      held[size++] = (byte) b;
      pos++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      reserve(len);
      System.arraycopy(b, off, held, size, len);
      size += len;
      pos += len;
    }

    /** Makes room for {@code len} more bytes, writing out what lies beyond the tail. */
    private void reserve(int len) throws IOException {
      if (size + len > 2 * TAIL_BYTES && size > TAIL_BYTES) {
        int release = size - TAIL_BYTES;
        out.write(held, 0, release);
        System.arraycopy(held, release, held, 0, size - release);
        size -= release;
      }
      if (size + len > held.length) {
        held = Arrays.copyOf(held, Math.max(held.length * 2, size + len));
      }
    }

    @Override
    public void flush() throws IOException {
      // Held-back bytes wait for close; what lies beyond the tail is the wrapped stream's.
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        canonicalize(held, size);
        out.write(held, 0, size);
      } finally {
        out.close();
      }
    }
  }

  /** Sorts the encoding lists of the footer at the end of {@code bytes[0, n)}, in place. */
  static void canonicalize(byte[] bytes, int n) throws IOException {
    if (n < 12 || !Arrays.equals(bytes, n - 4, n, MAGIC, 0, 4)) {
      return;
    }
    int length =
        (bytes[n - 8] & 0xff)
            | (bytes[n - 7] & 0xff) << 8
            | (bytes[n - 6] & 0xff) << 16
            | (bytes[n - 5] & 0xff) << 24;
    int start = n - 8 - length;
    if (length <= 0 || start < 0) {
      return;
    }
    FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(bytes, start, length));
    for (RowGroup group : footer.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        if (chunk.isSetMeta_data() && chunk.getMeta_data().isSetEncodings()) {
          chunk.getMeta_data().getEncodings().sort(Comparator.comparingInt(Encoding::getValue));
        }
      }
    }
    ByteArrayOutputStream rewritten = new ByteArrayOutputStream(length);
    Util.writeFileMetaData(footer, rewritten);
    if (rewritten.size() == length) {
      System.arraycopy(rewritten.toByteArray(), 0, bytes, start, length);
    }
  }
}
