package dev.dxexporter.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The branch and commit a checkout is on, read from {@code .git/HEAD} and its ref (loose or in
 * {@code packed-refs}) without running git: reports found on disk are attributed to the commit they
 * were produced from, so a case that failed and passed on one commit is seen as flaky. Bounded
 * reads; anything unexpected gives empty values, never an error.
 */
record GitHead(String branch, String commit) {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
  private static final int MAX_BYTES = 1 << 20;
  static final GitHead NONE = new GitHead(null, null);

  static GitHead of(Path projectRoot) {
    Path git = projectRoot.resolve(".git");
    try {
      if (Files.isRegularFile(git)) { // a worktree or submodule: "gitdir: <path>"
        String text = read(git).orElse("");
        if (!text.startsWith("gitdir:")) {
          return NONE;
        }
        git = projectRoot.resolve(text.substring("gitdir:".length()).strip());
      }
      Optional<String> head = read(git.resolve("HEAD"));
      if (head.isEmpty()) {
        return NONE;
      }
      String h = head.get().strip();
      if (SHA.matcher(h).matches()) {
        return new GitHead(null, h);
      }
      if (!h.startsWith("ref: refs/heads/")) {
        return NONE;
      }
      String ref = h.substring("ref: ".length());
      String branch = ref.substring("refs/heads/".length());
      Path common = commonDir(git);
      Optional<String> loose = read(git.resolve(ref)).or(() -> read(common.resolve(ref)));
      if (loose.isPresent() && SHA.matcher(loose.get().strip()).matches()) {
        return new GitHead(branch, loose.get().strip());
      }
      for (String line : read(common.resolve("packed-refs")).orElse("").split("\n")) {
        String[] parts = line.strip().split(" ");
        if (parts.length == 2 && parts[1].equals(ref) && SHA.matcher(parts[0]).matches()) {
          return new GitHead(branch, parts[0]);
        }
      }
      return new GitHead(branch, null);
    } catch (RuntimeException e) {
      return NONE;
    }
  }

  private static Path commonDir(Path git) {
    return read(git.resolve("commondir")).map(c -> git.resolve(c.strip())).orElse(git);
  }

  private static Optional<String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Optional.of(new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
