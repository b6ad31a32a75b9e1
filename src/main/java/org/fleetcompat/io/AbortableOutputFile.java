package org.fleetcompat.io;

import java.io.IOException;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * An {@link OutputFile} that keeps the stream parquet-mr opens on it: an aborted {@code
 * ParquetFileWriter} leaves its stream open, and {@link ColumnarFileWriter#abort()} must close it
 * before it deletes the file. Not thread safe.
 */
final class AbortableOutputFile implements OutputFile {
  private final OutputFile file;
  private PositionOutputStream stream;

  AbortableOutputFile(OutputFile file) {
    this.file = file;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) throws IOException {
    stream = file.create(blockSizeHint);
    return stream;
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
    stream = file.createOrOverwrite(blockSizeHint);
    return stream;
  }

  @Override
  public boolean supportsBlockSize() {
    return file.supportsBlockSize();
  }

  @Override
  public long defaultBlockSize() {
    return file.defaultBlockSize();
  }

  @Override
  public String getPath() {
    return file.getPath();
  }

  /** Closes the stream, if one was opened. */
  void closeStream() throws IOException {
    if (stream != null) {
      stream.close();
    }
  }
}
