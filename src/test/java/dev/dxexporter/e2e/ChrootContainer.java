package dev.dxexporter.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A container without a container engine: an unpacked image root run in new mount and PID
 * namespaces the way a runtime with the chart's security context runs it. Volumes are bind mounts
 * (read-only where the pod says so), the root file system is remounted read-only, then the process
 * chroots, changes to the working directory, drops to the pod's uid/gid (which clears every
 * capability) under no_new_privs, and execs the entrypoint with only the given environment. Needs
 * root (unshare, mount, chroot).
 */
final class ChrootContainer implements AutoCloseable {
  /** chroot, chdir, setgroups/setgid/setuid, exec: perl-base is on every Debian system. */
  private static final String ENTER =
      "use POSIX; my ($root, $wd, $uid, $gid, @cmd) = @ARGV;"
          + " chroot($root) or die \"chroot $root: $!\"; chdir($wd) or die \"chdir $wd: $!\";"
          + " $) = \"$gid $gid\"; POSIX::setgid($gid) or die \"setgid: $!\";"
          + " POSIX::setuid($uid) or die \"setuid: $!\"; exec { $cmd[0] } @cmd or die \"exec: $!\";";

  record Volume(Path source, String mountPath, boolean readOnly) {}

  private final Process process;
  private final Path log;

  private ChrootContainer(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static ChrootContainer start(
      Path root,
      List<Volume> volumes,
      String workingDir,
      int uid,
      int gid,
      Map<String, String> env,
      List<String> command,
      Path log)
      throws IOException {
    List<String> script = new ArrayList<>();
    script.add("set -e; r=\"$1\"; shift");
    script.add("mount --bind \"$r\" \"$r\"");
    script.add("mount -t proc proc \"$r/proc\"; mount --rbind /dev \"$r/dev\"");
    for (Volume v : volumes) {
      String at = "\"$r" + v.mountPath() + "\"";
      script.add("mkdir -p " + at + "; mount --bind '" + v.source() + "' " + at);
      if (v.readOnly()) {
        script.add("mount -o remount,bind,ro " + at);
      }
    }
    script.add("mount -o remount,bind,ro \"$r\"");
    script.add("exec \"$@\"");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "unshare",
                "--mount",
                "--pid",
                "--fork",
                "setpriv",
                "--no-new-privs",
                "sh",
                "-c",
                String.join("\n", script),
                "container",
                root.toString(),
                "env",
                "-i"));
    env.forEach((k, v) -> cmd.add(k + "=" + v));
    cmd.addAll(
        List.of(
            "/usr/bin/perl",
            "-e",
            ENTER,
            root.toString(),
            workingDir,
            Integer.toString(uid),
            Integer.toString(gid)));
    cmd.addAll(command);
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ChrootContainer(p, log);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return "container log:\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "container log unreadable: " + e;
    }
  }

  /**
   * SIGTERM to the entrypoint (PID 1 of the namespace, unshare's child), as a runtime stops a
   * container; SIGKILL after 10 s. Waits for it, so no process still writes into the volumes.
   */
  @Override
  public void close() throws InterruptedException {
    process.toHandle().children().forEach(ProcessHandle::destroy);
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
