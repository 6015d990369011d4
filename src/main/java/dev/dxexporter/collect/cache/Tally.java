package dev.dxexporter.collect.cache;

import java.nio.ByteBuffer;

/**
 * Sums for one directory's entries, kept in plain fields by the one thread reading that directory
 * and added to the shared {@link ScanState} once per directory (not once per entry).
 */
final class Tally {
  long allocatedBytes;
  long apparentBytes;
  long files;
  long directories;
  long staleBytes;
  long newestMtimeNanos = Long.MIN_VALUE;
  long vanished;

  /**
   * Counts the entry whose statx result is in {@code statx}, the way GNU du does: every entry's own
   * blocks and size (directories and symlinks included, nothing followed), and a file with more
   * than one link only the first time its (device, inode) is seen. Names are counted as files every
   * time, like {@code find}. With one file system only, entries on other devices are skipped.
   *
   * @return whether the entry is a directory
   */
  boolean add(ByteBuffer statx, ScanState scan) {
    if (scan.onAnotherFilesystem(Statx.device(statx))) {
      return false; // du -x neither counts nor lists an entry on another file system
    }
    if (Statx.isDirectory(statx)) {
      if (!scan.firstDirectory(Statx.device(statx), Statx.inode(statx))) {
        return false; // counted, and descended into, where it was first seen
      }
      directories++;
      allocatedBytes += Statx.allocatedBytes(statx);
      apparentBytes += Statx.apparentBytes(statx);
      return true;
    }
    files++;
    if (Statx.nlink(statx) > 1 && !scan.firstSight(Statx.device(statx), Statx.inode(statx))) {
      return false;
    }
    long allocated = Statx.allocatedBytes(statx);
    allocatedBytes += allocated;
    apparentBytes += Statx.apparentBytes(statx);
    long mtime = epochNanos(Statx.mtimeSeconds(statx), Statx.mtimeNanos(statx));
    newestMtimeNanos = Math.max(newestMtimeNanos, mtime);
    if (mtime < scan.staleBeforeNanos()) {
      staleBytes += allocated;
    }
    return false;
  }

  /** Saturates instead of overflowing for timestamps outside 1677..2262 (bogus mtimes exist). */
  static long epochNanos(long seconds, int nanos) {
    long limit = Long.MAX_VALUE / 1_000_000_000L - 1;
    if (seconds > limit) {
      return Long.MAX_VALUE;
    }
    if (seconds < -limit) {
      return Long.MIN_VALUE + 1;
    }
    return seconds * 1_000_000_000L + nanos;
  }
}
