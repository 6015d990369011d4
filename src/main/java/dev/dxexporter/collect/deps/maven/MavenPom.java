package dev.dxexporter.collect.deps.maven;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The parts of one pom.xml the dependency count needs, as written: coordinates, parent, modules,
 * properties, {@code <dependencies>} and {@code <dependencyManagement>}. Profiles, plugins and
 * their dependencies are ignored (they are not the module's declared dependencies).
 *
 * <p>Parsed with the kit's {@link SecureXml} (the JDK's StAX, DTDs and external entities off): a
 * DOCTYPE is not processed, so XXE and entity-expansion payloads fail as undeclared entities
 * instead of being resolved.
 */
record MavenPom(
    Path file,
    String groupId,
    String artifactId,
    String version,
    Parent parent,
    List<String> modules,
    Map<String, String> properties,
    List<MavenDependency> dependencies,
    List<MavenDependency> managedDependencies) {

  /** {@code <parent>}; {@code relativePath} is null when absent (Maven's default ../pom.xml). */
  record Parent(String groupId, String artifactId, String version, String relativePath) {}

  /** Real poms nest about 10 deep; the cap keeps hostile nesting from costing quadratic memory. */
  static final int MAX_DEPTH = 100;

  private static final String DEPENDENCY = "project/dependencies/dependency";
  private static final String MANAGED = "project/dependencyManagement/dependencies/dependency";

  /**
   * A pom.xml is a few KiB to a few hundred; it is read whole and every dependency kept (about 4
   * bytes of heap per byte): 32 MiB needed all of {@code -Xmx128m} ({@code bench/parse-heap.sh}),
   * so a hostile one is refused past 8 MiB.
   */
  static final long MAX_BYTES = 8L << 20;

  static MavenPom read(Path file, BoundedFiles files, SecureXml xmlInput) throws InputException {
    try {
      if (java.nio.file.Files.size(file) > MAX_BYTES) {
        throw new InputException(file, "larger than " + MAX_BYTES + " bytes: not a pom.xml");
      }
    } catch (java.io.IOException e) {
      // readBytes names the problem (missing, unreadable)
    }
    byte[] bytes = files.readBytes(file);
    XMLStreamReader xml = null;
    try {
      try {
        xml = xmlInput.open(new ByteArrayInputStream(bytes), file);
      } catch (InputException e) {
        // The JDK reads the XML declaration when opening: word that failure like the later ones.
        throw e.getCause() instanceof XMLStreamException x ? unreadable(file, x) : e;
      }
      return new Builder(file).parse(xml);
    } catch (XMLStreamException e) {
      throw unreadable(file, e);
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException ignored) {
          // nothing left to release for an in-memory stream
        }
      }
    }
  }

  private static InputException unreadable(Path file, XMLStreamException e) {
    Location at = e.getLocation();
    String message = e.getMessage();
    // The JDK prefixes "ParseError at [row,col]:[l,c]\nMessage: "; keep only the message.
    int idx = message == null ? -1 : message.indexOf("Message: ");
    String problem =
        idx >= 0 ? message.substring(idx + "Message: ".length()) : String.valueOf(message);
    return new InputException(
        file,
        at == null ? 0 : at.getLineNumber(),
        at == null ? 0 : at.getColumnNumber(),
        "not a readable pom.xml: " + problem,
        e);
  }

  private static final class Builder {
    private final Path file;
    private final Deque<String> path = new ArrayDeque<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> modules = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<MavenDependency> dependencies = new ArrayList<>();
    private final List<MavenDependency> managed = new ArrayList<>();
    private Map<String, String> dependency;
    private int dependencyLine;

    Builder(Path file) {
      this.file = file;
    }

    MavenPom parse(XMLStreamReader xml) throws XMLStreamException, InputException {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          start(xml);
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          end();
        }
      }
      if (values.get("project/artifactId") == null) {
        throw new InputException(file, "no <project><artifactId>");
      }
      String parentGroup = values.get("project/parent/groupId");
      Parent parent =
          values.containsKey("project/parent/artifactId")
              ? new Parent(
                  parentGroup,
                  values.get("project/parent/artifactId"),
                  values.get("project/parent/version"),
                  values.get("project/parent/relativePath"))
              : null;
      return new MavenPom(
          file,
          values.get("project/groupId"),
          values.get("project/artifactId"),
          values.get("project/version"),
          parent,
          List.copyOf(modules),
          Map.copyOf(properties),
          List.copyOf(dependencies),
          List.copyOf(managed));
    }

    private void start(XMLStreamReader xml) throws XMLStreamException, InputException {
      String name = xml.getLocalName();
      if (path.isEmpty() && !name.equals("project")) {
        throw new InputException(
            file,
            xml.getLocation().getLineNumber(),
            xml.getLocation().getColumnNumber(),
            "root element is <" + name + ">, not <project>");
      }
      if (path.size() >= MAX_DEPTH) {
        throw new InputException(
            file,
            xml.getLocation().getLineNumber(),
            xml.getLocation().getColumnNumber(),
            "elements nested deeper than " + MAX_DEPTH);
      }
      String here = path.isEmpty() ? name : path.peekLast() + "/" + name;
      String parentPath = path.isEmpty() ? "" : path.peekLast();
      if (here.equals(DEPENDENCY) || here.equals(MANAGED)) {
        dependency = new LinkedHashMap<>();
        dependencyLine = xml.getLocation().getLineNumber();
        path.addLast(here);
      } else if (dependency != null
          && (parentPath.equals(DEPENDENCY) || parentPath.equals(MANAGED))) {
        if (name.equals("exclusions")) {
          skip(xml);
        } else {
          dependency.put(name, xml.getElementText().trim()); // consumes the end tag
        }
      } else if (parentPath.equals("project/properties")) {
        properties.put(name, xml.getElementText().trim());
      } else if (here.equals("project/modules/module")) {
        modules.add(xml.getElementText().trim());
      } else if (isCoordinate(here)) {
        values.put(here, xml.getElementText().trim());
      } else {
        path.addLast(here);
      }
    }

    private void end() {
      String closing = path.pollLast();
      if (dependency != null && (DEPENDENCY.equals(closing) || MANAGED.equals(closing))) {
        MavenDependency d =
            new MavenDependency(
                dependency.get("groupId"),
                dependency.get("artifactId"),
                dependency.get("type"),
                dependency.get("classifier"),
                dependency.get("scope"),
                dependencyLine);
        (DEPENDENCY.equals(closing) ? dependencies : managed).add(d);
        dependency = null;
      }
    }

    private static boolean isCoordinate(String here) {
      return switch (here) {
        case "project/groupId",
            "project/artifactId",
            "project/version",
            "project/parent/groupId",
            "project/parent/artifactId",
            "project/parent/version",
            "project/parent/relativePath" ->
            true;
        default -> false;
      };
    }

    /** Skips the current element and its content. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
      int depth = 1;
      while (depth > 0 && xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
    }
  }
}
