package dev.dxexporter.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the main code, read from its import lines: sources know nothing of transport,
 * scheduling or config; the metrics model and the HTTP server know no source; no two packages
 * import each other, even through others; no file grows past about 300 lines.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final String ROOT = "dev.dxexporter";
  private static final Pattern PACKAGE =
      Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern IMPORT =
      Pattern.compile(
          "^import\\s+(?:static\\s+)?(dev\\.dxexporter(?:\\.[a-z]\\w*)*)\\.[A-Z]",
          Pattern.MULTILINE);
  private static final Pattern QUALIFIED =
      Pattern.compile("\\b(dev\\.dxexporter(?:\\.[a-z]\\w*)*)\\.[A-Z]\\w*");

  /** Package name to the packages it uses (imports, and fully qualified names in code). */
  private static Map<String, Set<String>> dependencies() {
    Map<String, Set<String>> deps = new TreeMap<>();
    for (Path file : files()) {
      String text = read(file);
      Matcher p = PACKAGE.matcher(text);
      assertThat(p.find()).as(file + " has a package").isTrue();
      String pkg = p.group(1);
      Set<String> used = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
      for (Pattern pattern : List.of(IMPORT, QUALIFIED)) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            used.add(m.group(1));
          }
        }
      }
    }
    return deps;
  }

  private static List<Path> files() {
    try (Stream<Path> s = Files.walk(MAIN)) {
      return s.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean under(String pkg, String area) {
    String a = ROOT + "." + area;
    return pkg.equals(a) || pkg.startsWith(a + ".");
  }

  @Test
  void sourcesKnowNothingOfConfigSchedulingOrTransport() {
    dependencies()
        .forEach(
            (pkg, used) -> {
              if (under(pkg, "collect")) {
                assertThat(used)
                    .as("%s imports", pkg)
                    .noneMatch(
                        u ->
                            Stream.of(
                                    "config",
                                    "schedule",
                                    "http",
                                    "plan",
                                    "daemon",
                                    "cli",
                                    "webconfig",
                                    "store",
                                    "gate")
                                .anyMatch(area -> under(u, area)));
              }
            });
  }

  @Test
  void theMetricsModelAndTheServerKnowNoSource() {
    dependencies()
        .forEach(
            (pkg, used) -> {
              if (under(pkg, "metrics") || under(pkg, "http")) {
                assertThat(used)
                    .as("%s imports", pkg)
                    .noneMatch(u -> under(u, "collect") || under(u, "plan") || under(u, "daemon"));
              }
            });
  }

  @Test
  void noPackageImportCircle() {
    Map<String, Set<String>> deps = dependencies();
    for (String start : deps.keySet()) {
      // Every package reachable from start; reaching start again is a circle.
      Set<String> seen = new HashSet<>();
      List<String> frontier = new ArrayList<>(deps.get(start));
      while (!frontier.isEmpty()) {
        String next = frontier.remove(frontier.size() - 1);
        assertThat(next).as("a circle through %s", start).isNotEqualTo(start);
        if (seen.add(next)) {
          frontier.addAll(deps.getOrDefault(next, Set.of()));
        }
      }
    }
  }

  @Test
  void mainBuildsTheSourcesAndNothingElse() {
    String main = read(MAIN.resolve("dev/dxexporter/Main.java"));
    assertThat(main.lines().filter(l -> l.startsWith("import dev.dxexporter.")))
        .allMatch(l -> l.contains(".plan.") || l.contains(".ingest.") || l.contains(".cli.Cli;"));
  }

  @Test
  void noFileOverAbout300Lines() {
    for (Path f : files()) {
      assertThat(read(f).lines().count()).as(f.toString()).isLessThanOrEqualTo(320);
    }
  }
}
