package dev.dxexporter.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium}, headless, driven by its command line only: {@code --dump-dom} (the DOM
 * after parsing and layout, on stdout) and {@code --screenshot}. Each run has a fresh profile and
 * talks to nothing but the page it is given.
 */
final class Chromium {
  private final String binary = Binaries.require("chromium", "chromium");
  private final Path work;

  Chromium(Path work) {
    this.work = work;
  }

  /** The rendered DOM of {@code url} at a window of {@code width}×{@code height}. */
  String dumpDom(String url, int width, int height) throws Exception {
    return run(url, width, height, List.of("--dump-dom"), work.resolve("dom.html"));
  }

  /** A PNG of {@code url} at a window of {@code width}×{@code height}, written to {@code png}. */
  void screenshot(String url, int width, int height, Path png) throws Exception {
    Files.createDirectories(png.getParent());
    run(url, width, height, List.of("--screenshot=" + png.toAbsolutePath()), work.resolve("shot"));
  }

  private String run(String url, int width, int height, List<String> action, Path stdout)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "profile-");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height));
    cmd.addAll(action);
    cmd.add(url);
    Path stderr = work.resolve("chromium-stderr.log");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium timed out; stderr: " + Files.readString(stderr));
    }
    if (p.exitValue() != 0) {
      throw new AssertionError(
          "chromium exited " + p.exitValue() + "; stderr: " + Files.readString(stderr));
    }
    return Files.readString(stdout);
  }

  /** Width and height from a PNG's IHDR chunk. */
  static int[] pngSize(Path png) throws IOException {
    byte[] b = Files.readAllBytes(png);
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b);
    if (b.length < 24 || buf.getLong(0) != 0x89504E470D0A1A0AL) {
      throw new AssertionError(png + " is not a PNG");
    }
    return new int[] {buf.getInt(16), buf.getInt(20)};
  }
}
