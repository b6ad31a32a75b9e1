package org.fleetcompat.core;

/**
 * A blob that {@link BlobCodec#decode(byte[])} cannot read: status {@link
 * ReturnCode#INVALID_PARAMETER} for a blob that is not one, or is truncated, extended, corrupt or
 * malformed, and {@link ReturnCode#NOT_SUPPORTED} for a blob of a newer format version. The message
 * names the byte offset, says what is wrong there and what to do.
 */
public final class BlobFormatException extends FleetcompatException {
  private static final long serialVersionUID = 1L;

  private static final String INFO = "`fleetcompat info` (or SystemCompatibility.info)";

  private final int offset;

  private BlobFormatException(ReturnCode status, int offset, String problem, String fix) {
    super(status, "Cannot read blob at byte offset " + offset + ": " + problem + "; " + fix);
    this.offset = offset;
  }

  /** The byte offset where the problem was found (0 for the start of the blob). */
  public int offset() {
    return offset;
  }

  /** "1 byte", "{@code n} bytes": counts in messages. */
  static String bytes(long n) {
    return n == 1 ? "1 byte" : n + " bytes";
  }

  /** The bytes are not a fleetcompat blob at all (status 32773). */
  static BlobFormatException notABlob(int offset, String problem) {
    return new BlobFormatException(
        ReturnCode.INVALID_PARAMETER, offset, problem, "pass a blob written by " + INFO);
  }

  /** The blob ends before its declared length (status 32773). */
  static BlobFormatException truncated(int offset, String problem) {
    return new BlobFormatException(
        ReturnCode.INVALID_PARAMETER,
        offset,
        problem,
        "the blob was cut short (or its header is corrupt): copy the whole file again, or take"
            + " the blob again with "
            + INFO);
  }

  /** The blob's bytes were altered or were malformed when written (status 32773). */
  static BlobFormatException corrupt(int offset, String problem) {
    return new BlobFormatException(
        ReturnCode.INVALID_PARAMETER,
        offset,
        problem,
        "the blob is corrupt: take it again with " + INFO);
  }

  /** A format version this build does not read (status 32770). */
  static BlobFormatException newerVersion(int offset, int version, int supported) {
    return new BlobFormatException(
        ReturnCode.NOT_SUPPORTED,
        offset,
        "format version "
            + version
            + " is newer than this fleetcompat reads (up to "
            + supported
            + ")",
        "check it with the fleetcompat version that wrote it, or re-run info with this version");
  }
}
