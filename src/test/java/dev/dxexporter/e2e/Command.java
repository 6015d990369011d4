package dev.dxexporter.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A short-lived command run to completion, with its exit code and combined output. */
record Command(int exit, String output) {

  static Command run(Path workDir, List<String> command) {
    return run(workDir, command, Map.of());
  }

  /** With {@code env} added to this process's environment. */
  static Command run(Path workDir, List<String> command, Map<String, String> env) {
    try {
      ProcessBuilder b = new ProcessBuilder(command).directory(workDir.toFile());
      b.environment().putAll(env);
      Process p = b.redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Command(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: " + command, e);
    }
  }

  static Command run(List<String> command) {
    return run(Path.of("").toAbsolutePath(), command);
  }
}
