package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.core.ReturnCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultPublisherTest {
  private static final Storage storage = LocalStorage.INSTANCE;

  @TempDir Path dir;

  @Test
  void publishMakesOutALinkToTheRun() throws IOException {
    Path out = dir.resolve("result");

    ResultPublisher p = ResultPublisher.prepare(storage, out.toString());
    Path staging = local(p.stagingDir());
    assertThat(staging).isDirectory();
    assertThat(staging.getParent()).isEqualTo(dir.resolve(".result.runs"));
    assertThat(local(p.outDir())).isEqualTo(out);
    writeResult(p, "run 1");
    assertThat(Files.exists(out, LinkOption.NOFOLLOW_LINKS)).isFalse();

    p.publish();

    assertThat(Files.isSymbolicLink(out)).isTrue();
    assertThat(Files.readSymbolicLink(out))
        .isEqualTo(Path.of(".result.runs", staging.getFileName().toString()));
    assertThat(out.resolve("vm_classes/part-00000.txt")).hasContent("run 1");
    assertThat(names(dir)).containsExactly(".result.runs", "result");
  }

  @Test
  void aSecondPublishSwapsTheLinkAndAThirdDeletesTheFirstRun() throws IOException {
    Path out = dir.resolve("result");
    ResultPublisher first = publish(out, "run 1");
    Path run1 = local(first.stagingDir());

    ResultPublisher second = ResultPublisher.prepare(storage, out.toString());
    writeResult(second, "run 2");
    assertThat(out.resolve("vm_classes/part-00000.txt")).hasContent("run 1");
    second.publish();
    Path run2 = local(second.stagingDir());

    assertThat(out.resolve("vm_classes/part-00000.txt")).hasContent("run 2");
    assertThat(out.toRealPath()).isEqualTo(run2.toRealPath());
    assertThat(run1.resolve("vm_classes/part-00000.txt")).hasContent("run 1");

    ResultPublisher third = publish(out, "run 3");
    Path run3 = local(third.stagingDir());

    assertThat(out.resolve("vm_classes/part-00000.txt")).hasContent("run 3");
    assertThat(run1).doesNotExist();
    assertThat(run2.resolve("vm_classes/part-00000.txt")).hasContent("run 2");
    assertThat(names(dir.resolve(".result.runs")))
        .containsExactlyInAnyOrder(run2.getFileName().toString(), run3.getFileName().toString());
    assertThat(names(dir)).containsExactly(".result.runs", "result");
  }

  @Test
  void aRunKilledBeforePublishingDoesNotCostReadersThePreviousResult() throws IOException {
    Path out = dir.resolve("result");
    ResultPublisher first = publish(out, "run 1");
    Path run1 = local(first.stagingDir());
    ResultPublisher killed = ResultPublisher.prepare(storage, out.toString());
    writeResult(killed, "half of run 2");
    sleepPastTheMillisecond();

    ResultPublisher third = publish(out, "run 3");

    assertThat(out.resolve("vm_classes/part-00000.txt")).hasContent("run 3");
    // Readers that opened the result before the swap are on run 1: it must stay.
    assertThat(run1.resolve("vm_classes/part-00000.txt")).hasContent("run 1");
    assertThat(local(killed.stagingDir())).doesNotExist();
    assertThat(names(dir.resolve(".result.runs")))
        .containsExactlyInAnyOrder(
            run1.getFileName().toString(), local(third.stagingDir()).getFileName().toString());
  }

  @Test
  void aRunStartedLaterIsNotDeletedWhileItIsStillWriting() throws IOException {
    Path out = dir.resolve("result");
    publish(out, "run 1");
    ResultPublisher early = ResultPublisher.prepare(storage, out.toString());
    sleepPastTheMillisecond();
    ResultPublisher late = ResultPublisher.prepare(storage, out.toString());
    writeResult(early, "run 2");

    early.publish();

    assertThat(local(late.stagingDir())).isDirectory();
    writeResult(late, "run 3");
    late.publish();
    assertThat(out.resolve("vm_classes/part-00000.txt")).hasContent("run 3");
    assertThat(local(early.stagingDir()).resolve("vm_classes/part-00000.txt")).hasContent("run 2");
  }

  @Test
  void abandonDeletesTheStagingDirectoryAndKeepsThePreviousResult() throws IOException {
    Path out = dir.resolve("result");
    ResultPublisher first = publish(out, "run 1");

    ResultPublisher failed = ResultPublisher.prepare(storage, out.toString());
    writeResult(failed, "broken");
    failed.abandon();

    assertThat(local(failed.stagingDir())).doesNotExist();
    assertThat(out.toRealPath()).isEqualTo(local(first.stagingDir()).toRealPath());
    assertThat(out.resolve("vm_classes/part-00000.txt")).hasContent("run 1");
    assertThat(names(dir.resolve(".result.runs")))
        .containsExactly(local(first.stagingDir()).getFileName().toString());
  }

  @Test
  void abandonWithoutAPreviousResultLeavesNoResult() throws IOException {
    Path out = dir.resolve("result");

    ResultPublisher failed = ResultPublisher.prepare(storage, out.toString());
    writeResult(failed, "broken");
    failed.abandon();

    assertThat(Files.exists(out, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(local(failed.stagingDir())).doesNotExist();
  }

  @Test
  void prepareRefusesAPlainDirectoryAtOut() throws IOException {
    Path out = Files.createDirectories(dir.resolve("result"));
    Files.writeString(out.resolve("keep.txt"), "mine");

    assertTaken(out);
    assertThat(out.resolve("keep.txt")).hasContent("mine");
  }

  @Test
  void prepareRefusesAPlainFileAtOut() throws IOException {
    Path out = Files.writeString(dir.resolve("result"), "mine");

    assertTaken(out);
    assertThat(out).hasContent("mine");
  }

  @Test
  void prepareRefusesALinkThatIsNotAResultLink() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Path out = Files.createSymbolicLink(dir.resolve("result"), elsewhere);

    assertTaken(out);
    assertThat(Files.readSymbolicLink(out)).isEqualTo(elsewhere);
  }

  @Test
  void prepareCreatesMissingParents() throws IOException {
    Path out = dir.resolve("nightly/2024/result");

    publish(out, "run 1");

    assertThat(Files.isSymbolicLink(out)).isTrue();
    assertThat(out.resolve("vm_classes/part-00000.txt")).hasContent("run 1");
  }

  @Test
  void aFileUriWorksLikeAPlainPath() throws IOException {
    Path out = dir.resolve("result");

    ResultPublisher p = ResultPublisher.prepare(storage, out.toUri().toString());
    writeResult(p, "run 1");
    p.publish();

    assertThat(out.resolve("vm_classes/part-00000.txt")).hasContent("run 1");
    assertThat(ResultPublisher.prepare(storage, out.toString()).stagingDir()).isNotEmpty();
  }

  private void assertTaken(Path out) throws IOException {
    assertThatThrownBy(() -> ResultPublisher.prepare(storage, out.toString()))
        .isInstanceOfSatisfying(
            FleetcompatException.class,
            e -> assertThat(e.status()).isEqualTo(ReturnCode.INVALID_PARAMETER))
        .hasMessage(
            "Cannot publish to --out "
                + out
                + ": it exists and is not a fleetcompat result link; choose a new directory or"
                + " remove it");
    assertThat(dir.resolve(".result.runs")).doesNotExist();
  }

  private static ResultPublisher publish(Path out, String content) throws IOException {
    ResultPublisher p = ResultPublisher.prepare(storage, out.toString());
    writeResult(p, content);
    p.publish();
    sleepPastTheMillisecond();
    return p;
  }

  private static void writeResult(ResultPublisher p, String content) throws IOException {
    Path table = Files.createDirectories(local(p.stagingDir()).resolve("vm_classes"));
    Files.write(table.resolve("part-00000.txt"), content.getBytes(StandardCharsets.UTF_8));
  }

  /** Run directories are named by start time; keep the test's runs in order. */
  private static void sleepPastTheMillisecond() {
    try {
      Thread.sleep(3);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static Path local(String uri) {
    return LocalStorage.toPath(uri);
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> s = Files.list(directory)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
