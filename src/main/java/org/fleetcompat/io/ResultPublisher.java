package org.fleetcompat.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.fleetcompat.core.FleetcompatException;

/**
 * Publishes a result directory atomically (SPEC section 4): the job writes everything into a
 * staging directory, then one rename makes it visible. A reader of {@code --out} sees the previous
 * complete result or the new complete one, never a partial one, also if the job is killed.
 *
 * <p>On a local disk {@code --out} is a symbolic link to {@code .NAME.runs/RUN} beside it, swapped
 * by an atomic rename of a new link over the old one, so a nightly job can publish into the same
 * {@code --out} again and again; the previous run is kept for readers still on it, older ones
 * (killed runs' leftovers included) are deleted. {@code RUN} is the UTC start time and a random
 * suffix, e.g. {@code 20261202T021530.042Z-3f9a01c2}. On other file systems (HDFS, object stores)
 * {@code --out} must not exist yet and the staging directory is renamed to it.
 *
 * <p>Not thread safe; one publisher per job.
 */
public final class ResultPublisher {
  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");

  private final Storage storage;
  private final String out;
  private final String staging;

  private ResultPublisher(Storage storage, String out, String staging) {
    this.storage = storage;
    this.out = out;
    this.staging = staging;
  }

  /**
   * Checks that {@code out} can be published to and creates a fresh staging directory, before any
   * work starts: a result that cannot be published is refused before it is computed.
   *
   * @throws FleetcompatException status 32773 if {@code out} is taken by something else or cannot
   *     be written
   */
  public static ResultPublisher prepare(Storage storage, String out) {
    String qualified = storage.qualify(out);
    String runId =
        ZonedDateTime.now(ZoneOffset.UTC).format(RUN_TIME)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    try {
      String staging;
      if (storage.isLocal()) {
        Path link = LocalStorage.toPath(qualified);
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !isOurLink(link)) {
          throw OutputErrors.taken(out, "exists and is not a fleetcompat result link");
        }
        staging = runsDir(link).resolve(runId).toString();
      } else {
        if (storage.exists(qualified)) {
          throw OutputErrors.taken(
              out, "exists (on this file system a result is never overwritten)");
        }
        String parent = qualified.substring(0, Math.max(0, qualified.lastIndexOf('/')));
        String name = qualified.substring(qualified.lastIndexOf('/') + 1);
        staging = storage.resolve(parent, "." + name + ".staging-" + runId);
      }
      storage.mkdirs(staging);
      return new ResultPublisher(storage, qualified, staging);
    } catch (IOException e) {
      throw OutputErrors.notWritable(out, e);
    }
  }

  /** The directory to write every output into. */
  public String stagingDir() {
    return staging;
  }

  /** The published location. */
  public String outDir() {
    return out;
  }

  /** Makes the staging directory the visible result, in one atomic step. */
  public void publish() throws IOException {
    if (storage.isLocal()) {
      Path link = LocalStorage.toPath(out);
      Path target = LocalStorage.toPath(staging);
      Path relative = link.getParent().relativize(target);
      Path tmp = link.resolveSibling("." + link.getFileName() + ".link-tmp");
      // The run readers are on now, not the newest directory: a killed job leaves a newer one.
      Path previous =
          Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).getFileName() : null;
      Files.deleteIfExists(tmp);
      Files.createSymbolicLink(tmp, relative);
      Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      deleteOldRuns(target, previous);
    } else {
      storage.rename(staging, out);
    }
  }

  /** Deletes the staging directory after a failure; the previous result stays as it was. */
  public void abandon() {
    try {
      storage.delete(staging);
    } catch (IOException e) {
      // The failure being reported matters more; the next run deletes a stale staging directory.
    }
  }

  private static Path runsDir(Path out) {
    return out.resolveSibling("." + out.getFileName() + ".runs");
  }

  private static boolean isOurLink(Path link) throws IOException {
    if (!Files.isSymbolicLink(link)) {
      return false;
    }
    Path target = Files.readSymbolicLink(link);
    return target.getNameCount() == 2
        && target.getName(0).toString().equals("." + link.getFileName() + ".runs");
  }

  /**
   * Keeps the new run and the one published before it (readers may still be on it); deletes the
   * runs that started before the new one, such as those of jobs killed before they published. Runs
   * started later may still be writing and are left to the publish after them.
   */
  private void deleteOldRuns(Path current, Path previous) throws IOException {
    String currentName = current.getFileName().toString();
    List<Path> runs;
    try (Stream<Path> s = Files.list(current.getParent())) {
      runs =
          s.filter(p -> p.getFileName().toString().compareTo(currentName) < 0)
              .filter(p -> !p.getFileName().equals(previous))
              .toList();
    }
    for (Path old : runs) {
      storage.delete(old.toString());
    }
  }
}
