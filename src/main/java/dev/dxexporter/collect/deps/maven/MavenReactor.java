package dev.dxexporter.collect.deps.maven;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.SecureXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The projects of a Maven build: the root pom.xml and its {@code <modules>}, recursively, without
 * network access. Each project inherits properties, {@code <dependencies>} and {@code
 * <dependencyManagement>} from its parent when the parent pom is on disk (relativePath, default
 * {@code ../pom.xml}) and matches the declared coordinates; a parent only in a repository (e.g.
 * spring-boot-starter-parent) contributes nothing, nor do imported BOMs. Modules must stay inside
 * the project root.
 */
final class MavenReactor {
  static final int MAX_MODULES = 5_000;
  private static final int MAX_PARENT_DEPTH = 32;
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  private final BoundedFiles files;
  private final SecureXml xmlInput;
  private final Map<Path, MavenPom> poms = new HashMap<>();

  MavenReactor(BoundedFiles files, SecureXml xmlInput) {
    this.files = files;
    this.xmlInput = xmlInput;
  }

  /** Every project of the reactor rooted at {@code rootDir/pom.xml}, in reactor discovery order. */
  List<MavenModule> modules(Path rootDir) throws InputException, InterruptedException {
    Path root = rootDir.toAbsolutePath().normalize();
    Path realRoot = realPath(root, root.resolve("pom.xml"));
    List<MavenModule> result = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    List<Path> pending = new ArrayList<>(List.of(root.resolve("pom.xml")));
    while (!pending.isEmpty()) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("interrupted while reading the Maven reactor " + root);
      }
      Path file = pending.remove(0);
      if (!seen.add(realPath(file, file))) {
        continue;
      }
      if (seen.size() > MAX_MODULES) {
        throw new InputException(root.resolve("pom.xml"), "more than " + MAX_MODULES + " modules");
      }
      MavenPom pom = pom(file);
      result.add(effective(pom));
      List<Path> children = new ArrayList<>();
      for (String module : pom.modules()) {
        Path target = file.getParent().resolve(module).normalize();
        Path moduleFile = Files.isDirectory(target) ? target.resolve("pom.xml") : target;
        if (!moduleFile.startsWith(root) || !realPath(moduleFile, file).startsWith(realRoot)) {
          throw new InputException(
              file, "module `" + module + "` is outside the project root " + root);
        }
        if (!Files.isRegularFile(moduleFile)) {
          throw new InputException(
              moduleFile, "module `" + module + "` of " + file + " has no pom.xml");
        }
        children.add(moduleFile);
      }
      pending.addAll(0, children); // depth first, like the order Maven lists modules in
    }
    return result;
  }

  private MavenPom pom(Path file) throws InputException {
    Path key = file.toAbsolutePath().normalize();
    MavenPom pom = poms.get(key);
    if (pom == null) {
      pom = MavenPom.read(key, files, xmlInput);
      poms.put(key, pom);
    }
    return pom;
  }

  private MavenModule effective(MavenPom pom) throws InputException {
    // The chain from this pom up to the topmost parent found on disk.
    List<MavenPom> chain = new ArrayList<>(List.of(pom));
    Set<Path> inChain = new HashSet<>(List.of(pom.file()));
    MavenPom current = pom;
    while (current.parent() != null && chain.size() <= MAX_PARENT_DEPTH) {
      MavenPom parent = localParent(current);
      if (parent == null || !inChain.add(parent.file())) {
        break;
      }
      chain.add(parent);
      current = parent;
    }
    // Inherit from the top down: a child overrides its parent.
    Map<String, String> properties = new HashMap<>();
    Map<String, MavenDependency> managed = new LinkedHashMap<>();
    Map<String, MavenDependency> declared = new LinkedHashMap<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      MavenPom p = chain.get(i);
      properties.putAll(p.properties());
      p.managedDependencies().forEach(d -> managed.put(d.managementKey(), d));
      p.dependencies().forEach(d -> declared.put(d.managementKey(), d));
    }
    String groupId =
        pom.groupId() != null
            ? pom.groupId()
            : pom.parent() != null ? pom.parent().groupId() : null;
    String version =
        pom.version() != null
            ? pom.version()
            : pom.parent() != null ? pom.parent().version() : null;
    putIfNotNull(properties, "project.groupId", groupId);
    putIfNotNull(properties, "project.artifactId", pom.artifactId());
    putIfNotNull(properties, "project.version", version);
    if (pom.parent() != null) {
      putIfNotNull(properties, "project.parent.groupId", pom.parent().groupId());
      putIfNotNull(properties, "project.parent.version", pom.parent().version());
    }
    String resolvedGroup = interpolate(groupId, properties);
    String resolvedArtifact = interpolate(pom.artifactId(), properties);

    Map<String, MavenDependency> managedResolved = new HashMap<>();
    for (MavenDependency d : managed.values()) {
      MavenDependency r = resolve(d, properties, null);
      managedResolved.put(r.managementKey(), r);
    }
    List<MavenDependency> dependencies = new ArrayList<>();
    for (MavenDependency d : declared.values()) {
      MavenDependency r = resolve(d, properties, null);
      if (r.groupId() == null || r.artifactId() == null) {
        throw new InputException(
            pom.file(), d.line(), 0, "dependency without groupId or artifactId");
      }
      String scope = r.scope();
      if (scope == null) {
        MavenDependency m = managedResolved.get(r.managementKey());
        scope = m != null && m.scope() != null ? m.scope() : "compile";
      }
      dependencies.add(resolve(d, properties, scope));
    }
    return new MavenModule(pom.file(), resolvedGroup, resolvedArtifact, dependencies);
  }

  private MavenPom localParent(MavenPom child) throws InputException {
    MavenPom.Parent parent = child.parent();
    String relative = parent.relativePath() == null ? "../pom.xml" : parent.relativePath();
    if (relative.isEmpty()) {
      return null; // <relativePath/>: the parent is looked up in repositories only
    }
    Path target = child.file().getParent().resolve(relative).normalize();
    Path file = Files.isDirectory(target) ? target.resolve("pom.xml") : target;
    try {
      if (!Files.isRegularFile(file) || !files.isInside(file)) {
        return null; // e.g. the project root is a module of a build above it: parent stays
        // unresolved
      }
    } catch (java.io.IOException e) {
      return null;
    }
    MavenPom candidate = pom(file);
    String candidateGroup =
        candidate.groupId() != null
            ? candidate.groupId()
            : candidate.parent() != null ? candidate.parent().groupId() : null;
    // Maven ignores a pom at relativePath whose coordinates differ from <parent>.
    boolean matches =
        parent.artifactId().equals(candidate.artifactId())
            && (parent.groupId() == null || parent.groupId().equals(candidateGroup));
    return matches ? candidate : null;
  }

  private static MavenDependency resolve(
      MavenDependency d, Map<String, String> properties, String scope) {
    return d.withCoordinates(
        interpolate(d.groupId(), properties),
        interpolate(d.artifactId(), properties),
        interpolate(d.type(), properties),
        interpolate(d.classifier(), properties),
        scope != null ? scope : interpolate(d.scope(), properties));
  }

  /**
   * Replaces {@code ${name}} with known properties, a few rounds for nested ones; unknown stay as
   * written.
   */
  static String interpolate(String value, Map<String, String> properties) {
    if (value == null) {
      return null;
    }
    String current = value;
    for (int round = 0; round < 8 && current.contains("${"); round++) {
      Matcher m = PROPERTY.matcher(current);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String replacement = properties.getOrDefault(m.group(1), m.group(0));
        m.appendReplacement(out, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(out);
      if (out.length() > 4096) {
        return current; // a property bomb; keep the unexpanded text
      }
      String next = out.toString();
      if (next.equals(current)) {
        break;
      }
      current = next;
    }
    return current;
  }

  private static void putIfNotNull(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static Path realPath(Path path, Path mentionedIn) throws InputException {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new InputException(mentionedIn, "cannot resolve " + path + ": " + e, e);
    }
  }
}
