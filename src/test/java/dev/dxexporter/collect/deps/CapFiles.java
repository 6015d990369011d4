package dev.dxexporter.collect.deps;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * The largest manifests and lockfiles the dependency collector accepts, one ecosystem at a time,
 * each just under its size cap: what {@code bench/parse-heap.sh} measures and what the child-JVM
 * heap test feeds a daemon under the chart's {@code -Xmx256m}. Entries are shaped like real ones
 * (crates.io checksums, npm integrity hashes, Maven coordinates), and numbered so none repeats.
 */
public final class CapFiles {
  /** 64 KiB under a cap: the file is accepted (caps count bytes, the last entry may overshoot). */
  private static final long MARGIN = 64L << 10;

  static final long LOCKFILE_CAP = 32L << 20; // BoundedFiles.DEFAULT_MAX_BYTES
  static final long CARGO_TOML_CAP = 512L << 10; // TomlDocuments.MAX_PARSED_BYTES
  static final long PACKAGE_JSON_CAP = 4L << 20; // NpmPackage.MAX_BYTES
  static final long NPM_V1_CAP = 12L << 20; // NpmLockfile.MAX_TREE_BYTES
  static final long GO_MOD_CAP = 8L << 20; // GoModule.MAX_BYTES
  static final long POM_CAP = 8L << 20; // MavenPom.MAX_BYTES

  private CapFiles() {}

  /**
   * Writes the project of {@code format} into {@code dir}; returns the size of its largest file.
   */
  public static long write(String format, Path dir) throws IOException {
    Files.createDirectories(dir);
    return switch (format) {
      case "cargo-lock" -> {
        Files.writeString(
            dir.resolve("Cargo.toml"), "[package]\nname = \"app\"\nversion = \"1.0.0\"\n");
        yield fill(dir.resolve("Cargo.lock"), LOCKFILE_CAP, "version = 3\n\n", "", CapFiles::crate);
      }
      case "cargo-toml" ->
          fill(
              dir.resolve("Cargo.toml"),
              CARGO_TOML_CAP,
              "[package]\nname = \"app\"\nversion = \"1.0.0\"\n\n[dependencies]\n",
              "",
              i -> "crate-" + i + " = { version = \"1.0." + i % 7 + "\", features = [\"std\"] }\n");
      case "npm-lock" -> {
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"app\",\"version\":\"1.0.0\"}");
        yield fill(
            dir.resolve("package-lock.json"),
            LOCKFILE_CAP,
            "{\"name\":\"app\",\"lockfileVersion\":3,\"packages\":{\"\":{\"name\":\"app\"}",
            "}}",
            i -> ",\"node_modules/pkg-" + i + "\":" + npmEntry(i, "\"dev\":true,\"dependencies\""));
      }
      case "npm-lock-v1" -> {
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"app\",\"version\":\"1.0.0\"}");
        yield fill(
            dir.resolve("package-lock.json"),
            NPM_V1_CAP,
            "{\"name\":\"app\",\"lockfileVersion\":1,\"dependencies\":{\"pkg-x\":{\"version\":\"1.0.0\"}",
            "}}",
            i -> ",\"pkg-" + i + "\":" + npmEntry(i, "\"requires\""));
      }
      case "package-json" ->
          fill(
              dir.resolve("package.json"),
              PACKAGE_JSON_CAP,
              "{\"name\":\"app\",\"version\":\"1.0.0\",\"dependencies\":{\"pkg-x\":\"^1.0.0\"",
              "}}",
              i -> ",\"pkg-" + i + "\":\"^1." + i % 9 + ".0\"");
      case "pom" ->
          fill(
              dir.resolve("pom.xml"),
              POM_CAP,
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project"
                  + " xmlns=\"http://maven.apache.org/POM/4.0.0\">\n  <modelVersion>4.0.0</modelVersion>\n"
                  + "  <groupId>org.example</groupId>\n  <artifactId>app</artifactId>\n"
                  + "  <version>1.0.0</version>\n  <dependencies>\n",
              "  </dependencies>\n</project>\n",
              i ->
                  "    <dependency>\n      <groupId>org.example.group"
                      + i % 97
                      + "</groupId>\n      <artifactId>artifact-"
                      + i
                      + "</artifactId>\n      <version>1.0."
                      + i % 7
                      + "</version>\n    </dependency>\n");
      case "go-mod" ->
          fill(
              dir.resolve("go.mod"),
              GO_MOD_CAP,
              "module example.com/app\n\ngo 1.22\n\nrequire (\n",
              ")\n",
              i ->
                  "\tgithub.com/example/module-"
                      + i
                      + " v1.0."
                      + i % 7
                      + (i % 3 == 0 ? " // indirect\n" : "\n"));
      default -> throw new IllegalArgumentException("no such format: " + format);
    };
  }

  /** Every format {@link #write} knows. */
  public static final java.util.List<String> FORMATS =
      java.util.List.of(
          "cargo-lock", "cargo-toml", "npm-lock", "npm-lock-v1", "package-json", "pom", "go-mod");

  private static String crate(int i) {
    return "[[package]]\nname = \"crate-"
        + i
        + "\"\nversion = \"1.0."
        + i % 7
        + "\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\nchecksum = \""
        + "0123456789abcdef".repeat(4)
        + "\"\ndependencies = [\n \"crate-"
        + i / 2
        + "\",\n \"crate-"
        + i / 3
        + "\",\n]\n\n";
  }

  private static String npmEntry(int i, String dependenciesKey) {
    return "{\"version\":\"1.0."
        + i % 9
        + "\",\"resolved\":\"https://registry.npmjs.org/pkg-"
        + i
        + "/-/pkg-"
        + i
        + "-1.0.0.tgz\",\"integrity\":\"sha512-"
        + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/".repeat(2)
        + "==\","
        + dependenciesKey
        + ":{\"pkg-"
        + i / 2
        + "\":\"^1.0.0\"}}";
  }

  /** {@code head}, entries while under {@code cap - MARGIN}, {@code tail} (ASCII only). */
  private static long fill(Path file, long cap, String head, String tail, IntFunction<String> entry)
      throws IOException {
    long limit = cap - MARGIN - tail.length();
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write(head);
      long written = head.length();
      for (int i = 0; written < limit; i++) {
        String e = entry.apply(i);
        w.write(e);
        written += e.length();
      }
      w.write(tail);
    }
    return Files.size(file);
  }
}
