package dev.dxexporter.collect.input;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Finds the files a report pattern names under a project root: {@code
 * target/surefire-reports/*.xml}, {@code build/test-results/**}{@code /TEST-*.xml}, {@code
 * coverage/lcov.info}. Segments are matched one at a time with Java's glob syntax ({@code *},
 * {@code ?}, {@code [..]}, {@code {a,b}} within a segment); {@code **} matches any number of
 * directories, zero included.
 *
 * <p>Stays inside the project: a pattern that is absolute or climbs with {@code ..} is refused, a
 * {@code **} walk never enters a symlinked directory, a path through a symlink that resolves
 * outside the root is dropped, and depth and match count are capped. Directories the caller wants
 * skipped ({@code .git}, {@code node_modules}, fixture trees) are not entered by wildcards; a
 * literal path still reaches them, as the user wrote it.
 */
public final class ReportGlob {
  public static final int DEFAULT_MAX_DEPTH = 32;
  public static final int DEFAULT_MAX_MATCHES = 100_000;

  private final Path root;
  private final Path realRoot;
  private final Predicate<Path> skipDirectory;
  private final int maxDepth;
  private final int maxMatches;

  /**
   * @param skipDirectory given a directory's path relative to the root, whether wildcards must not
   *     enter it
   */
  public ReportGlob(Path root, Predicate<Path> skipDirectory, int maxDepth, int maxMatches)
      throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = this.root.toRealPath();
    this.skipDirectory = skipDirectory;
    this.maxDepth = maxDepth;
    this.maxMatches = maxMatches;
  }

  public ReportGlob(Path root, Predicate<Path> skipDirectory) throws IOException {
    this(root, skipDirectory, DEFAULT_MAX_DEPTH, DEFAULT_MAX_MATCHES);
  }

  /** Whether the pattern holds a wildcard (else it names one path). */
  public static boolean isPattern(String pattern) {
    return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /**
   * Checks a pattern's shape (relative, no {@code ..}, valid glob segments) without touching the
   * disk; returns the problem, or null when it is fine. For config validation.
   */
  public static String problem(String pattern) {
    String p = pattern.replace('\\', '/');
    if (p.isBlank()) {
      return "pattern is empty";
    }
    if (p.startsWith("/") || Path.of(pattern).isAbsolute()) {
      return "pattern must be relative to the project";
    }
    for (String segment : p.split("/")) {
      if (segment.equals("..")) {
        return "pattern must not climb out of the project with ..";
      }
      if (!segment.equals("**") && isPattern(segment)) {
        try {
          FileSystems.getDefault().getPathMatcher("glob:" + segment);
        } catch (IllegalArgumentException e) {
          return "invalid glob segment `" + segment + "`: " + e.getMessage();
        }
      }
    }
    return null;
  }

  /** The regular files the pattern matches, sorted; none when nothing exists yet. */
  public List<Path> files(String pattern) throws IOException, InterruptedException {
    String problem = problem(pattern);
    if (problem != null) {
      throw new IllegalArgumentException(problem + ": " + pattern);
    }
    List<String> segments = new ArrayList<>();
    for (String s : pattern.replace('\\', '/').split("/")) {
      if (!s.isEmpty() && !s.equals(".")) {
        segments.add(s);
      }
    }
    Set<Path> out = new TreeSet<>();
    if (!segments.isEmpty()) {
      walk(root, segments, 0, 0, new HashSet<>(), out, pattern);
    }
    return new ArrayList<>(out);
  }

  private record Visit(Path dir, int segment) {}

  private void walk(
      Path dir,
      List<String> segments,
      int index,
      int depth,
      Set<Visit> visited,
      Set<Path> out,
      String pattern)
      throws IOException, InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("interrupted while matching " + pattern);
    }
    if (depth > maxDepth || !visited.add(new Visit(dir, index))) {
      return;
    }
    String segment = segments.get(index);
    boolean last = index == segments.size() - 1;
    if (segment.equals("**")) {
      if (last) { // every file below, through real (non-symlinked) directories
        for (Path child : children(dir, p -> true)) {
          if (!isRealDirectory(child)) {
            addIfFile(child, out, pattern);
          } else if (!skipped(child)) {
            walk(child, segments, index, depth + 1, visited, out, pattern);
          }
        }
        return;
      }
      walk(dir, segments, index + 1, depth, visited, out, pattern); // ** as zero directories
      for (Path child : children(dir, p -> true)) {
        if (isRealDirectory(child) && !skipped(child)) {
          walk(child, segments, index, depth + 1, visited, out, pattern);
        }
      }
      return;
    }
    if (!isPattern(segment)) {
      Path child = dir.resolve(segment);
      if (last) {
        addIfFile(child, out, pattern);
      } else if (Files.isDirectory(child) && inside(child)) {
        walk(child, segments, index + 1, depth + 1, visited, out, pattern);
      }
      return;
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + segment);
    for (Path child : children(dir, p -> matcher.matches(p.getFileName()))) {
      if (last) {
        addIfFile(child, out, pattern);
      } else if (isRealDirectory(child) && !skipped(child)) {
        walk(child, segments, index + 1, depth + 1, visited, out, pattern);
      }
    }
  }

  private List<Path> children(Path dir, Predicate<Path> filter) throws IOException {
    List<Path> children = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return children;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, filter::test)) {
      stream.forEach(children::add);
    } catch (java.nio.file.AccessDeniedException | java.nio.file.NoSuchFileException e) {
      // unreadable or vanished while we looked: nothing to report from there
    }
    return children;
  }

  private static boolean isRealDirectory(Path p) {
    try {
      BasicFileAttributes a =
          Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return a.isDirectory();
    } catch (IOException e) {
      return false;
    }
  }

  private boolean skipped(Path dir) {
    return skipDirectory.test(root.relativize(dir));
  }

  private void addIfFile(Path file, Set<Path> out, String pattern) throws IOException {
    if (Files.isRegularFile(file) && inside(file)) {
      out.add(file);
      if (out.size() > maxMatches) {
        throw new IOException(
            "pattern `" + pattern + "` matches more than " + maxMatches + " files under " + root);
      }
    }
  }

  private boolean inside(Path p) {
    try {
      return p.toRealPath().startsWith(realRoot);
    } catch (IOException e) {
      return false;
    }
  }
}
