package dev.dxexporter.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project directories of a Gradle build, for its {@code build/} directories: the root (when it
 * has a build or settings script) and the subprojects that {@code settings.gradle[.kts]} includes
 * ({@code include 'a', ':b:c'} or {@code include(":app")}, one statement per line), each in its
 * default directory ({@code :b:c} is {@code b/c}). Custom {@code projectDir}s are not followed.
 */
final class GradleProjects {
  private static final List<String> SCRIPTS =
      List.of("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts");
  private static final Pattern INCLUDE = Pattern.compile("(?m)^\\s*include\\b\\s*\\(?(.*)$");
  private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']+)[\"']");

  /** settings scripts are a few KB; a huge one is not read whole. */
  private static final long MAX_SETTINGS_BYTES = 1L << 20;

  private GradleProjects() {}

  static boolean isGradleBuild(Path root) {
    return SCRIPTS.stream().anyMatch(s -> Files.isRegularFile(root.resolve(s)));
  }

  /** The root, then each included subproject's directory (which may not exist). */
  static List<Path> directories(Path root) throws IOException {
    List<Path> dirs = new ArrayList<>();
    if (!isGradleBuild(root)) {
      return dirs;
    }
    dirs.add(root);
    for (String name : List.of("settings.gradle", "settings.gradle.kts")) {
      Path settings = root.resolve(name);
      if (!Files.isRegularFile(settings) || Files.size(settings) > MAX_SETTINGS_BYTES) {
        continue;
      }
      Matcher include = INCLUDE.matcher(Files.readString(settings));
      while (include.find()) {
        Matcher quoted = QUOTED.matcher(include.group(1));
        while (quoted.find()) {
          String path = quoted.group(1).replaceFirst("^:", "").replace(':', '/');
          Path dir = root.resolve(path).normalize();
          if (!path.isEmpty() && dir.startsWith(root) && !dirs.contains(dir)) {
            dirs.add(dir);
          }
        }
      }
    }
    return dirs;
  }
}
