package dev.dxexporter.collect.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
  void theRootVolumeIsFoundForAPathThatDoesNotExistYet() throws Exception {
    Volume volume = new FilesystemUsage().volumeOf(Path.of("/no/such/dir/target")).orElseThrow();
    assertThat(volume.mount()).isEqualTo("/");
    assertThat(volume.sizeBytes()).isPositive();
  }
}
