package dev.dxexporter.collect.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.SystemInfo;

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

  /** A thousand caches on one disk: the mount table is read once per volume, not once per cache. */
  @Test
  void cachesOnOneVolumeShareOneReadingOfIt(@TempDir Path dir) throws Exception {
    AtomicInteger reads = new AtomicInteger();
    oshi.software.os.FileSystem real = new SystemInfo().getOperatingSystem().getFileSystem();
    oshi.software.os.FileSystem counted =
        (oshi.software.os.FileSystem)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {oshi.software.os.FileSystem.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getFileStores")) {
                    reads.incrementAndGet();
                  }
                  return method.invoke(real, args);
                });
    FilesystemUsage usage = new FilesystemUsage(counted);
    Volume first = null;
    for (int i = 0; i < 50; i++) {
      Path cache = Files.createDirectories(dir.resolve("p" + i).resolve("target"));
      Volume v = usage.volumeOf(cache).orElseThrow();
      first = first == null ? v : first;
      assertThat(v.mount()).isEqualTo(first.mount());
    }
    assertThat(reads).hasValue(1);
    Path shm = Path.of("/dev/shm");
    assumeTrue(Files.isDirectory(shm), "no /dev/shm here");
    assumeTrue(
        !Files.getAttribute(shm, "unix:dev").equals(Files.getAttribute(dir, "unix:dev")),
        "/dev/shm is on the temporary directory's volume");
    usage.volumeOf(shm);
    assertThat(reads).hasValue(2); // another volume: its own reading
  }
}
