package dev.dxexporter.collect.cache;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds the awkward trees the scanner must measure exactly like du. Names that Java cannot express
 * (non-UTF-8 bytes, paths beyond PATH_MAX) are made with bash. Deterministic for a given seed.
 */
final class TestTrees {
  private TestTrees() {}

  static final int[] SIZES = {
    0, 1, 100, 511, 512, 513, 4095, 4096, 4097, 8191, 65536, 100_000, 1 << 20
  };

  static void plainFiles(Path dir, Random random, int count) throws IOException {
    Files.createDirectories(dir);
    for (int i = 0; i < count; i++) {
      int size =
          i < SIZES.length ? SIZES[i] : random.nextInt(random.nextBoolean() ? 5000 : 300_000);
      byte[] content = new byte[size];
      random.nextBytes(content);
      Files.write(dir.resolve("f" + i + ".bin"), content);
    }
    Files.createFile(dir.resolve("empty"));
  }

  static void hardLinks(Path dir) throws IOException {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b/c"));
    Path original = Files.write(a.resolve("original"), new byte[50_000]);
    Files.createLink(a.resolve("same-dir-link"), original);
    Files.createLink(b.resolve("other-dir-link"), original);
    Path small = Files.write(a.resolve("small"), new byte[10]);
    Files.createLink(b.resolve("small-link"), small);
    Path empty = Files.createFile(b.resolve("empty"));
    Files.createLink(a.resolve("empty-link"), empty);
  }

  /** A file with a link outside the scanned tree: nlink 2, seen once, still counted. */
  static void linkLeavingTree(Path inside, Path outside) throws IOException {
    Files.createDirectories(inside);
    Files.createDirectories(outside);
    Path f = Files.write(inside.resolve("linked-elsewhere"), new byte[30_000]);
    Files.createLink(outside.resolve("the-other-name"), f);
  }

  static void sparseFiles(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    try (RandomAccessFile file = new RandomAccessFile(dir.resolve("holes").toFile(), "rw")) {
      file.setLength(10_000_000);
      file.seek(5_000_000);
      file.write(new byte[10_000]);
    }
    try (RandomAccessFile file = new RandomAccessFile(dir.resolve("all-hole").toFile(), "rw")) {
      file.setLength(3_000_000);
    }
    Shell.bash("truncate -s 1G \"$1/truncated-1G\"", dir.toString());
  }

  /** 45 levels of 100-byte names: the deepest path is over 4,500 bytes, beyond PATH_MAX. */
  static void deepNesting(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Shell.bash(
        "cd \"$1\"; name=$(printf 'd%.0s' $(seq 100));"
            + " for i in $(seq 45); do mkdir \"$name\"; cd \"$name\"; printf %${i}s > \"file$i\"; done;"
            + " head -c 20000 /dev/zero > bottom; mkdir empty-at-the-bottom; test ${#PWD} -gt 4096",
        dir.toString());
  }

  static void symlinks(Path dir) throws IOException {
    Path target = Files.createDirectories(dir.resolve("real"));
    Files.write(target.resolve("data"), new byte[70_000]);
    Files.createSymbolicLink(dir.resolve("to-file"), target.resolve("data"));
    Files.createSymbolicLink(dir.resolve("to-dir"), target);
    Files.createSymbolicLink(dir.resolve("to-dir-relative"), Path.of("real"));
    Files.createSymbolicLink(dir.resolve("dangling"), Path.of("no/such/file"));
    Files.createSymbolicLink(dir.resolve("loop-a"), Path.of("loop-b"));
    Files.createSymbolicLink(dir.resolve("loop-b"), Path.of("loop-a"));
    Files.createSymbolicLink(dir.resolve("self"), Path.of("self"));
    Files.createSymbolicLink(dir.resolve("parent"), Path.of(".."));
    Files.createSymbolicLink(dir.resolve("slash"), Path.of("/"));
    // A target longer than 60 bytes does not fit in an ext4 inode: the link gets a data block.
    Files.createSymbolicLink(dir.resolve("long-target"), Path.of("x".repeat(300)));
    Files.createSymbolicLink(target.resolve("up"), Path.of("../.."));
  }

  static void emptyDirectories(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("e1/e2/e3"));
    Files.createDirectories(dir.resolve("e4"));
  }

  /** Non-UTF-8 bytes, Japanese (as in the Cargo fixtures), a newline, a 255-byte name. */
  static void oddNames(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Shell.bash(
        "cd \"$1\"; mkdir $'bad\\xff\\xfedir'; printf 12345 > $'bad\\xff\\xfedir/\\x80\\x81file';"
            + " mkdir $'\\xe6\\x97\\xa5\\xe6\\x9c\\xac\\xe8\\xaa\\x9e'; head -c 3000 /dev/zero >"
            + " $'\\xe6\\x97\\xa5\\xe6\\x9c\\xac\\xe8\\xaa\\x9e/\\xe3\\x83\\x95\\xe3\\x82\\xa1\\xe3\\x82\\xa4\\xe3\\x83\\xab';"
            + " printf x > $'new\\nline'; printf yy > 'with space';"
            + " head -c 777 /dev/zero > \"$(printf 'n%.0s' $(seq 255))\";"
            + " mkdir ...; printf z > .hidden; printf zz > .../..x",
        dir.toString());
  }

  static void wide(Path dir, int files, int directories) throws IOException {
    Files.createDirectories(dir);
    for (int i = 0; i < files; i++) {
      Files.write(dir.resolve("w" + i), new byte[i % 9000]);
    }
    for (int i = 0; i < directories; i++) {
      Path sub = Files.createDirectories(dir.resolve("sub" + i));
      Files.write(sub.resolve("one"), new byte[i]);
    }
  }

  /** A random tree of about {@code files} files with random hard links across directories. */
  static void random(Path root, long seed, int files) throws IOException {
    Random random = new Random(seed);
    List<Path> dirs = new ArrayList<>(List.of(Files.createDirectories(root)));
    List<Path> created = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      if (random.nextInt(15) == 0) {
        dirs.add(Files.createDirectories(dirs.get(random.nextInt(dirs.size())).resolve("d" + i)));
      }
      Path dir = dirs.get(random.nextInt(dirs.size()));
      if (!created.isEmpty() && random.nextInt(20) == 0) {
        Files.createLink(dir.resolve("l" + i), created.get(random.nextInt(created.size())));
      } else {
        byte[] content = new byte[random.nextInt(random.nextInt(8) == 0 ? 1_000_000 : 20_000)];
        created.add(Files.write(dir.resolve("f" + i), content));
      }
    }
  }

  /** Gives every non-directory under {@code dir} the modification time {@code instant}. */
  static void touchAll(Path dir, Instant instant) throws IOException, InterruptedException {
    Shell.bash(
        "find \"$1\" ! -type d -exec touch -h -d \"@$2\" {} +",
        dir.toString(),
        String.valueOf(instant.getEpochSecond()));
  }
}
