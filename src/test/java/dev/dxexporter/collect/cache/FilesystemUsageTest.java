package dev.dxexporter.collect.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Choosing the mount point that holds a path (the figures themselves are checked against df). */
class FilesystemUsageTest {
  @Test
  void aMountContainsItselfAndWhatIsBelowIt() {
    assertThat(FilesystemUsage.contains("/work", Path.of("/work"))).isTrue();
    assertThat(FilesystemUsage.contains("/work", Path.of("/work/main/target"))).isTrue();
    assertThat(FilesystemUsage.contains("/", Path.of("/anything"))).isTrue();
  }

  @Test
  void aMountDoesNotContainASiblingSharingItsPrefix() {
    assertThat(FilesystemUsage.contains("/work", Path.of("/workspace/target"))).isFalse();
    assertThat(FilesystemUsage.contains("", Path.of("/work"))).isFalse();
  }

  @Test
  void aPathThatDoesNotExistYetIsOnItsNearestExistingAncestorsVolume() throws Exception {
    Volume volume = new FilesystemUsage().volumeOf(Path.of("/no/such/dir/target")).orElseThrow();
    String[] df = Shell.run(List.of("df", "-B1", "--output=size", "/"), true).trim().split("\n");
    assertThat(volume.sizeBytes()).isEqualTo(Long.parseLong(df[df.length - 1].trim()));
  }

  /** OSHI does not list /dev/shm; its parent "/" must not be reported for a cache there. */
  @Test
  void aMountOshiDoesNotListIsStillMeasuredOnItsOwnDevice() throws Exception {
    Path shm = Path.of("/dev/shm");
    assumeTrue(Files.isDirectory(shm), "no /dev/shm here");
    Volume volume = new FilesystemUsage().volumeOf(shm.resolve("some-cache")).orElseThrow();
    String[] df =
        Shell.run(List.of("df", "-B1", "--output=size", shm.toString()), true).trim().split("\n");
    assertThat(volume.sizeBytes()).isEqualTo(Long.parseLong(df[df.length - 1].trim()));
  }
}
