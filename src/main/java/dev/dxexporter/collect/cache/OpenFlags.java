package dev.dxexporter.collect.cache;

import com.sun.jna.Platform;

/**
 * {@code open(2)} flags for opening a directory without following a symlink. Their numeric values
 * differ between Linux architectures (asm-generic on x86_64, arm64 has its own), so only the two
 * architectures whose values are known here are supported.
 */
record OpenFlags(int directoryNoFollow, int directoryFollow) {
  private static final int O_RDONLY = 0;
  private static final int O_CLOEXEC = 02000000;

  /** The flags for this machine, or null on an architecture whose values are not known here. */
  static OpenFlags forThisMachine() {
    if (Platform.isLinux() && Platform.isIntel() && Platform.is64Bit()) {
      return of(0200000, 0400000);
    }
    if (Platform.isLinux() && Platform.isARM() && Platform.is64Bit()) {
      return of(040000, 0100000);
    }
    return null;
  }

  private static OpenFlags of(int oDirectory, int oNoFollow) {
    int base = O_RDONLY | O_CLOEXEC | oDirectory;
    return new OpenFlags(base | oNoFollow, base);
  }
}
