package dev.dxexporter.collect.deps.cargo;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.TomlDocuments;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code CargoLockHeapProbe FILE MEGABYTES}: writes a Cargo.lock (v3) of about that size and reads
 * it as the dependency collector does; run in a child JVM with a small {@code -Xmx} to find what
 * the shipped heap holds ({@code bench/parse-heap.sh}).
 */
public final class CargoLockHeapProbe {
  private CargoLockHeapProbe() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    long target = Long.parseLong(args[1]) << 20;
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("version = 3\n\n");
      long written = 13;
      for (int i = 0; written < target; i++) {
        String entry =
            "[[package]]\nname = \"crate-"
                + i
                + "\"\nversion = \"1.0."
                + (i % 7)
                + "\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n"
                + "checksum = \""
                + "0123456789abcdef".repeat(4)
                + "\"\ndependencies = [\n \"crate-"
                + (i / 2)
                + "\",\n \"crate-"
                + (i / 3)
                + "\",\n]\n\n";
        w.write(entry);
        written += entry.length();
      }
    }
    long start = System.nanoTime();
    CargoLockfile lock =
        CargoLockfile.read(
            file, new TomlDocuments(new BoundedFiles(BoundedFiles.DEFAULT_MAX_BYTES)));
    System.out.printf(
        "%d bytes, %d packages, read in %d ms%n",
        Files.size(file), lock.packages().size(), (System.nanoTime() - start) / 1_000_000);
  }
}
