package dev.dxexporter.collect.build;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a recorded command runs, SIGINT and SIGTERM sent to the recorder's JVM are passed on to the
 * command as the same signal, instead of stopping the JVM (the JVM's default handlers run the
 * shutdown hooks and exit, which would leave the command running unrecorded). The recorder then
 * waits for the command and reports how it ended, as a shell does for its foreground job.
 *
 * <p>Ctrl-C in a terminal signals the whole foreground process group, so the command receives that
 * SIGINT from the terminal and once more from here; build tools stop on the first one. A signal the
 * JVM was started with ignored (SIGINT of a background job) stays ignored, for the command too,
 * which inherited that disposition.
 *
 * <p>Signal handlers are process-wide: {@link #close()} restores the previous ones, and only one
 * recording at a time should forward signals.
 */
final class SignalForwarder implements AutoCloseable {
  static final List<String> FORWARDED = List.of("INT", "TERM");

  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
  // The command, once started; a signal that came before it is kept and sent on attach.
  private Process child;
  private Signal pending;

  private SignalForwarder() {}

  /**
   * Takes over SIGINT and SIGTERM until closed, before the command starts: a signal that arrives
   * while it is being started is not lost (the JVM's default would exit and orphan the command),
   * but sent to it by {@link #attach}.
   */
  static SignalForwarder install() {
    SignalForwarder forwarder = new SignalForwarder();
    for (String name : FORWARDED) {
      Signal signal = new Signal(name);
      try {
        forwarder.previous.put(signal, Signal.handle(signal, forwarder::received));
      } catch (IllegalArgumentException e) {
        // Reserved by the VM (-Xrs) or not known on this platform: left as it is.
      }
    }
    return forwarder;
  }

  /** The command to forward to from now on; a signal received before is sent to it now. */
  synchronized void attach(Process started) {
    child = started;
    if (pending != null) {
      forward(child, pending);
      pending = null;
    }
  }

  private synchronized void received(Signal signal) {
    if (child == null) {
      pending = signal;
    } else {
      forward(child, signal);
    }
  }

  /** A forwarder that installs nothing (recordings inside a daemon or a test JVM). */
  static SignalForwarder none() {
    return new SignalForwarder();
  }

  private static void forward(Process child, Signal signal) {
    // Once reaped, the pid may already belong to another process: never signal it then.
    if (!child.isAlive()) {
      return;
    }
    if (ProcessLibC.UNAVAILABLE_REASON == null) {
      ProcessLibC.kill(Math.toIntExact(child.pid()), signal.getNumber());
    } else {
      child.destroy(); // SIGTERM, the nearest the JDK can send
    }
  }

  @Override
  public void close() {
    previous.forEach(
        (signal, handler) -> {
          try {
            Signal.handle(signal, handler);
          } catch (IllegalArgumentException e) {
            // It was installed, so it can be restored; nothing else to do if not.
          }
        });
    previous.clear();
  }
}
