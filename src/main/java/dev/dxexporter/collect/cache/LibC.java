package dev.dxexporter.collect.cache;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The few glibc calls the scanner needs, bound by JNA direct mapping (one JNI hop per call, no
 * reflection). All paths are raw, NUL-terminated bytes relative to a directory descriptor, so the
 * scan never decodes a file name and never builds a path longer than one name (no PATH_MAX limit).
 *
 * <p>{@code statx} is used instead of {@code fstatat} because its buffer layout is the same on
 * every Linux architecture; only the {@code open} flags differ between x86_64 and aarch64 (see
 * {@link OpenFlags}). Needs glibc 2.30 or later ({@code getdents64} wrapper; {@code statx} is
 * 2.28).
 */
final class LibC {
  static final int AT_FDCWD = -100;
  static final int AT_SYMLINK_NOFOLLOW = 0x100;

  static final int ENOENT = 2;
  static final int ENOTDIR = 20;
  static final int EINTR = 4;

  /** Why binding failed, or null when the functions are usable. */
  static final String UNAVAILABLE_REASON = bind();

  private LibC() {}

  private static String bind() {
    if (!Platform.isLinux()) {
      return "the cache scanner reads metadata through Linux system calls; this is "
          + Platform.getOSType();
    }
    try {
      Native.register(LibC.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
      return null;
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      return "cannot bind statx, getdents64 and openat of the C library through JNA"
          + " (needs JNA's native library and glibc 2.30 or later): "
          + e;
    }
  }

  // Declared with fixed arguments: openat's optional mode is only read with O_CREAT.
  static native int openat(int dirfd, Pointer path, int flags);

  static native int close(int fd);

  static native long getdents64(int fd, Pointer buffer, long size);

  static native int statx(int dirfd, Pointer path, int flags, int mask, Pointer statxBuffer);

  /**
   * The same function with both pointers passed as raw addresses: the hot loop calls it once per
   * entry with a name inside the getdents64 buffer, and this saves a Pointer object and JNA's
   * unwrapping per call. Valid because only 64-bit Linux is supported, where a pointer is passed
   * like a long.
   */
  @SuppressWarnings("overloads")
  static native int statx(int dirfd, long pathAddress, int flags, int mask, long statxAddress);

  static native String strerror(int errno);

  static int errno() {
    return Native.getLastError();
  }
}
