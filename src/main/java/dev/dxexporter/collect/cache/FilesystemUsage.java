package dev.dxexporter.collect.cache;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
  /** How long one reading of a volume serves every cache on it. */
  static final Duration FRESH_FOR = Duration.ofSeconds(10);

  private record Reading(Optional<Volume> volume, long atNanos) {}

  private final FileSystem fileSystem;
  private final Map<Object, Reading> byDevice = new ConcurrentHashMap<>();

  /**
   * Builds the OSHI objects once. Reading the mount table costs milliseconds, so a reading is kept
   * per volume (device) for {@link #FRESH_FOR}: a thousand caches on one disk read it once, not a
   * thousand times.
   */
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
    Object device = device(real);
    if (device == null) {
      return read(real);
    }
    Reading r = byDevice.get(device);
    if (r == null || System.nanoTime() - r.atNanos() > FRESH_FOR.toNanos()) {
      // Two caches of one volume may both read it here at once; both readings are right.
      r = new Reading(read(real), System.nanoTime());
      byDevice.put(device, r);
    }
    return r.volume();
  }

  private Optional<Volume> read(Path real) throws IOException {
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
    Object devA = device(a);
    return devA != null && devA.equals(device(b));
  }

  /** The device number of a path, null where the platform does not tell. */
  private static Object device(Path path) {
    try {
      return Files.getAttribute(path, "unix:dev");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null;
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
