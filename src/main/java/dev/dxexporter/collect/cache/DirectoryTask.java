package dev.dxexporter.collect.cache;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RecursiveAction;

/**
 * Reads one directory: lists it with getdents64, reads each entry's metadata with statx relative to
 * the directory's descriptor (no symlink followed), adds the sums, and forks one task per
 * subdirectory. It never joins its children (completion is counted in {@link ScanState}), so
 * neither the Java stack nor thread-local buffers depend on the depth of the tree.
 */
final class DirectoryTask extends RecursiveAction {
  // struct linux_dirent64: u64 d_ino, s64 d_off, u16 d_reclen, u8 d_type, char d_name[].
  private static final int RECLEN_OFFSET = 16;
  private static final int NAME_OFFSET = 19;

  private final DirNode dir;
  private final ScanState scan;
  private boolean parentReleased;

  DirectoryTask(DirNode dir, ScanState scan) {
    this.dir = dir;
    this.scan = scan;
  }

  @Override
  protected void compute() {
    try {
      if (!scan.isCancelled()) {
        int fd = dir.parent() == null ? dir.fd() : openFromParent();
        if (fd >= 0) {
          readAndClose(fd);
        }
      } else if (dir.parent() == null) {
        LibC.close(dir.fd());
      }
    } catch (RuntimeException | Error e) {
      // A bug or a JNA failure on one directory must not hang or kill the scan.
      scan.error(dir.displayPath() + ": " + e);
    } finally {
      releaseParent();
      scan.taskFinished();
    }
  }

  private int openFromParent() {
    WorkerBuffers buffers = scan.buffers();
    int fd =
        LibC.openat(
            dir.parent().fd(),
            buffers.nulTerminated(dir.name()),
            scan.openFlags().directoryNoFollow());
    int errno = fd < 0 ? LibC.errno() : 0;
    releaseParent();
    if (fd < 0) {
      // Gone since it was listed (or replaced by a non-directory): du would skip it too.
      if (errno == LibC.ENOENT || errno == LibC.ENOTDIR) {
        Tally gone = new Tally();
        gone.vanished = 1;
        scan.add(gone);
      } else {
        scan.error(dir.displayPath(), errno);
      }
    }
    return fd;
  }

  private void releaseParent() {
    if (!parentReleased && dir.parent() != null) {
      parentReleased = true;
      dir.parent().childOpened();
    }
  }

  private void readAndClose(int fd) {
    WorkerBuffers buffers = scan.buffers();
    ByteBuffer dirents = buffers.direntBytes;
    Tally tally = new Tally();
    List<DirNode> subdirectories = new ArrayList<>();
    try {
      while (!scan.isCancelled()) {
        long read = LibC.getdents64(fd, buffers.dirents, WorkerBuffers.DIRENT_BUFFER_SIZE);
        if (read == 0) {
          break;
        }
        if (read < 0) {
          int errno = LibC.errno();
          if (errno == LibC.EINTR) {
            continue;
          }
          scan.error(dir.displayPath(), errno);
          break;
        }
        for (int offset = 0; offset < read; ) {
          int nameStart = offset + NAME_OFFSET;
          offset += dirents.getShort(offset + RECLEN_OFFSET) & 0xffff;
          if (!isDotOrDotDot(dirents, nameStart)) {
            readEntry(fd, buffers, nameStart, tally, subdirectories);
          }
        }
      }
    } finally {
      scan.add(tally);
      handOver(fd, subdirectories);
    }
  }

  /**
   * The name is NUL-terminated in the buffer: its length is only needed for directories and errors.
   */
  private void readEntry(
      int fd, WorkerBuffers buffers, int nameStart, Tally tally, List<DirNode> subdirs) {
    int rc =
        LibC.statx(
            fd,
            buffers.direntsAddress + nameStart,
            LibC.AT_SYMLINK_NOFOLLOW,
            Statx.MASK,
            buffers.statxAddress);
    if (rc != 0) {
      int errno = LibC.errno();
      if (errno == LibC.ENOENT) {
        tally.vanished++;
      } else {
        scan.error(dir.displayPath(name(buffers.direntBytes, nameStart)), errno);
      }
      return;
    }
    if (tally.add(buffers.statxBytes, scan)) {
      subdirs.add(dir.child(name(buffers.direntBytes, nameStart)));
    }
  }

  private void handOver(int fd, List<DirNode> subdirectories) {
    if (subdirectories.isEmpty() || scan.isCancelled()) {
      LibC.close(fd);
      return;
    }
    dir.opened(fd);
    dir.keepOpenFor(subdirectories.size());
    for (DirNode child : subdirectories) {
      scan.taskCreated();
      new DirectoryTask(child, scan).fork();
    }
  }

  private static boolean isDotOrDotDot(ByteBuffer b, int start) {
    return b.get(start) == '.'
        && (b.get(start + 1) == 0 || (b.get(start + 1) == '.' && b.get(start + 2) == 0));
  }

  private static byte[] name(ByteBuffer b, int start) {
    int end = start;
    while (b.get(end) != 0) {
      end++;
    }
    byte[] name = new byte[end - start];
    b.get(start, name);
    return name;
  }
}
