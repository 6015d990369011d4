import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a deterministic tree shaped like a Cargo {@code target/} directory of a mid-size
 * workspace, about 300,000 files: per profile a flat {@code deps/}, {@code .fingerprint/} and
 * {@code build/} directories per unit, and {@code incremental/} session directories full of
 * codegen-unit object files, which dominate real trees. Top-level artefacts are hard links into
 * {@code deps/}, as cargo makes them. Run with {@code java bench/GenerateCargoTarget.java DIR};
 * same seed, same tree.
 */
public class GenerateCargoTarget {
  private static final long SEED = 20261129L;
  private static final byte[] ZEROS = new byte[2 << 20];

  private final Random random = new Random(SEED);
  private long files;
  private long bytes;

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "/tmp/dx-bench/cargo-target");
    if (Files.exists(root.resolve(".complete"))) {
      System.out.println("exists: " + root);
      return;
    }
    GenerateCargoTarget generator = new GenerateCargoTarget();
    generator.target(root);
    Files.writeString(
        root.resolve(".complete"), generator.files + " files, " + generator.bytes + " bytes\n");
    System.out.println(root + ": " + generator.files + " files, " + generator.bytes + " bytes");
  }

  private void target(Path root) throws IOException {
    Files.createDirectories(root);
    write(root.resolve("CACHEDIR.TAG"), 177);
    write(root.resolve(".rustc_info.json"), 1200);
    profile(root.resolve("debug"), 1500, 350);
    profile(root.resolve("release"), 1000, 0);
  }

  private void profile(Path dir, int units, int incrementalCrates) throws IOException {
    Path deps = Files.createDirectories(dir.resolve("deps"));
    Path fingerprint = Files.createDirectories(dir.resolve(".fingerprint"));
    Path build = Files.createDirectories(dir.resolve("build"));
    Files.createDirectories(dir.resolve("examples"));
    write(dir.resolve(".cargo-lock"), 0);
    for (int unit = 0; unit < units; unit++) {
      String crate = "crate_" + unit;
      String hash = String.format("%016x", random.nextLong());
      Path rlib =
          write(deps.resolve("lib" + crate + "-" + hash + ".rlib"), logUniform(2_000, 2_000_000));
      write(deps.resolve("lib" + crate + "-" + hash + ".rmeta"), logUniform(500, 300_000));
      write(deps.resolve(crate + "-" + hash + ".d"), logUniform(100, 5_000));
      if (unit % 50 == 0) {
        // Workspace artefacts are hard-linked to the profile's top level, as cargo does.
        Files.createLink(dir.resolve("lib" + crate + ".rlib"), rlib);
      }
      Path fp = Files.createDirectories(fingerprint.resolve(crate + "-" + hash));
      write(fp.resolve("lib-" + crate), 16);
      write(fp.resolve("lib-" + crate + ".json"), logUniform(300, 1_500));
      write(fp.resolve("dep-lib-" + crate), logUniform(20, 3_000));
      write(fp.resolve("invoked.timestamp"), 48);
      if (unit % 5 == 0) {
        Path script = Files.createDirectories(build.resolve(crate + "-" + hash));
        write(script.resolve("build-script-build"), logUniform(300_000, 2_000_000));
        write(script.resolve("build_script_build-" + hash), logUniform(300_000, 2_000_000));
        write(script.resolve("build_script_build-" + hash + ".d"), logUniform(100, 2_000));
        Path run =
            Files.createDirectories(
                build.resolve(crate + "-" + hash.substring(8) + hash.substring(0, 8)));
        Path out = Files.createDirectories(run.resolve("out"));
        write(run.resolve("output"), logUniform(10, 2_000));
        write(run.resolve("stderr"), 0);
        write(run.resolve("root-output"), 60);
        write(run.resolve("invoked.timestamp"), 48);
        for (int i = 0; i < 2; i++) {
          write(out.resolve("generated_" + i + ".rs"), logUniform(100, 50_000));
        }
      }
    }
    Path incremental = Files.createDirectories(dir.resolve("incremental"));
    for (int c = 0; c < incrementalCrates; c++) {
      Path crateDir = Files.createDirectories(incremental.resolve("crate_" + c + "-" + base32(13)));
      for (int session = 0; session < 2; session++) {
        Path s =
            Files.createDirectories(
                crateDir.resolve("s-" + base32(10) + "-" + base32(13) + "-" + base32(20)));
        write(crateDir.resolve(s.getFileName() + ".lock"), 0);
        write(s.resolve("dep-graph.bin"), logUniform(10_000, 2_000_000));
        write(s.resolve("query-cache.bin"), logUniform(10_000, 2_000_000));
        write(s.resolve("work-products.bin"), logUniform(100, 20_000));
        int objects = 50 + random.nextInt(700);
        for (int o = 0; o < objects; o++) {
          write(s.resolve(base32(10) + "-cgu." + o + ".rcgu.o"), logUniform(64, 16_384));
        }
      }
    }
  }

  private int logUniform(int min, int max) {
    return (int) Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
  }

  private String base32(int length) {
    String alphabet = "0123456789abcdefghijklmnopqrstuv";
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(32)));
    }
    return s.toString();
  }

  private Path write(Path file, int size) throws IOException {
    try (var out = Files.newOutputStream(file)) {
      out.write(ZEROS, 0, size);
    }
    files++;
    bytes += size;
    return file;
  }
}
