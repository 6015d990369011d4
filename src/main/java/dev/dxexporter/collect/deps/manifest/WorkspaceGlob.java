package dev.dxexporter.collect.deps.manifest;

import dev.dxexporter.collect.input.InputException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Expands a workspace member pattern (Cargo {@code members}, npm {@code workspaces}) into
 * directories under a project root, segment by segment like the Rust {@code glob} crate: {@code *},
 * {@code ?}, {@code [..]} within one path segment and {@code **} for any depth.
 *
 * <p>Hostile patterns are refused: a pattern that leaves the root (absolute, {@code ..}, or through
 * a symlink) is an error, {@code **} does not follow a symlink back into a directory it is already
 * in, and depth and match count are capped.
 *
 * <p>Not {@link dev.dxexporter.collect.input.ReportGlob}: this one yields directories, keeps a
 * literal member path even when it does not exist (Cargo then reports the missing manifest), lets
 * {@code ..} move within the root and follows symlinks that stay inside it, as Cargo and npm do.
 */
public final class WorkspaceGlob {
  static final int MAX_DEPTH = 24;
  static final int MAX_MATCHES = 10_000;

  private final Path root;
  private final Path realRoot;
  private final Path declaringFile;

  /** {@code declaringFile} is the manifest the pattern comes from, named in errors. */
  public WorkspaceGlob(Path root, Path declaringFile) throws InputException {
    this.root = root.toAbsolutePath().normalize();
    this.declaringFile = declaringFile;
    try {
      this.realRoot = this.root.toRealPath();
    } catch (IOException e) {
      throw new InputException(declaringFile, "cannot resolve project root " + root + ": " + e, e);
    }
  }

  static boolean isPattern(String segment) {
    return segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0 || segment.indexOf('[') >= 0;
  }

  /**
   * The directories the pattern names, sorted. A pattern without wildcards yields its path even
   * when it does not exist (so the caller reports the missing manifest, as Cargo does); a pattern
   * with wildcards yields only existing directories.
   */
  public List<Path> expand(String pattern) throws InputException, InterruptedException {
    String normalised = pattern.replace('\\', '/');
    if (normalised.startsWith("/") || Path.of(pattern).isAbsolute()) {
      throw escape(pattern);
    }
    Set<Path> current = new LinkedHashSet<>(List.of(root));
    boolean wildcard = false;
    for (String segment : normalised.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      Set<Path> next = new LinkedHashSet<>();
      for (Path dir : current) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("interrupted while expanding " + pattern);
        }
        if (segment.equals("..")) {
          Path parent = dir.getParent();
          if (parent == null || !parent.startsWith(root)) {
            throw escape(pattern);
          }
          next.add(parent);
        } else if (segment.equals("**")) {
          wildcard = true;
          descendants(dir, 0, new HashSet<>(), next);
        } else if (isPattern(segment)) {
          wildcard = true;
          matchingChildren(dir, segment, next);
        } else {
          next.add(dir.resolve(segment));
        }
        if (next.size() > MAX_MATCHES) {
          throw new InputException(
              declaringFile,
              "pattern `" + pattern + "` matches more than " + MAX_MATCHES + " paths");
        }
      }
      current = next;
    }
    Set<Path> result = new TreeSet<>();
    for (Path path : current) {
      if (wildcard && !Files.isDirectory(path)) {
        continue; // like Cargo: stray files matched by a glob are not members
      }
      checkInsideRoot(pattern, path);
      result.add(path);
    }
    return new ArrayList<>(result);
  }

  private void checkInsideRoot(String pattern, Path path) throws InputException {
    if (!path.normalize().startsWith(root)) {
      throw escape(pattern);
    }
    if (Files.exists(path)) {
      try {
        if (!path.toRealPath().startsWith(realRoot)) {
          throw new InputException(
              declaringFile,
              "workspace pattern `"
                  + pattern
                  + "` reaches "
                  + path
                  + ", a symlink out of the project root");
        }
      } catch (IOException e) {
        throw new InputException(declaringFile, "cannot resolve " + path + ": " + e, e);
      }
    }
  }

  private void matchingChildren(Path dir, String segment, Set<Path> into) throws InputException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    PathMatcher matcher;
    try {
      matcher = FileSystems.getDefault().getPathMatcher("glob:" + segment);
    } catch (IllegalArgumentException e) {
      throw new InputException(
          declaringFile,
          "invalid workspace pattern segment `" + segment + "`: " + e.getMessage(),
          e);
    }
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      for (Path child : children) {
        if (matcher.matches(child.getFileName())) {
          into.add(child);
        }
      }
    } catch (IOException e) {
      throw new InputException(declaringFile, "cannot list " + dir + ": " + e, e);
    }
  }

  /**
   * {@code dir} and every directory below it, each real directory once (symlink loops end here).
   */
  private void descendants(Path dir, int depth, Set<Path> seenReal, Set<Path> into)
      throws InputException, InterruptedException {
    if (!Files.isDirectory(dir) || depth > MAX_DEPTH) {
      return;
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("interrupted while expanding ** under " + dir);
    }
    try {
      if (!seenReal.add(dir.toRealPath())) {
        return;
      }
    } catch (IOException e) {
      return; // a dangling link: not a directory we can descend into
    }
    into.add(dir);
    if (into.size() > MAX_MATCHES) {
      throw new InputException(
          declaringFile,
          "`**` under " + dir + " matches more than " + MAX_MATCHES + " directories");
    }
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, Files::isDirectory)) {
      stream.forEach(children::add);
    } catch (IOException e) {
      throw new InputException(declaringFile, "cannot list " + dir + ": " + e, e);
    }
    for (Path child : children) {
      descendants(child, depth + 1, seenReal, into);
    }
  }

  private InputException escape(String pattern) {
    return new InputException(
        declaringFile, "workspace pattern `" + pattern + "` escapes the project root " + root);
  }
}
