package dev.dxexporter.ingest;

import dev.dxexporter.collect.input.ReportGlob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Which files on disk are which reports. The files a report's patterns match are grouped by the
 * directory that holds them: Surefire's {@code target/surefire-reports/TEST-*.xml} and Gradle's
 * {@code build/test-results/test/TEST-*.xml} are written by one run each, so each directory is one
 * report (for test results); a coverage report is one file. Directories the walk must not enter
 * ({@code .git}, {@code node_modules}, source and fixture trees) are the caller's predicate.
 */
final class ReportDiscovery {
  /** At most this many reports per configured report entry (more is a misconfigured glob). */
  static final int MAX_GROUPS = 64;

  /** Files the test tools write beside their JUnit reports that are not JUnit XML. */
  private static final Set<String> NOT_REPORTS =
      Set.of("failsafe-summary.xml", "testng-results.xml");

  /** One report found on disk: its label, the directory its names are relative to, its files. */
  record Found(String name, Path base, List<Path> files) {}

  private ReportDiscovery() {}

  /**
   * The reports of one configured entry {@code name}. One group is labelled {@code name}; several
   * are labelled {@code name:<directory relative to the project>} (or {@code name:<file>} for
   * single-file reports), so each stays a report of its own.
   *
   * @param byDirectory true for test results (a directory's files are one run), false when every
   *     file is a report (coverage)
   */
  static List<Found> find(
      Path root, String name, List<String> patterns, Predicate<Path> skip, boolean byDirectory)
      throws IOException, InterruptedException {
    ReportGlob glob = new ReportGlob(root, skip);
    Set<Path> files = new LinkedHashSet<>();
    for (String pattern : patterns) {
      files.addAll(glob.files(pattern));
    }
    Map<Path, List<Path>> groups = new TreeMap<>();
    for (Path f : files) {
      if (byDirectory && NOT_REPORTS.contains(f.getFileName().toString())) {
        continue;
      }
      Path key = byDirectory ? f.getParent() : f;
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    Map<Path, List<Path>> kept = new LinkedHashMap<>();
    for (Map.Entry<Path, List<Path>> e : groups.entrySet()) {
      if (kept.size() == MAX_GROUPS) {
        throw new IOException(
            "report "
                + name
                + ": its patterns match more than "
                + MAX_GROUPS
                + " reports under "
                + root
                + "; narrow them");
      }
      kept.put(e.getKey(), e.getValue());
    }
    List<Found> out = new ArrayList<>();
    boolean one = kept.size() == 1;
    for (Map.Entry<Path, List<Path>> e : kept.entrySet()) {
      Path base = byDirectory ? e.getKey() : e.getKey().getParent();
      String label = one ? name : name + ":" + root.relativize(e.getKey());
      out.add(new Found(label, base, List.copyOf(e.getValue())));
    }
    return out;
  }
}
