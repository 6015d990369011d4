package dev.dxexporter.collect.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs real command-line tools for the tests (bash, du, find, rm) and returns their output. */
final class Shell {
  private Shell() {}

  /** Runs a bash script with the given positional arguments; fails on a non-zero exit status. */
  static String bash(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", "-euc", script, "bash"));
    command.addAll(List.of(args));
    return run(command, true);
  }

  static String run(List<String> command, boolean mustSucceed)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    process.getOutputStream().close();
    byte[] stdout = process.getInputStream().readAllBytes();
    byte[] stderr = process.getErrorStream().readAllBytes();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    if (mustSucceed && process.exitValue() != 0) {
      throw new IOException(
          command
              + " exited "
              + process.exitValue()
              + ": "
              + new String(stderr, StandardCharsets.UTF_8));
    }
    return new String(stdout, StandardCharsets.UTF_8);
  }

  static void removeTree(Path root) throws IOException, InterruptedException {
    // rm, not Files.delete: the deep test tree has paths longer than PATH_MAX, and some dirs are
    // 000.
    run(List.of("rm", "-rf", "--", root.toString()), true);
  }
}
