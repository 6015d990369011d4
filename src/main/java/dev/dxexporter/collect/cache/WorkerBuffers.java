package dev.dxexporter.collect.cache;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Native buffers owned by one scanning thread and reused for every directory it reads, so the hot
 * loop allocates no native memory. Safe because a directory task never waits for another task: a
 * thread runs one task at a time from start to end.
 */
final class WorkerBuffers {
  /** Large enough for a few hundred entries per getdents64 call, like glibc's readdir buffer. */
  static final int DIRENT_BUFFER_SIZE = 64 * 1024;

  /** NAME_MAX is 255 bytes; one more for the terminating NUL. */
  private static final int NAME_BUFFER_SIZE = 256;

  final Memory dirents = new Memory(DIRENT_BUFFER_SIZE);
  final long direntsAddress = Pointer.nativeValue(dirents);
  final ByteBuffer direntBytes = view(dirents);
  final Memory statx = new Memory(Statx.BUFFER_SIZE);
  final long statxAddress = Pointer.nativeValue(statx);
  final ByteBuffer statxBytes = view(statx);
  final Memory name = new Memory(NAME_BUFFER_SIZE);

  private static ByteBuffer view(Memory memory) {
    return memory.getByteBuffer(0, memory.size()).order(ByteOrder.nativeOrder());
  }

  /** Copies {@code bytes} plus a NUL into the name buffer and returns it. */
  Memory nulTerminated(byte[] bytes) {
    name.write(0, bytes, 0, bytes.length);
    name.setByte(bytes.length, (byte) 0);
    return name;
  }
}
