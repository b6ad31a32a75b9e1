package org.fleetcompat.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.fleetcompat.core.FleetcompatException;

/**
 * A root of dated results, the nightly job's layout:
 *
 * <pre>
 * ROOT/date=2026-12-01/   one night: the result tables, manifest.json, report.html, drift/, and
 *                         nightly.json (written last: a night without it is not complete)
 * ROOT/date=2026-12-02/
 * ROOT/latest             the newest complete night
 * </pre>
 *
 * <p>{@code latest} on a local disk is a symbolic link to {@code date=YYYY-MM-DD}, replaced by an
 * atomic rename of a new link over it: {@code ROOT/latest/vm_summary} is always a complete night's
 * table. On other file systems (HDFS, object stores) it is a small marker file holding the night's
 * directory name ({@code date=2026-12-02} and a newline), written in one request after that night
 * is complete; readers read the marker, then {@code ROOT/<name>/...}. Each night on a local disk is
 * itself a {@link ResultPublisher} link ({@code date=D -> .date=D.runs/RUN}), so a night run again
 * replaces the earlier run atomically.
 *
 * <p>Names starting with {@code .} (staging directories, the runs behind the links, the lock) and
 * anything not named {@code date=YYYY-MM-DD} are never taken for a night. Not thread safe; one
 * nightly job per root at a time (see {@link #lock()}).
 */
public final class DatedResults {
  /** The pointer to the newest complete night. */
  public static final String LATEST = "latest";

  /** A night's record, written last ({@link NightRecord}). */
  public static final String NIGHT_FILE = "nightly.json";

  /** The lock file on a local disk. */
  public static final String LOCK_FILE = ".nightly.lock";

  private static final String PREFIX = "date=";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Storage storage;
  private final String root;

  private DatedResults(Storage storage, String root) {
    this.storage = storage;
    this.root = root;
  }

  /** The dated results under {@code root} (which need not exist yet) on {@code storage}. */
  public static DatedResults at(Storage storage, String root) {
    return new DatedResults(storage, storage.qualify(root));
  }

  /** The root, qualified. */
  public String root() {
    return root;
  }

  /** The storage the root is on. */
  public Storage storage() {
    return storage;
  }

  /** The directory name of night {@code date}: {@code date=YYYY-MM-DD}. */
  public static String nightName(LocalDate date) {
    return PREFIX + date;
  }

  /** The directory of night {@code date}, whether or not it exists. */
  public String nightDir(LocalDate date) {
    return storage.resolve(root, nightName(date));
  }

  /** The night a {@code date=YYYY-MM-DD} name stands for, or empty for any other name. */
  static Optional<LocalDate> dateOf(String name) {
    if (!name.startsWith(PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(name.substring(PREFIX.length())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Every night with a directory under the root, complete or not, oldest first. */
  public List<LocalDate> dates() throws IOException {
    List<LocalDate> dates = new ArrayList<>();
    for (String name : storage.listNames(root)) {
      dateOf(name).ifPresent(dates::add);
    }
    dates.sort(null);
    return dates;
  }

  /** Whether night {@code date} is complete: its record was written. */
  public boolean isComplete(LocalDate date) throws IOException {
    return storage.exists(storage.resolve(nightDir(date), NIGHT_FILE));
  }

  /** The complete nights, oldest first. */
  public List<LocalDate> completeNights() throws IOException {
    List<LocalDate> nights = new ArrayList<>();
    for (LocalDate d : dates()) {
      if (isComplete(d)) {
        nights.add(d);
      }
    }
    return nights;
  }

  /** Night {@code date}'s record, or empty if it has none or it cannot be read. */
  public Optional<NightRecord> record(LocalDate date) {
    String file = storage.resolve(nightDir(date), NIGHT_FILE);
    try (InputStream in = storage.open(file)) {
      return Optional.of(JSON.readValue(in, NightRecord.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes night {@code date}'s record into its published directory, as the night's last file (on a
   * local disk a temporary file renamed into place; elsewhere one request).
   */
  public void writeRecord(LocalDate date, NightRecord record) throws IOException {
    String dir = nightDir(date);
    String file = storage.resolve(dir, NIGHT_FILE);
    byte[] bytes = JSON.writeValueAsBytes(record);
    if (!storage.isLocal()) {
      write(file, bytes);
      return;
    }
    String tmp = storage.resolve(dir, "." + NIGHT_FILE + "." + UUID.randomUUID() + ".tmp");
    write(tmp, bytes);
    Files.move(
        LocalStorage.toPath(tmp),
        LocalStorage.toPath(file),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** The night {@code latest} points to, or empty if there is no pointer or it names no night. */
  public Optional<LocalDate> latest() throws IOException {
    String pointer = storage.resolve(root, LATEST);
    if (storage.isLocal()) {
      Path link = LocalStorage.toPath(pointer);
      return Files.isSymbolicLink(link)
          ? dateOf(Files.readSymbolicLink(link).toString())
          : Optional.empty();
    }
    if (!storage.exists(pointer)) {
      return Optional.empty();
    }
    try (InputStream in = storage.open(pointer)) {
      return dateOf(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
    }
  }

  /** Points {@code latest} at night {@code date}, atomically (see the class comment). */
  public void pointLatestAt(LocalDate date) throws IOException {
    String pointer = storage.resolve(root, LATEST);
    if (!storage.isLocal()) {
      write(pointer, (nightName(date) + "\n").getBytes(StandardCharsets.UTF_8));
      return;
    }
    Path link = LocalStorage.toPath(pointer);
    if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
      throw OutputErrors.latestNotALink(link.toString());
    }
    Path tmp = link.resolveSibling("." + LATEST + "." + UUID.randomUUID() + ".tmp");
    Files.createSymbolicLink(tmp, Path.of(nightName(date)));
    try {
      Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Deletes night {@code date}: its directory and, on a local disk, the runs behind its link; and
   * any staging directory a killed run of that night left.
   */
  public void delete(LocalDate date) throws IOException {
    String hiddenPrefix = "." + nightName(date) + ".";
    for (String name : storage.listNames(root)) {
      if (name.startsWith(hiddenPrefix)) {
        storage.delete(storage.resolve(root, name));
      }
    }
    storage.delete(nightDir(date));
  }

  /**
   * Takes the root's lock, so that two nightly jobs never publish into one root at once; on a local
   * disk an OS file lock on {@value #LOCK_FILE} (released if the process dies), elsewhere nothing:
   * the scheduler must run one night of a root at a time.
   *
   * @throws FleetcompatException status 32774 (system is in use) if another job holds it
   */
  public Lock lock() throws IOException {
    if (!storage.isLocal()) {
      return () -> {};
    }
    Path dir = LocalStorage.toPath(root);
    Files.createDirectories(dir);
    FileChannel channel =
        FileChannel.open(
            dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw OutputErrors.nightlyRootBusy(String.valueOf(root), LOCK_FILE);
    }
    FileLock held = lock;
    return () -> {
      held.release();
      channel.close();
    };
  }

  /** A held lock of a root; closing releases it. */
  public interface Lock extends AutoCloseable {
    @Override
    void close() throws IOException;
  }

  private void write(String file, byte[] bytes) throws IOException {
    try (OutputStream out = storage.create(file)) {
      out.write(bytes);
    }
  }
}
