package dev.dxexporter.collect.build;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The libc calls the command recorder needs, bound by JNA direct mapping like {@code
 * collect/cache/LibC}: {@code kill}, to forward SIGINT as SIGINT (the JDK's {@code
 * ProcessHandle.destroy()} can only send SIGTERM); {@code getrusage}, for the kernel's own account
 * of the CPU time of the recorder's finished children; {@code sysconf}, for the units of {@code
 * /proc/PID/stat} (clock ticks, pages).
 */
final class ProcessLibC {
  /** {@code who} for getrusage: the terminated, waited-for children (and their waited-for ones). */
  static final int RUSAGE_CHILDREN = -1;

  /**
   * {@code sizeof(struct rusage)} on 64-bit Linux: two {@code struct timeval} (16 bytes each) and
   * fourteen {@code long} counters.
   */
  static final int RUSAGE_SIZE = 144;

  static final int RU_UTIME_OFFSET = 0;
  static final int RU_STIME_OFFSET = 16;
  static final int RU_MAXRSS_OFFSET = 32;

  /** {@code sysconf} names (glibc, every Linux architecture). */
  static final int SC_CLK_TCK = 2;

  static final int SC_PAGESIZE = 30;

  /** Why binding failed, or null when the functions are usable. */
  static final String UNAVAILABLE_REASON = bind();

  private ProcessLibC() {}

  private static String bind() {
    if (!Platform.isLinux() || !Platform.is64Bit()) {
      return "kill, getrusage and sysconf are bound for 64-bit Linux only; this is "
          + Platform.getOSType()
          + (Platform.is64Bit() ? "" : " (32-bit)");
    }
    try {
      Native.register(ProcessLibC.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
      return null;
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      return "cannot bind kill, getrusage and sysconf of the C library through JNA: " + e;
    }
  }

  static native int kill(int pid, int signal);

  static native int getrusage(int who, Pointer usage);

  static native long sysconf(int name);
}
