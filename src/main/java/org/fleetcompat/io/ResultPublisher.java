package org.fleetcompat.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;

/**
 * Publishes a result directory atomically (SPEC section 4): the job writes everything into a
 * staging directory, then one rename makes it visible. A reader of {@code --out} sees the previous
 * complete result or the new complete one, never a partial one, also if the job is killed.
 *
 * <p>On a local file system {@code --out} is a symbolic link to {@code .NAME.runs/RUN_ID} beside
 * it, swapped by an atomic rename of a new link over the old one, so a nightly job can publish into
 * the same {@code --out} again and again; the previous run is kept for readers still on it, older
 * ones are deleted. On other file systems (HDFS, object stores) {@code --out} must not exist yet
 * and the staging directory is renamed to it.
 *
 * <p>Not thread safe; one publisher per job.
 */
public final class ResultPublisher {
  private final Path out;
  private final Path staging;
  private final FileSystem fs;
  private final boolean local;

  private ResultPublisher(Path out, Path staging, FileSystem fs, boolean local) {
    this.out = out;
    this.staging = staging;
    this.fs = fs;
    this.local = local;
  }

  /**
   * Checks that {@code out} can be published to and creates a fresh staging directory, before any
   * work starts.
   *
   * @throws FleetcompatException status 32773 if {@code out} is taken by something else
   */
  public static ResultPublisher prepare(String out, Configuration conf) {
    Path outPath = new Path(out);
    try {
      FileSystem fs = outPath.getFileSystem(conf);
      boolean local = "file".equals(fs.getScheme());
      Path qualified = fs.makeQualified(outPath);
      String runId = UUID.randomUUID().toString().substring(0, 8);
      Path staging;
      if (local) {
        java.nio.file.Path link = java.nio.file.Path.of(qualified.toUri());
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !isOurLink(link)) {
          throw taken(out, "exists and is not a fleetcompat result link");
        }
        staging = new Path(runsDir(qualified), System.currentTimeMillis() + "-" + runId);
      } else {
        if (fs.exists(qualified)) {
          throw taken(out, "exists (on this file system a result is never overwritten)");
        }
        staging = new Path(qualified.getParent(), "." + qualified.getName() + ".staging-" + runId);
      }
      fs.mkdirs(staging);
      return new ResultPublisher(qualified, staging, fs, local);
    } catch (IOException e) {
      throw new FleetcompatException(
          ReturnCode.INVALID_PARAMETER, "Cannot prepare --out " + out + ": " + e.getMessage(), e);
    }
  }

  /** The directory to write every output into, as a URI string. */
  public String stagingDir() {
    return staging.toString();
  }

  /** The published location, as a URI string. */
  public String outDir() {
    return out.toString();
  }

  /** Makes the staging directory the visible result, in one atomic step. */
  public void publish() throws IOException {
    if (local) {
      java.nio.file.Path link = java.nio.file.Path.of(out.toUri());
      java.nio.file.Path target = java.nio.file.Path.of(staging.toUri());
      java.nio.file.Path relative = link.getParent().relativize(target);
      java.nio.file.Path tmp = link.resolveSibling("." + link.getFileName() + ".link-tmp");
      // The run readers are on now, not the newest directory: a killed job leaves a newer one.
      java.nio.file.Path previous =
          Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).getFileName() : null;
      Files.deleteIfExists(tmp);
      Files.createSymbolicLink(tmp, relative);
      Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      deleteOldRuns(target, previous);
    } else if (!fs.rename(staging, out)) {
      throw new IOException("rename of " + staging + " to " + out + " failed (does it exist?)");
    }
  }

  /** Deletes the staging directory after a failure; the previous result stays as it was. */
  public void abandon() {
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      // The failure being reported matters more; a stale staging directory is harmless.
    }
  }

  private static Path runsDir(Path out) {
    return new Path(out.getParent(), "." + out.getName() + ".runs");
  }

  private static boolean isOurLink(java.nio.file.Path link) throws IOException {
    if (!Files.isSymbolicLink(link)) {
      return false;
    }
    java.nio.file.Path target = Files.readSymbolicLink(link);
    return target.getNameCount() == 2
        && target.getName(0).toString().equals("." + link.getFileName() + ".runs");
  }

  /**
   * Keeps the new run and the one published before it (readers may still be on it); deletes the
   * runs that started before the new one, such as those of jobs killed before they published. Runs
   * started later may still be writing and are left to the publish after them.
   */
  private static void deleteOldRuns(java.nio.file.Path current, java.nio.file.Path previous)
      throws IOException {
    String currentName = current.getFileName().toString();
    List<java.nio.file.Path> runs;
    try (Stream<java.nio.file.Path> s = Files.list(current.getParent())) {
      runs =
          s.filter(p -> p.getFileName().toString().compareTo(currentName) < 0)
              .filter(p -> !p.getFileName().equals(previous))
              .toList();
    }
    for (java.nio.file.Path old : runs) {
      try (Stream<java.nio.file.Path> tree = Files.walk(old)) {
        for (java.nio.file.Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static FleetcompatException taken(String out, String why) {
    return new FleetcompatException(
        ReturnCode.INVALID_PARAMETER,
        "Cannot publish to --out " + out + ": it " + why + "; choose a new directory or remove it");
  }
}
