package dev.dxexporter.collect.cache;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import oshi.SystemInfo;
import oshi.software.os.FileSystem;

/**
 * Finds the volume holding a path through OSHI: the file store whose mount point is the longest
 * prefix of the path's real location. OSHI leaves out some mounts (overlay roots in containers,
 * tmpfs under /run and /dev/shm), so a listed parent mount could win the prefix match: the choice
 * is only kept when the mount point and the path are on the same device, else the JDK's own {@link
 * FileStore} of the path answers instead.
 */
public final class FilesystemUsage {
  private final FileSystem fileSystem;

  /** Builds the OSHI objects once; each {@link #volumeOf} call re-reads the mount table. */
  public FilesystemUsage() {
    this(new SystemInfo().getOperatingSystem().getFileSystem());
  }

  FilesystemUsage(FileSystem fileSystem) {
    this.fileSystem = fileSystem;
  }

  /**
   * The volume holding {@code path}, or of its nearest existing ancestor when it does not exist (a
   * cache not built yet still lives on some volume).
   */
  public Optional<Volume> volumeOf(Path path) throws IOException {
    Path existing = path.toAbsolutePath().normalize();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return Optional.empty();
    }
    Path real = existing.toRealPath();
    Optional<Volume> fromOshi =
        fileSystem.getFileStores().stream()
            .filter(store -> contains(store.getMount(), real))
            .max(Comparator.comparingInt(store -> store.getMount().length()))
            .filter(store -> sameDevice(Path.of(store.getMount()), real))
            .map(
                store ->
                    new Volume(store.getMount(), store.getTotalSpace(), store.getUsableSpace()));
    if (fromOshi.isPresent()) {
      return fromOshi;
    }
    FileStore store = Files.getFileStore(real);
    return Optional.of(new Volume(store.name(), store.getTotalSpace(), store.getUsableSpace()));
  }

  private static boolean sameDevice(Path a, Path b) {
    try {
      return Files.getAttribute(a, "unix:dev").equals(Files.getAttribute(b, "unix:dev"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  static boolean contains(String mount, Path path) {
    if (mount == null || mount.isEmpty()) {
      return false;
    }
    String p = path.toString();
    return mount.equals("/")
        || p.equals(mount)
        || p.startsWith(mount.endsWith("/") ? mount : mount + "/");
  }
}
