package dev.dxexporter.collect.cache;

import java.nio.ByteBuffer;

/**
 * Field offsets of Linux {@code struct statx} (include/uapi/linux/stat.h), identical on every
 * architecture. Read from a native-order {@link ByteBuffer} view of the buffer statx filled.
 */
final class Statx {
  static final int BUFFER_SIZE = 256;

  /**
   * STATX_TYPE | STATX_MODE | STATX_NLINK | STATX_MTIME | STATX_INO | STATX_SIZE | STATX_BLOCKS.
   */
  static final int MASK = 0x1 | 0x2 | 0x4 | 0x40 | 0x100 | 0x200 | 0x400;

  /** st_blocks counts 512-byte units whatever the file system's block size (stat(2)). */
  static final long BLOCK_UNIT = 512;

  private static final int S_IFMT = 0170000;
  private static final int S_IFDIR = 0040000;

  private Statx() {}

  static int nlink(ByteBuffer b) {
    return b.getInt(16);
  }

  static boolean isDirectory(ByteBuffer b) {
    return ((b.getShort(28) & 0xffff) & S_IFMT) == S_IFDIR;
  }

  static long inode(ByteBuffer b) {
    return b.getLong(32);
  }

  static long apparentBytes(ByteBuffer b) {
    return b.getLong(40);
  }

  static long allocatedBytes(ByteBuffer b) {
    return b.getLong(48) * BLOCK_UNIT;
  }

  static long mtimeSeconds(ByteBuffer b) {
    return b.getLong(112);
  }

  static int mtimeNanos(ByteBuffer b) {
    return b.getInt(120);
  }

  /** major:minor of the device holding the file, packed into one long; only used as a key. */
  static long device(ByteBuffer b) {
    return ((long) b.getInt(136) << 32) | (b.getInt(140) & 0xffffffffL);
  }
}
