package dev.dxexporter.collect.deps.npm;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.JsonDocuments;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code NpmLockHeapProbe FILE MEGABYTES}: writes a package-lock.json (v3) of about that size and
 * reads it as the dependency collector does; run in a child JVM with a small {@code -Xmx}.
 */
public final class NpmLockHeapProbe {
  private NpmLockHeapProbe() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    long target = Long.parseLong(args[1]) << 20;
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("{\"name\":\"app\",\"lockfileVersion\":3,\"packages\":{\"\":{\"name\":\"app\"}");
      long written = 60;
      for (int i = 0; written < target - 200; i++) {
        String entry =
            ",\"node_modules/pkg-"
                + i
                + "\":{\"version\":\"1.0."
                + (i % 9)
                + "\",\"resolved\":\"https://registry.npmjs.org/pkg-"
                + i
                + "/-/pkg-"
                + i
                + "-1.0.0.tgz\",\"integrity\":\"sha512-"
                + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/".repeat(2)
                + "==\",\"dev\":true,\"dependencies\":{\"pkg-"
                + (i / 2)
                + "\":\"^1.0.0\"}}";
        w.write(entry);
        written += entry.length();
      }
      w.write("}}");
    }
    long start = System.nanoTime();
    NpmLockfile lock =
        NpmLockfile.read(file, new JsonDocuments(new BoundedFiles(BoundedFiles.DEFAULT_MAX_BYTES)));
    System.out.printf(
        "%d bytes, %d packages, read in %d ms%n",
        Files.size(file), lock.packages().size(), (System.nanoTime() - start) / 1_000_000);
  }
}
